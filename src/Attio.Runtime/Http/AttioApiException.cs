using System.Net;

namespace Attio;

/// <summary>
/// Attio answered with an error. Carries Attio's error body, the HTTP status and the
/// <c>x-attio-execution-id</c> header (quote it to Attio support). Never carries the API token.
/// </summary>
public sealed class AttioApiException : Exception
{
    /// <summary>Creates the exception from a response.</summary>
    public AttioApiException(HttpStatusCode statusCode, AttioErrorBody? error, string? executionId, string method, string path, Exception? inner = null)
        : base(BuildMessage(statusCode, error, executionId, method, path), inner)
    {
        StatusCode = statusCode;
        Error = error;
        ExecutionId = executionId;
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Attio's error body, when the response had one.</summary>
    public AttioErrorBody? Error { get; }

    /// <summary>Attio's <c>type</c>, e.g. <c>invalid_request_error</c>.</summary>
    public string? Type => Error?.Type;

    /// <summary>Attio's <c>code</c>, e.g. <c>uniqueness_conflict</c>.</summary>
    public string? Code => Error?.Code;

    /// <summary>Attio's <c>validation_errors</c>.</summary>
    public IReadOnlyList<AttioApiValidationError> ValidationErrors => Error?.ValidationErrors ?? (IReadOnlyList<AttioApiValidationError>)Array.Empty<AttioApiValidationError>();

    /// <summary>The <c>x-attio-execution-id</c> response header.</summary>
    public string? ExecutionId { get; }

    /// <summary>The request method.</summary>
    public string Method { get; }

    /// <summary>The request path and query (no host, no credentials).</summary>
    public string Path { get; }

    private static string BuildMessage(HttpStatusCode statusCode, AttioErrorBody? error, string? executionId, string method, string path)
    {
        var message = $"Attio returned {(int)statusCode} {error?.Code ?? statusCode.ToString()} for {method} {path}";
        if (!string.IsNullOrEmpty(error?.Message))
        {
            message += $": {error.Message}";
        }

        if (error?.ValidationErrors is { Count: > 0 } details)
        {
            message += " [" + string.Join("; ", details) + "]";
        }

        if (executionId is not null)
        {
            message += $" (execution id {executionId})";
        }

        return message;
    }
}
