using System.Text.Json.Nodes;

namespace Attio.Emulator.Tests.Infrastructure;

/// <summary>Writes a changed copy of the repository's schema file, for behaviour the real file has no example of.</summary>
internal sealed class SchemaVariant : IDisposable
{
    private SchemaVariant(string path) => Path = path;

    public string Path { get; }

    public static SchemaVariant Create(Action<JsonObject> change)
    {
        var schema = (JsonObject)JsonNode.Parse(File.ReadAllText(RepoPaths.SchemaFile))!;
        change(schema);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"attio-schema-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, schema.ToJsonString());
        return new SchemaVariant(path);
    }

    public static JsonObject Attribute(JsonObject schema, string obj, string slug) =>
        schema["objects"]!.AsArray().OfType<JsonObject>().Single(o => (string?)o["api_slug"] == obj)["attributes"]!
            .AsArray().OfType<JsonObject>().Single(a => (string?)a["api_slug"] == slug);

    public void Dispose() => File.Delete(Path);
}
