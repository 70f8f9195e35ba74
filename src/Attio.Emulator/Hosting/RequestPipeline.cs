using System.Text;
using System.Text.Json.Nodes;
using Attio.Emulator.Faults;
using Attio.Emulator.Http;
using Attio.Emulator.Journal;
using Attio.Emulator.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Attio.Emulator.Hosting;

/// <summary>
/// Every request: execution id, injected faults, authentication, rate limit, routing, then the journal.
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

        string? bodyText = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            bodyText = await reader.ReadToEndAsync(context.RequestAborted);
        }

        FaultKind? injected = null;
        int status;
        JsonNode body;
        IReadOnlyDictionary<string, string> headers = new Dictionary<string, string>();
        try
        {
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

            authenticator.Check(request.Headers.Authorization);
            if (limiter is not null && !limiter.TryAcquire(method, path, out var retryAt))
            {
                throw Errors.RateLimited(retryAt);
            }

            var route = router.Match(method, path) ?? throw Errors.EndpointNotFound(method, path);
            scopes.Demand(method, path);
            var apiRequest = new ApiRequest(method, path, route.Values, request.Query, bodyText);
            lock (store.Gate)
            {
                body = route.Handler(apiRequest);
            }

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
            // An emulator bug must still look like an HTTP answer, with the cause visible to the test that hit it.
            status = 500;
            body = new ApiError(500, "internal_server_error", "emulator_error", $"The emulator failed: {unexpected}").ToBody();
        }

        var text = Json.Serialize(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(text, Encoding.UTF8, context.RequestAborted);
        journal.Add(sequence, new JournalEntry(method, path, queryString, bodyText, status, at, text, executionId, injected));
    }

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
