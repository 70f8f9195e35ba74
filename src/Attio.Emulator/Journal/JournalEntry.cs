namespace Attio.Emulator;

/// <summary>One request the emulator received, with what it answered.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path, without the query string.</param>
/// <param name="QueryString">The query string including the leading '?', or empty.</param>
/// <param name="Body">The request body as text, or null when there was none.</param>
/// <param name="StatusCode">The status answered; 0 when an injected fault dropped the connection.</param>
/// <param name="At">When the request arrived.</param>
/// <param name="ResponseBody">The response body as text, or null when the connection was dropped.</param>
/// <param name="ExecutionId">The <c>x-attio-execution-id</c> sent back.</param>
/// <param name="Fault">The injected fault that shaped the answer, if any.</param>
public sealed record JournalEntry(
    string Method,
    string Path,
    string QueryString,
    string? Body,
    int StatusCode,
    DateTimeOffset At,
    string? ResponseBody,
    string ExecutionId,
    FaultKind? Fault);
