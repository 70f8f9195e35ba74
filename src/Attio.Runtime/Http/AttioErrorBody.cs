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

    /// <summary>What was expected, for <c>invalid_type</c>.</summary>
    [JsonPropertyName("expected")]
    public string? Expected { get; init; }

    /// <summary>What was received, for <c>invalid_type</c>.</summary>
    [JsonPropertyName("received")]
    public string? Received { get; init; }

    /// <summary>The allowed values, for <c>invalid_option</c>.</summary>
    [JsonPropertyName("options")]
    public List<JsonElement>? Options { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{string.Join('.', Path?.Select(p => p.ToString()) ?? Array.Empty<string>())}: {Message}" +
        (Expected is null ? string.Empty : $" (expected {Expected}, received {Received})");
}
