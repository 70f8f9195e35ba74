using System.Text.Json.Nodes;
using Attio.Emulator;

namespace Attio.Operations.Tests;

/// <summary>An emulator serving the repository's schema, optionally changed first (a renamed or retyped attribute, ...).</summary>
internal static class Workspace
{
    public static string SchemaPath => Path.Combine(AppContext.BaseDirectory, "attio-schema.json");

    public static Task<AttioEmulator> StartAsync(Action<JsonObject>? change = null)
    {
        if (change is null)
        {
            return AttioEmulator.StartAsync(SchemaPath);
        }

        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();
        change(schema);
        string path = Path.Combine(Path.GetTempPath(), $"attio-ops-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, schema.ToJsonString());
        return AttioEmulator.StartAsync(path);
    }

    public static JsonObject Attribute(JsonObject schema, string objectSlug, string attributeSlug) =>
        schema["objects"]!.AsArray().Select(o => o!.AsObject()).Single(o => (string?)o["api_slug"] == objectSlug)["attributes"]!.AsArray()
            .Select(a => a!.AsObject()).Single(a => (string?)a["api_slug"] == attributeSlug);

    /// <summary>Someone renamed people.job_title to job_role in Attio (same attribute id, new slug).</summary>
    public static void RenameJobTitle(JsonObject schema) => Attribute(schema, "people", "job_title")["api_slug"] = "job_role";

    /// <summary>Harmless: a new attribute on people and a new title for job_title.</summary>
    public static void AddAttributeAndRetitle(JsonObject schema)
    {
        var jobTitle = Attribute(schema, "people", "job_title");
        jobTitle["title"] = "Role";
        var added = jobTitle.DeepClone().AsObject();
        added["api_slug"] = "nickname";
        added["title"] = "Nickname";
        added["id"]!["attribute_id"] = Guid.NewGuid().ToString();
        schema["objects"]!.AsArray().Select(o => o!.AsObject()).Single(o => (string?)o["api_slug"] == "people")["attributes"]!.AsArray().Add(added);
    }
}
