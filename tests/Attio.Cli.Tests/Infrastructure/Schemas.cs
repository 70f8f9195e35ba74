using System.Text.Json.Nodes;

namespace Attio.Cli.Tests.Infrastructure;

/// <summary>The repository's example schema and edited copies of it.</summary>
public static class Schemas
{
    /// <summary>attio-schema.json at the repository root, copied next to the tests.</summary>
    public static string RepositorySchemaPath { get; } = Path.Combine(AppContext.BaseDirectory, "attio-schema.json");

    public static string RepositorySchemaText => File.ReadAllText(RepositorySchemaPath);

    public static JsonObject Load() => JsonNode.Parse(RepositorySchemaText)!.AsObject();

    /// <summary>Writes the repository schema after <paramref name="edit"/> to <paramref name="path"/>.</summary>
    public static string WriteEdited(string path, Action<JsonObject> edit)
    {
        var root = Load();
        edit(root);
        File.WriteAllText(path, root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    public static JsonArray Objects(JsonObject root) => root["objects"]!.AsArray();

    public static JsonObject Object(JsonObject root, string slug) =>
        Objects(root).Select(o => o!.AsObject()).Single(o => (string?)o["api_slug"] == slug);

    public static JsonArray Attributes(JsonObject root, string objectSlug) => Object(root, objectSlug)["attributes"]!.AsArray();

    public static JsonObject Attribute(JsonObject root, string objectSlug, string attributeSlug) =>
        Attributes(root, objectSlug).Select(a => a!.AsObject()).Single(a => (string?)a["api_slug"] == attributeSlug);

    /// <summary>A copy of an existing attribute under a new slug and id.</summary>
    public static JsonObject CloneAttribute(JsonObject root, string objectSlug, string fromSlug, string newSlug)
    {
        var copy = Attribute(root, objectSlug, fromSlug).DeepClone().AsObject();
        copy["api_slug"] = newSlug;
        copy["title"] = newSlug;
        copy["id"]!["attribute_id"] = Guid.NewGuid().ToString();
        return copy;
    }

    /// <summary>The document without exported_at, for semantic comparisons.</summary>
    public static JsonObject WithoutExportedAt(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root.Remove("exported_at");
        return root;
    }
}
