using System.Text.Json.Nodes;
using Attio.Emulator.Schema;

namespace Attio.Emulator.Store;

/// <summary>Turns a stored record into Attio's record shape, with the value envelope on every value.</summary>
internal sealed class RecordRenderer(WorkspaceSchema schema, string tokenId)
{
    public JsonObject Render(StoredRecord record)
    {
        var values = new JsonObject();
        // Every non-archived attribute is echoed, empty ones as [] (U9).
        foreach (var attribute in record.Object.ActiveAttributes)
        {
            var list = new JsonArray();
            foreach (var value in record.ValuesOf(attribute.Slug))
            {
                list.Add(RenderValue(value));
            }

            values[attribute.Slug] = list;
        }

        var noun = record.Object.SingularNoun.ToLowerInvariant().Replace(' ', '-');
        return new JsonObject
        {
            ["id"] = new JsonObject
            {
                ["workspace_id"] = schema.WorkspaceId,
                ["object_id"] = record.Object.Id,
                ["record_id"] = record.Id.ToString(),
            },
            ["created_at"] = record.CreatedAt,
            ["web_url"] = $"https://app.attio.com/{schema.WorkspaceSlug}/{noun}/{record.Id}",
            ["values"] = values,
        };
    }

    public JsonObject RenderValue(StoredValue value)
    {
        var rendered = new JsonObject
        {
            ["active_from"] = value.ActiveFrom,
            ["active_until"] = null,
            ["created_by_actor"] = new JsonObject { ["type"] = "api-token", ["id"] = tokenId },
        };
        foreach (var (key, field) in value.Fields)
        {
            rendered[key] = field?.DeepClone();
        }

        rendered["attribute_type"] = value.AttributeType;
        return rendered;
    }
}
