using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Json.Schema;

namespace Attio.Emulator.Tests.Contract;

/// <summary>
/// Attio's OpenAPI document turned into JSON Schemas, one per operation response. <c>#/components/schemas/…</c>
/// references are rewritten to <c>#/$defs/…</c> and the components are carried along in every schema document.
/// </summary>
internal sealed class OpenApiContract
{
    /// <summary>Used when the spec documents no body for a status (401, 429, undocumented error codes).</summary>
    private const string GenericError = """
        {"type":"object","required":["status_code","type","code","message"],
         "properties":{"status_code":{"type":"number"},"type":{"type":"string"},"code":{"type":"string"},"message":{"type":"string"},
                       "validation_errors":{"type":"array","items":{"type":"object","required":["code","path","message"]}}}}
        """;

    private static readonly Lazy<OpenApiContract?> Shared = new(Load);
    private readonly JsonObject _paths;
    private readonly JsonObject _definitions;
    private readonly ConcurrentDictionary<string, JsonSchema> _built = new();
    private int _documents;

    private OpenApiContract(JsonObject document)
    {
        _paths = (JsonObject)document["paths"]!;
        _definitions = (JsonObject)RewriteRefs(document["components"]!["schemas"]!.DeepClone())!;
    }

    public static OpenApiContract? Instance => Shared.Value;

    /// <summary>Validates a response body; says which schema was used and what failed.</summary>
    public (bool FromSpec, string? Failure) Validate(string method, string path, int status, string body)
    {
        var instance = JsonDocument.Parse(body).RootElement;
        var schemaNode = ResponseSchema(method, path, status);
        var fromSpec = schemaNode is not null && (status < 400 || DocumentsCode(schemaNode, instance));
        var key = fromSpec ? $"{method} {Template(path)} {status}" : "generic-error";
        var schema = _built.GetOrAdd(key, _ => Build(fromSpec ? schemaNode! : JsonNode.Parse(GenericError)!));
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return (fromSpec, null);
        }

        var errors = (result.Details ?? [])
            .Where(d => !d.IsValid && d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation} ({d.EvaluationPath}): {string.Join("; ", d.Errors!.Values)}")
            .Take(8);
        return (fromSpec, $"{method} {path} {status} [{key}]\n  " + string.Join("\n  ", errors) + $"\n  body: {Truncate(body)}");
    }

    private static OpenApiContract? Load()
    {
        var file = RepoPaths.OpenApiFile;
        return File.Exists(file) ? new OpenApiContract((JsonObject)YamlToJson.Convert(File.ReadAllText(file))!) : null;
    }

    private JsonNode? ResponseSchema(string method, string path, int status)
    {
        var template = Template(path);
        var responses = template is null ? null : _paths[template]?[method.ToLowerInvariant()]?["responses"];
        var response = responses?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses?["default"];
        return response?["content"]?["application/json"]?["schema"];
    }

    /// <summary>An error body is checked against the spec only when the spec lists its code; the spec does not list every code.</summary>
    private static bool DocumentsCode(JsonNode schema, JsonElement instance)
    {
        var codes = schema["properties"]?["code"]?["enum"] as JsonArray;
        return codes is null ||
               (instance.TryGetProperty("code", out var code) && codes.Any(c => (string?)c == code.GetString()));
    }

    private string? Template(string path)
    {
        var actual = path.Trim('/').Split('/');
        return _paths
            .Select(p => p.Key)
            .Select(template => (Template: template, Segments: template.Trim('/').Split('/')))
            .Where(t => t.Segments.Length == actual.Length &&
                        t.Segments.Zip(actual).All(s => s.First.StartsWith('{') || s.First == s.Second))
            .OrderByDescending(t => t.Segments.Count(s => !s.StartsWith('{')))
            .Select(t => t.Template)
            .FirstOrDefault();
    }

    private JsonSchema Build(JsonNode schema)
    {
        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = _definitions.DeepClone(),
            ["allOf"] = new JsonArray(RewriteRefs(schema.DeepClone())),
        };
        var id = new Uri($"https://contract.test/schema-{Interlocked.Increment(ref _documents)}.json");
        return JsonSchema.FromText(document.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, id);
    }

    /// <summary>
    /// Rewrites component references to <c>$defs</c>, and reads OpenAPI nullability the way the spec means it:
    /// <c>nullable: true</c> adds "null" to the type, and an enum on a type that allows null also allows null
    /// (the spec lists <c>type: [string, null]</c> with enums that omit null, which real responses would fail).
    /// </summary>
    private static JsonNode? RewriteRefs(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if ((bool?)obj["nullable"] == true && obj["type"] is JsonValue single)
                {
                    obj["type"] = new JsonArray(single.GetValue<string>(), "null");
                }

                if (obj["type"] is JsonArray types && types.Any(t => (string?)t == "null") &&
                    obj["enum"] is JsonArray options && options.All(o => o is not null))
                {
                    options.Add(null);
                }

                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (key == "$ref" && (string?)obj[key] is { } target && target.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                    {
                        obj[key] = "#/$defs/" + target["#/components/schemas/".Length..];
                    }
                    else
                    {
                        RewriteRefs(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RewriteRefs(item);
                }

                break;
        }

        return node;
    }

    private static string Truncate(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
