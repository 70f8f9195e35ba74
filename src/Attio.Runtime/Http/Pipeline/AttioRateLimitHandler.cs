using System.Net;
using Microsoft.Extensions.Logging;

namespace Attio;

/// <summary>Waits for the client-side read or write pace before each attempt and slows the pace after a 429.</summary>
internal sealed class AttioRateLimitHandler : DelegatingHandler
{
    private readonly AttioRateLimiter _limiter;
    private readonly ILogger _logger;

    public AttioRateLimitHandler(AttioRateLimiter limiter, ILogger logger)
    {
        _limiter = limiter;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        bool isRead = AttioRequests.IsRead(request);
        TimeSpan waited = await _limiter.WaitAsync(isRead, cancellationToken).ConfigureAwait(false);
        if (waited > TimeSpan.Zero)
        {
            AttioLog.RateLimitWait(_logger, request.Method.Method, AttioRequests.PathOf(request), waited.TotalMilliseconds, isRead ? "read" : "write");
        }

        // After the wait, which can be long: a lease that ran out meanwhile must stop the request (outbox fencing).
        AttioRequestGate.ThrowIfClosed(request);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            _limiter.OnRateLimited(isRead);
        }

        return response;
    }
}
