using System.Text.Json.Nodes;
using Attio.Emulator.Http;
using Attio.Emulator.Schema;

namespace Attio.Emulator.Store;

/// <summary>
/// Keeps the store in a JSON file so a local emulator survives restarts. Values are saved as stored (already
/// normalised), so loading them needs no validation. The file is replaced atomically, so a crash mid-save leaves
/// the previous state. Callers hold the store lock.
/// </summary>
internal sealed class StoreFile(string path, WorkspaceSchema schema, RecordStore store)
{
    private const int FormatVersion = 1;

    public void Load()
    {
        if (!File.Exists(path))
        {
            return;
        }

        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject;
        if (root is null || (int?)root["format_version"] != FormatVersion || root["records"] is not JsonArray records)
        {
            throw new InvalidDataException($"{path} is not an Attio emulator data file (format_version {FormatVersion}).");
        }

        foreach (var item in records.OfType<JsonObject>())
        {
            var obj = schema.FindObject((string?)item["object_id"] ?? string.Empty);
            if (obj is null || !Guid.TryParse((string?)item["id"], out var id))
            {
                // Objects removed from the schema since the data was saved are skipped, not fatal.
                continue;
            }

            var record = new StoredRecord(id, obj, (string?)item["created_at"] ?? string.Empty);
            foreach (var (slug, list) in item["values"] as JsonObject ?? [])
            {
                record.Values[slug] = (list as JsonArray ?? []).OfType<JsonObject>().Select(ReadValue).ToList();
            }

            store.Add(record);
        }
    }

    public void Save()
    {
        var records = new JsonArray();
        foreach (var obj in schema.Objects)
        {
            foreach (var record in store.RecordsOf(obj))
            {
                var values = new JsonObject();
                foreach (var (slug, list) in record.Values)
                {
                    values[slug] = new JsonArray([.. list.Select(WriteValue)]);
                }

                records.Add(new JsonObject
                {
                    ["id"] = record.Id.ToString(),
                    ["object_id"] = obj.Id,
                    ["created_at"] = record.CreatedAt,
                    ["values"] = values,
                });
            }
        }

        var text = Json.Serialize(new JsonObject { ["format_version"] = FormatVersion, ["records"] = records });
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    private static JsonNode WriteValue(StoredValue value) => new JsonObject
    {
        ["fields"] = value.Fields.DeepClone(),
        ["key"] = value.Key,
        ["attribute_type"] = value.AttributeType,
        ["active_from"] = value.ActiveFrom,
    };

    private static StoredValue ReadValue(JsonObject value) =>
        new((value["fields"] as JsonObject)?.DeepClone() as JsonObject ?? [], (string?)value["key"] ?? string.Empty,
            (string?)value["attribute_type"] ?? string.Empty, (string?)value["active_from"] ?? string.Empty);
}
