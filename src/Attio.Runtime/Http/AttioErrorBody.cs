using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attio;

/// <summary>Attio's error body: <c>status_code</c>, <c>type</c>, <c>code</c>, <c>message</c> and, for schema failures, <c>validation_errors</c>.</summary>
public sealed class AttioErrorBody
{
    /// <summary>The HTTP status as a number.</summary>
    [JsonPropertyName("status_code")]
    public int StatusCode { get; init; }

    /// <summary><c>invalid_request_error</c>, <c>auth_error</c> or <c>rate_limit_error</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The machine code, e.g. <c>uniqueness_conflict</c>.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary>Text for humans.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Schema validation details, when Attio gives them.</summary>
    [JsonPropertyName("validation_errors")]
    public List<AttioApiValidationError>? ValidationErrors { get; init; }
}

/// <summary>One item of <c>validation_errors</c>.</summary>
public sealed class AttioApiValidationError
{
    /// <summary>e.g. <c>invalid_type</c>.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary>Where in the body or value the problem is.</summary>
    [JsonPropertyName("path")]
    public List<JsonElement>? Path { get; init; }

    /// <summary>Text for humans.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>What was expected, for <c>invalid_type</c>: the string, or the raw JSON text when Attio sent a number, object or array.</summary>
    [JsonPropertyName("expected")]
    [JsonConverter(typeof(AttioJsonTextConverter))]
    public string? Expected { get; init; }

    /// <summary>What was received, for <c>invalid_type</c>: the string, or the raw JSON text when Attio sent a number, object or array.</summary>
    [JsonPropertyName("received")]
    [JsonConverter(typeof(AttioJsonTextConverter))]
    public string? Received { get; init; }

    /// <summary>The allowed values, for <c>invalid_option</c>.</summary>
    [JsonPropertyName("options")]
    public List<JsonElement>? Options { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{string.Join('.', Path?.Select(p => p.ToString()) ?? Array.Empty<string>())}: {Message}" +
        (Expected is null ? string.Empty : $" (expected {Expected}, received {Received})");
}

/// <summary>
/// Reads any JSON value as text: a string as itself, anything else as its raw JSON. Attio documents
/// <c>expected</c>/<c>received</c> as strings, but a number or object there must not cost the whole error body.
/// </summary>
internal sealed class AttioJsonTextConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
