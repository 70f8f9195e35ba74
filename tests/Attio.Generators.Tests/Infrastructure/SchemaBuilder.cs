using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attio.Generators.Tests.Infrastructure;

/// <summary>Small schemas for tests, in the exported file's shape.</summary>
public static class SchemaBuilder
{
    public static JsonObject Attribute(string slug, string type, bool writable = true, bool unique = false, bool multiselect = false, string? title = null, string? description = null) => new()
    {
        ["id"] = new JsonObject { ["attribute_id"] = Guid.NewGuid().ToString() },
        ["title"] = title ?? slug,
        ["description"] = description,
        ["api_slug"] = slug,
        ["type"] = type,
        ["is_writable"] = writable,
        ["is_unique"] = unique,
        ["is_multiselect"] = multiselect,
        ["is_required"] = false,
        ["is_archived"] = false,
    };

    public static JsonObject Object(string slug, string? singular, params JsonObject[] attributes) => new()
    {
        ["id"] = new JsonObject { ["object_id"] = Guid.NewGuid().ToString() },
        ["api_slug"] = slug,
        ["singular_noun"] = singular,
        ["plural_noun"] = singular is null ? null : singular + "s",
        ["attributes"] = new JsonArray(attributes.Select(a => (JsonNode)a).ToArray()),
    };

    public static string Document(params JsonObject[] objects) =>
        new JsonObject { ["format_version"] = 1, ["objects"] = new JsonArray(objects.Select(o => (JsonNode)o).ToArray()) }
            .ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
