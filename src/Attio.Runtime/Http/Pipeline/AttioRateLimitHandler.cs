using Microsoft.Extensions.Logging;

namespace Attio;

/// <summary>Waits for the client-side read or write limit before each attempt.</summary>
internal sealed class AttioRateLimitHandler : DelegatingHandler
{
    private readonly Func<AttioRateLimiter> _limiter;
    private readonly ILogger _logger;

    public AttioRateLimitHandler(Func<AttioRateLimiter> limiter, ILogger logger)
    {
        _limiter = limiter;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        bool isRead = AttioRequests.IsRead(request);
        TimeSpan waited = await _limiter().WaitAsync(isRead, cancellationToken).ConfigureAwait(false);
        if (waited > TimeSpan.Zero)
        {
            AttioLog.RateLimitWait(_logger, request.Method.Method, AttioRequests.PathOf(request), waited.TotalMilliseconds, isRead ? "read" : "write");
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
