using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attio;

/// <summary>JSON-level helpers of the sender: record values, match keys, unions and request bodies.</summary>
internal static class DeliveryJson
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, AttioAttributeInfo>> InfoCache = new(StringComparer.Ordinal);

    // Multiselect attributes of Attio's standard objects, for records that do not list their attributes.
    private static readonly HashSet<string> KnownMultiselect = new(StringComparer.Ordinal)
    {
        "people.email_addresses", "people.phone_numbers", "companies.domains", "workspaces.users", "users.workspace",
    };

    /// <summary>The members of <c>data.values</c> the record writes, each as an array of values.</summary>
    public static List<KeyValuePair<string, List<JsonNode?>>> ValuesOf(AttioRecord record)
    {
        var result = new List<KeyValuePair<string, List<JsonNode?>>>();
        JsonNode? root = JsonNode.Parse(record.ToRequestBody());
        if (root?["data"]?["values"] is not JsonObject values)
        {
            return result;
        }

        foreach (var (slug, node) in values)
        {
            var items = new List<JsonNode?>();
            if (node is JsonArray array)
            {
                foreach (JsonNode? item in array)
                {
                    items.Add(item?.DeepClone());
                }
            }
            else if (node is not null)
            {
                items.Add(node.DeepClone());
            }

            // A single-value clear is written as null; here it stays "no values", which the body writes as [].
            result.Add(new(slug, items));
        }

        return result;
    }

    /// <summary>The record's attribute infos by slug (cached per object).</summary>
    public static IReadOnlyDictionary<string, AttioAttributeInfo> InfosOf(AttioRecord record)
    {
        if (InfoCache.TryGetValue(record.ObjectSlug, out var cached))
        {
            return cached;
        }

        var infos = record.GetAttributeInfos();
        var map = new Dictionary<string, AttioAttributeInfo>(StringComparer.Ordinal);
        foreach (AttioAttributeInfo info in infos)
        {
            map[info.Slug] = info;
        }

        // Only records that list their attributes are cached: a hand-written record without infos must not hide a generated one.
        if (map.Count > 0)
        {
            InfoCache[record.ObjectSlug] = map;
        }

        return map;
    }

    public static bool IsMultiselect(string objectSlug, string slug, IReadOnlyDictionary<string, AttioAttributeInfo> infos) =>
        infos.TryGetValue(slug, out var info) ? info.IsMultiselect : KnownMultiselect.Contains(objectSlug + "." + slug);

    public static AttioAttributeType? TypeOf(string slug, IReadOnlyDictionary<string, AttioAttributeInfo> infos) =>
        infos.TryGetValue(slug, out var info) ? info.Type : null;

    /// <summary>Lower-cases what Attio compares without case: email addresses and domains.</summary>
    public static string Normalise(AttioAttributeType? type, string value) => type switch
    {
        AttioAttributeType.EmailAddress => value.Trim().ToLowerInvariant(),
        AttioAttributeType.Domain => value.Trim().TrimEnd('.').ToLowerInvariant(),
        _ => value,
    };

    /// <summary>The normalised match value of one written value item, e.g. the address of <c>{"email_address":"A@x.com"}</c>.</summary>
    public static string KeyOf(AttioAttributeType? type, JsonNode? item)
    {
        string? field = type switch
        {
            AttioAttributeType.EmailAddress => "email_address",
            AttioAttributeType.Domain => "domain",
            AttioAttributeType.PhoneNumber => "original_phone_number",
            AttioAttributeType.RecordReference or AttioAttributeType.PersonalName or AttioAttributeType.Location or AttioAttributeType.ActorReference => null,
            _ => "value",
        };
        if (field is not null && item is JsonObject obj && obj[field] is JsonValue fieldValue)
        {
            return Normalise(type, ScalarText(fieldValue));
        }

        if (item is JsonValue scalar)
        {
            return Normalise(type, ScalarText(scalar));
        }

        return item?.ToJsonString() ?? "null";
    }

    private static string ScalarText(JsonValue value) =>
        value.TryGetValue(out string? text) ? text : value.ToJsonString();

    /// <summary>Adds the items of <paramref name="more"/> not yet in <paramref name="items"/> (compared normalised), keeping order.</summary>
    public static void AppendUnion(List<JsonNode?> items, List<JsonNode?> more)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonNode? item in items)
        {
            seen.Add(Identity(item));
        }

        foreach (JsonNode? item in more)
        {
            if (seen.Add(Identity(item)))
            {
                items.Add(item);
            }
        }
    }

    // Emails and domains compare without case; any other value by its JSON.
    private static string Identity(JsonNode? item) => item switch
    {
        JsonObject obj when obj.Count == 1 && obj["email_address"] is JsonValue email => "email:" + Normalise(AttioAttributeType.EmailAddress, ScalarText(email)),
        JsonObject obj when obj.Count == 1 && obj["domain"] is JsonValue domain => "domain:" + Normalise(AttioAttributeType.Domain, ScalarText(domain)),
        null => "null",
        _ => item.ToJsonString(),
    };

    /// <summary><c>{"data":{"values":{...}}}</c> for the step's slots that are not dropped, links filled with record ids.</summary>
    public static ByteArrayContent Body(DeliveryStep step, IReadOnlyList<string?> recordIds)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, AttioRecord.RequestWriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            writer.WriteStartObject("values");
            foreach (var (slug, slot) in step.Slots)
            {
                if (step.Dropped.Contains(slug))
                {
                    continue;
                }

                writer.WriteStartArray(slug);
                if (slot.IsLink)
                {
                    writer.WriteStartObject();
                    writer.WriteString("target_object", step.LinkTargetObject);
                    writer.WriteString("target_record_id", recordIds[step.SourceStep]);
                    writer.WriteEndObject();
                }
                else
                {
                    foreach (JsonNode? item in slot.Items)
                    {
                        if (item is null)
                        {
                            writer.WriteNullValue();
                        }
                        else
                        {
                            item.WriteTo(writer);
                        }
                    }
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = JsonMediaType;
        return content;
    }
}
