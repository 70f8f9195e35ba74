using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attio;

/// <summary>A record as Attio returns it: its ids, creation time, web address and every attribute's values.</summary>
public sealed class AttioStoredRecord
{
    /// <summary>The record's ids.</summary>
    [JsonPropertyName("id")]
    public AttioRecordId Id { get; init; } = new();

    /// <summary>When the record was created (ISO 8601, as Attio formats it).</summary>
    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; init; }

    /// <summary>The record's page in the Attio web app.</summary>
    [JsonPropertyName("web_url")]
    public string? WebUrl { get; init; }

    /// <summary>Every attribute's values, keyed by attribute slug, each value with Attio's envelope.</summary>
    [JsonPropertyName("values")]
    public Dictionary<string, JsonElement[]> Values { get; init; } = new();

    /// <summary>The record id.</summary>
    [JsonIgnore]
    public string RecordId => Id.RecordId;

    /// <summary>The active values of <paramref name="attributeSlug"/>, or an empty list.</summary>
    public IReadOnlyList<JsonElement> GetValues(string attributeSlug) =>
        Values.TryGetValue(attributeSlug, out var values) ? values : Array.Empty<JsonElement>();

    /// <summary>
    /// The string field <paramref name="field"/> of the first value of <paramref name="attributeSlug"/>,
    /// e.g. <c>GetString("email_addresses", "email_address")</c>; null when absent.
    /// </summary>
    public string? GetString(string attributeSlug, string field = "value") =>
        StringFields(attributeSlug, field).FirstOrDefault();

    /// <summary>The string field <paramref name="field"/> of every value of <paramref name="attributeSlug"/>.</summary>
    public IReadOnlyList<string> GetStrings(string attributeSlug, string field) =>
        StringFields(attributeSlug, field).ToList();

    private IEnumerable<string> StringFields(string attributeSlug, string field)
    {
        foreach (JsonElement value in GetValues(attributeSlug))
        {
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(field, out var property) && property.ValueKind == JsonValueKind.String)
            {
                yield return property.GetString()!;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id.ObjectId}/{Id.RecordId}";
}

/// <summary>The ids of a record.</summary>
public sealed class AttioRecordId
{
    /// <summary>The workspace id.</summary>
    [JsonPropertyName("workspace_id")]
    public string WorkspaceId { get; init; } = string.Empty;

    /// <summary>The object id.</summary>
    [JsonPropertyName("object_id")]
    public string ObjectId { get; init; } = string.Empty;

    /// <summary>The record id.</summary>
    [JsonPropertyName("record_id")]
    public string RecordId { get; init; } = string.Empty;
}

/// <summary>Attio's success envelope: <c>{"data": ...}</c>.</summary>
/// <typeparam name="T">The payload type.</typeparam>
public sealed class AttioEnvelope<T>
{
    /// <summary>The payload.</summary>
    [JsonPropertyName("data")]
    public T Data { get; init; } = default!;
}
