using System.Text;
using System.Text.Json.Nodes;
using Attio.Emulator.Faults;
using Attio.Emulator.Http;
using Attio.Emulator.Journal;
using Attio.Emulator.RateLimiting;
using Attio.Emulator.Store;
using Microsoft.AspNetCore.Http;

namespace Attio.Emulator.Hosting;

/// <summary>
/// Every request: execution id, injected faults, authentication, size limits, rate limit, routing, then the journal.
/// Faults come first because they stand for failures in front of Attio's application code.
/// </summary>
internal sealed class RequestPipeline(
    Router router,
    Authenticator authenticator,
    ScopeCheck scopes,
    RateLimiter? limiter,
    FaultInjector faults,
    RequestJournal journal,
    RecordStore store,
    RequestLimits limits,
    StoreFile? storeFile,
    TimeProvider clock)
{
    public async Task HandleAsync(HttpContext context)
    {
        var sequence = journal.Reserve();
        var at = clock.GetUtcNow();
        var request = context.Request;
        var method = request.Method;
        var path = request.Path.Value ?? "/";
        var queryString = request.QueryString.Value ?? string.Empty;
        var executionId = Guid.NewGuid().ToString();
        context.Response.Headers["x-attio-execution-id"] = executionId;

        // A request that fails authentication is neither read nor journalled with its body: a client without the
        // token must not be able to fill the emulator's memory.
        var authFailure = authenticator.Check(request.Headers.Authorization, out var tokenPresented);
        var urlTooLong = path.Length + queryString.Length > limits.MaxUrlLength;
        var (bodyOutcome, bodyText) = authFailure is null && !urlTooLong
            ? await ReadBody(request, context.RequestAborted)
            : (RequestBody.Outcome.None, null);

        FaultKind? injected = null;
        int status;
        JsonNode body;
        IReadOnlyDictionary<string, string> headers = new Dictionary<string, string>();
        try
        {
            if (urlTooLong)
            {
                throw Errors.UriTooLong(limits.MaxUrlLength);
            }

            var fault = faults.Take(method, path);
            if (fault is not null)
            {
                injected = fault.Kind;
                if (fault.Kind == FaultKind.DropConnection)
                {
                    context.Abort();
                    journal.Add(sequence, new JournalEntry(method, path, queryString, bodyText, 0, at, null, executionId, injected));
                    return;
                }

                if (fault.Kind == FaultKind.Respond)
                {
                    context.Response.StatusCode = fault.StatusCode;
                    context.Response.ContentType = "application/json; charset=utf-8";
                    await context.Response.WriteAsync(fault.Body ?? string.Empty, Encoding.UTF8, context.RequestAborted);
                    journal.Add(sequence, new JournalEntry(method, path, queryString, bodyText, fault.StatusCode, at, fault.Body, executionId, injected));
                    return;
                }

                await Inject(fault, context.RequestAborted);
            }

            body = Route(method, path, request, bodyOutcome, bodyText, authFailure, tokenPresented);
            status = 200;
        }
        catch (ApiError error)
        {
            status = error.StatusCode;
            body = error.ToBody();
            headers = error.Headers;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (for example during an injected delay): nothing to answer, but keep the record.
            journal.Add(sequence, new JournalEntry(method, path, queryString, bodyText, 0, at, null, executionId, injected));
            return;
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            // An emulator bug still gets Attio's shape, but never the exception's text: it can carry paths and input.
            status = 500;
            body = Errors.Internal().ToBody();
        }

        string text;
        try
        {
            text = Json.Serialize(body);
        }
        catch (Exception unwritable) when (unwritable is ArgumentException or InvalidOperationException)
        {
            (status, text, headers) = (500, Json.Serialize(Errors.Internal().ToBody()), new Dictionary<string, string>());
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(text, Encoding.UTF8, context.RequestAborted);
        journal.Add(sequence, new JournalEntry(method, path, queryString, bodyText, status, at, text, executionId, injected));
    }

    private JsonNode Route(
        string method, string path, HttpRequest request, RequestBody.Outcome bodyOutcome, string? bodyText, ApiError? authFailure, bool tokenPresented)
    {
        if (authFailure is not null)
        {
            // The spec's /v2/self answers 200 {"active": false} for a token it does not know (revoked, expired,
            // never issued); with no token at all there is nothing to introspect, so that stays a 401.
            return IsSelf(method, path) && tokenPresented ? Errors.InactiveToken() : throw authFailure;
        }

        switch (bodyOutcome)
        {
            case RequestBody.Outcome.TooLarge:
                throw Errors.PayloadTooLarge(limits.MaxRequestBodyBytes);
            case RequestBody.Outcome.NotUtf8:
                throw Errors.BodyValidation(Issues.Custom([], "The request body is not valid UTF-8."));
            case RequestBody.Outcome.Malformed:
                throw Errors.BodyValidation(Issues.Custom([], "The request body could not be read."));
        }

        if (limiter is not null && !limiter.TryAcquire(method, path, out var retryAt))
        {
            throw Errors.RateLimited(retryAt);
        }

        var route = router.Match(method, path) ?? throw Errors.EndpointNotFound(method, path);
        scopes.Demand(method, path);
        if (!string.IsNullOrWhiteSpace(bodyText) && !RequestBody.IsJsonOrUnstated(request))
        {
            throw Errors.UnsupportedContentType();
        }

        var apiRequest = new ApiRequest(method, path, route.Values, request.Query, bodyText);
        lock (store.Gate)
        {
            var answer = route.Handler(apiRequest);
            if (storeFile is not null && !RateLimiter.IsRead(method, path))
            {
                storeFile.Save();
            }

            return answer;
        }
    }

    private async Task<(RequestBody.Outcome, string?)> ReadBody(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await RequestBody.ReadAsync(request, limits.MaxRequestBodyBytes, cancellationToken);
        }
        catch (BadHttpRequestException)
        {
            // Malformed framing (for example a broken chunked body) is the client's fault: answer 400, not 500.
            return (RequestBody.Outcome.Malformed, null);
        }
    }

    private static bool IsSelf(string method, string path) =>
        string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) && path.TrimEnd('/') == "/v2/self";

    private async Task Inject(Fault fault, CancellationToken cancellationToken)
    {
        switch (fault.Kind)
        {
            case FaultKind.Delay:
                await Task.Delay(fault.Delay, clock, cancellationToken);
                return;
            case FaultKind.Status429:
                var now = clock.GetUtcNow();
                throw Errors.RateLimited(new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1));
            case FaultKind.Status409:
                throw Errors.Injected(409);
            case FaultKind.Status500:
                throw Errors.Injected(500);
            case FaultKind.Status502:
                throw Errors.Injected(502);
            case FaultKind.Status503:
                throw Errors.Injected(503);
            default:
                throw new InvalidOperationException($"Unknown fault {fault.Kind}.");
        }
    }
}
