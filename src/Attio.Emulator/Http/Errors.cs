using System.Text.Json.Nodes;

namespace Attio.Emulator.Http;

/// <summary>
/// Attio's error bodies. Messages are reproduced character for character from the API notes,
/// because the runtime under test may match on them.
/// </summary>
internal static class Errors
{
    private const string InvalidRequest = "invalid_request_error";

    public static ApiError EndpointNotFound(string method, string path) =>
        new(404, InvalidRequest, "not_found", $"Could not find endpoint \"{method} {path}\".");

    public static ApiError MissingAuthorization() =>
        new(401, "auth_error", "unauthorized",
            "The Authorization header was not provided. Please provide an API key or OAuth access token in the Authorization header, using the Bearer scheme.");

    public static ApiError InvalidApiKeyLength() =>
        new(401, "auth_error", "unauthorized",
            "The API Key provided was invalid because it was the wrong length (API Keys should be 64 characters long). You might not have copied the entire API key from your Admin panel?");

    public static ApiError InvalidApiKey() =>
        new(401, "auth_error", "unauthorized",
            "The API Key provided was invalid. Please check that you have copied the entire API key from your Admin panel.");

    /// <summary>GET /v2/self for a token Attio does not know: the spec's 200 answer, not a 401.</summary>
    public static System.Text.Json.Nodes.JsonObject InactiveToken() => new() { ["active"] = false };

    public static ApiError RateLimited(DateTimeOffset retryAt) =>
        new(429, "rate_limit_error", "rate_limit_exceeded", "Rate limit exceeded, please try again later")
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = retryAt.ToUniversalTime().ToString("R") },
        };

    public static ApiError ObjectNotFound(string slugOrId) =>
        new(404, InvalidRequest, "not_found", $"Object with slug/ID \"{slugOrId}\" not found.");

    public static ApiError ListNotFound(string slugOrId) =>
        new(404, InvalidRequest, "not_found", $"List with slug/ID \"{slugOrId}\" not found.");

    public static ApiError QueryObjectNotFound() =>
        new(404, InvalidRequest, "not_found", "The referenced object was not found.");

    public static ApiError AttributeNotFound(string slugOrId) =>
        new(404, InvalidRequest, "not_found", $"Attribute with slug/ID \"{slugOrId}\" not found.");

    public static ApiError RecordNotFound(string recordId) =>
        new(404, InvalidRequest, "not_found", $"Record with ID \"{recordId}\" not found.");

    public static ApiError WorkspaceMemberNotFound(string id) =>
        new(404, InvalidRequest, "not_found", $"Workspace member with ID \"{id}\" not found.");

    public static ApiError BodyValidation(params JsonObject[] issues) =>
        new(400, InvalidRequest, "validation_type", "Body payload validation error.", [.. issues]);

    public static ApiError QueryValidation(params JsonObject[] issues) =>
        new(400, InvalidRequest, "validation_type", "Query parameter validation error.", [.. issues]);

    public static ApiError InvalidValue(string attributeSlug, params JsonObject[] issues) =>
        new(400, InvalidRequest, "validation_type", $"An invalid value was passed to attribute with slug \"{attributeSlug}\".",
            issues.Length == 0 ? null : [.. issues]);

    public static ApiError UnknownValueAttribute(string slugOrId) =>
        new(400, InvalidRequest, "value_not_found", $"Cannot find attribute with slug/ID \"{slugOrId}\".");

    public static ApiError UnknownMatchingAttribute(string slugOrId) =>
        new(400, InvalidRequest, "value_not_found", $"No attribute was found for matching_attribute slug/ID \"{slugOrId}\".");

    public static ApiError MatchingAttributeNotUnique() =>
        new(400, InvalidRequest, "matching_attribute_definition_not_unique", "The matching attribute specified is not a unique attribute.");

    public static ApiError MatchingValueMissing(string slug) =>
        new(400, InvalidRequest, "validation_type", $"Value for matching attribute \"{slug}\" was not provided.");

    public static ApiError MultipleMatches() =>
        new(400, InvalidRequest, "multiple_match_results", "Multiple records were found for the given matching attribute value.");

    /// <summary>Attio's observed text, then (invented, see README) the record that already holds the value.</summary>
    public static ApiError UniquenessConflict(string slug, Guid holder) =>
        new(400, InvalidRequest, "uniqueness_conflict",
            $"A value provided for attribute with slug \"{slug}\" conflicts with one already in the system. This attribute has a uniqueness constraint. Please ensure all values for this attribute do not exist on another record. Conflicting record ID: \"{holder}\".");

    public static ApiError MissingRequiredValue(string attributeId) =>
        new(400, InvalidRequest, "missing_value", $"Required value for attribute with ID \"{attributeId}\" was not provided.");

    public static ApiError NotWritable(string slug) =>
        new(400, InvalidRequest, "immutable_value", $"Cannot write to attribute with slug \"{slug}\" because it is not writable.");

    public static ApiError UnknownSelectOption(string title) =>
        new(400, InvalidRequest, "value_not_found", $"Cannot find select attribute with select option title \"{title}\".");

    public static ApiError UnknownStatus(string title) =>
        new(400, InvalidRequest, "value_not_found", $"Cannot find status attribute with status option title \"{title}\".");

    public static ApiError UnknownMemberEmail(string email) =>
        new(400, InvalidRequest, "value_not_found", $"Cannot find workspace member with email address \"{email}\".");

    public static ApiError UnknownMemberId(string id) =>
        new(400, InvalidRequest, "value_not_found", $"Workspace member with ID \"{id}\" not found.");

    public static ApiError UnknownObjectInValue(string slugOrId) =>
        new(400, InvalidRequest, "value_not_found", $"Object with slug/ID \"{slugOrId}\" not found.");

    public static ApiError ReferenceTargetNotFound(string slug) =>
        new(400, InvalidRequest, "value_not_found", $"Cannot find record for reference on attribute \"{slug}\".");

    public static ApiError FilterError() =>
        new(400, InvalidRequest, "filter_error", "Error in filter.");

    // Attio documents no body for these; each is invented in Attio's shape and listed in the README.
    public static ApiError PayloadTooLarge(long limit) =>
        new(413, InvalidRequest, "payload_too_large", $"The request body is larger than {limit} bytes.");

    public static ApiError UriTooLong(int limit) =>
        new(414, InvalidRequest, "uri_too_long", $"The request URL is longer than {limit} characters.");

    public static ApiError UnsupportedContentType() =>
        BodyValidation(Issues.Custom([], "The request body must be JSON, sent with Content-Type: application/json."));

    public static ApiError Internal() =>
        new(500, "internal_server_error", "internal_server_error", "An unexpected error occurred.");

    public static ApiError Injected(int status) => status switch
    {
        409 => new(409, InvalidRequest, "conflict", "A conflicting request is in progress. Please try again."),
        500 => new(500, "internal_server_error", "internal_server_error", "An unexpected error occurred."),
        502 => new(502, "internal_server_error", "bad_gateway", "Bad gateway."),
        503 => new(503, "internal_server_error", "service_unavailable", "The service is temporarily unavailable. Please try again later."),
        _ => new(status, "internal_server_error", "injected_fault", "An injected fault occurred."),
    };
}
