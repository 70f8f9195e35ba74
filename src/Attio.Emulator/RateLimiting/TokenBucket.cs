namespace Attio.Emulator.RateLimiting;

/// <summary>A token bucket holding at most one second's worth of requests, refilled continuously.</summary>
internal sealed class TokenBucket(double perSecond, TimeProvider clock) : IRequestBudget
{
    private readonly double _capacity = perSecond;
    private readonly Lock _gate = new();
    private double _tokens = perSecond;
    private readonly double _rate = perSecond;
    private DateTimeOffset _refilledAt = clock.GetUtcNow();

    /// <summary>Takes a token, or says when the next one will be there (rounded up to a whole second, as Attio's Retry-After is).</summary>
    public bool TryTake(out DateTimeOffset retryAt)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            _tokens = Math.Min(_capacity, _tokens + ((now - _refilledAt).TotalSeconds * _rate));
            _refilledAt = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAt = default;
                return true;
            }

            var ready = now.AddSeconds((1 - _tokens) / _rate);
            var nextSecond = new DateTimeOffset(ready.UtcTicks - (ready.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1);
            retryAt = nextSecond;
            return false;
        }
    }
}
