namespace Attio.Emulator.RateLimiting;

/// <summary>
/// A strict sliding second: a request is admitted only while fewer than the limit were admitted in the second
/// before its arrival. Unlike the token bucket, a burst at the end of one second and the start of the next cannot
/// both pass, which is what a server that logs arrival times enforces. Refused requests are not counted, because
/// Attio does not process them.
/// </summary>
internal sealed class SlidingWindow(double perSecond, TimeProvider clock) : IRequestBudget
{
    private readonly int _limit = Math.Max(1, (int)Math.Floor(perSecond));
    private readonly Queue<DateTimeOffset> _arrivals = new();
    private readonly Lock _gate = new();

    public bool TryTake(out DateTimeOffset retryAt)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var windowStart = now.AddSeconds(-1);
            while (_arrivals.Count > 0 && _arrivals.Peek() <= windowStart)
            {
                _arrivals.Dequeue();
            }

            if (_arrivals.Count < _limit)
            {
                _arrivals.Enqueue(now);
                retryAt = default;
                return true;
            }

            retryAt = WholeSecondAtOrAfter(_arrivals.Peek().AddSeconds(1));
            return false;
        }
    }

    private static DateTimeOffset WholeSecondAtOrAfter(DateTimeOffset moment)
    {
        var remainder = moment.UtcTicks % TimeSpan.TicksPerSecond;
        return remainder == 0
            ? new DateTimeOffset(moment.UtcTicks, TimeSpan.Zero)
            : new DateTimeOffset(moment.UtcTicks - remainder, TimeSpan.Zero).AddSeconds(1);
    }
}
