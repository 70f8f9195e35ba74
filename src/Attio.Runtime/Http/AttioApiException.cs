using System.Net;

namespace Attio;

/// <summary>
/// Attio answered with an error. Carries Attio's error body, the HTTP status and the
/// <c>x-attio-execution-id</c> header (quote it to Attio support). Never carries the API token.
/// </summary>
public sealed class AttioApiException : AttioException
{
    /// <summary>Creates the exception from a response.</summary>
    public AttioApiException(HttpStatusCode statusCode, AttioErrorBody? error, string? executionId, string method, string path, Exception? inner = null)
        : this(statusCode, error, executionId, method, path, 1, inner)
    {
    }

    /// <summary>Creates the exception from the response to the last of <paramref name="attempts"/> attempts.</summary>
    public AttioApiException(HttpStatusCode statusCode, AttioErrorBody? error, string? executionId, string method, string path, int attempts, Exception? inner = null)
        : base(BuildMessage(statusCode, error, executionId, method, path, attempts), inner)
    {
        StatusCode = statusCode;
        Error = error;
        ExecutionId = executionId;
        Method = method;
        Path = path;
        Attempts = attempts;
    }

    /// <summary>How many attempts were made before this answer was accepted as final (1 when it was not retried).</summary>
    public int Attempts { get; }

    /// <summary>Attio's <c>status_code</c> from the body, or the HTTP status when there was no body.</summary>
    public int AttioStatusCode => Error?.StatusCode is > 0 and var code ? code : (int)StatusCode;

    /// <summary>Attio's <c>message</c>.</summary>
    public string? AttioMessage => Error?.Message;

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

    private static string BuildMessage(HttpStatusCode statusCode, AttioErrorBody? error, string? executionId, string method, string path, int attempts)
    {
        var message = $"Attio returned {(int)statusCode} {error?.Code ?? statusCode.ToString()} for {method} {path}";
        if (statusCode == HttpStatusCode.RequestEntityTooLarge)
        {
            // A proxy in front of Attio may answer this without a body; say what it means and that repeating cannot help.
            message += ": the request is too large for the server; send fewer or shorter values (not retried)";
        }

        if (!string.IsNullOrEmpty(error?.Message))
        {
            message += $": {error.Message}";
        }

        if (error?.ValidationErrors is { Count: > 0 } details)
        {
            message += " [" + string.Join("; ", details) + "]";
        }

        if (attempts > 1)
        {
            message += $" (after {attempts} attempts)";
        }

        if (executionId is not null)
        {
            message += $" (execution id {executionId})";
        }

        return message;
    }
}
