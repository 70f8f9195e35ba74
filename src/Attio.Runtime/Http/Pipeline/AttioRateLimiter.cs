namespace Attio;

/// <summary>
/// Client-side pacing of one client (or one <c>AddAttio</c> registration): reads and writes each start at even
/// intervals of a little more than 1/limit seconds, so no one-second window at the server ever sees more than the
/// limit, even when the first requests are held up by new connections. A 429 slows the pace down; it recovers
/// gradually while no further 429 arrives.
/// </summary>
internal sealed class AttioRateLimiter
{
    private readonly AttioPacer _reads;
    private readonly AttioPacer _writes;

    public AttioRateLimiter(int readsPerSecond, int writesPerSecond, TimeProvider time)
    {
        _reads = new AttioPacer(readsPerSecond, time);
        _writes = new AttioPacer(writesPerSecond, time);
    }

    public static AttioRateLimiter For(AttioClientOptions options) =>
        new(options.ReadsPerSecond, options.WritesPerSecond, options.TimeProvider ?? TimeProvider.System);

    /// <summary>Waits until the request may start; returns how long it waited.</summary>
    public ValueTask<TimeSpan> WaitAsync(bool isRead, CancellationToken cancellationToken) =>
        Pacer(isRead).WaitAsync(cancellationToken);

    /// <summary>Attio answered 429 although the client paced: slow down for a while.</summary>
    public void OnRateLimited(bool isRead) => Pacer(isRead).OnRateLimited();

    internal AttioPacer Pacer(bool isRead) => isRead ? _reads : _writes;
}

/// <summary>
/// Hands out start times one interval apart. A request reserves the next free slot and waits for it; an idle pacer
/// starts the next request at once but never lets a second one follow sooner than one interval later.
/// </summary>
internal sealed class AttioPacer
{
    /// <summary>
    /// Spacing in units of 1/limit. Requests travel before Attio counts them; 2% slack means a request delayed by up to
    /// 20 ms (at 25/s) still cannot share a server-side second with the request sent one limit later.
    /// </summary>
    internal const double Slack = 1.02;

    /// <summary>The pace falls to this share of the limit after a 429, and never lower than <see cref="MinimumFactor"/>.</summary>
    internal const double BackOffFactor = 0.7;

    internal const double MinimumFactor = 0.25;

    /// <summary>Time in which a slowed pace climbs back linearly to the full limit when no 429 follows.</summary>
    internal static readonly TimeSpan Recovery = TimeSpan.FromSeconds(10);

    private readonly int _limit;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private long _nextSlot;
    private double _factorAfter429 = 1;
    private long _rateLimitedAt;

    public AttioPacer(int limit, TimeProvider time)
    {
        _limit = limit;
        _time = time;
        _nextSlot = time.GetTimestamp();
    }

    /// <summary>The share of the limit currently used: 1 normally, less for a while after a 429.</summary>
    public double Factor
    {
        get
        {
            lock (_gate)
            {
                return CurrentFactor(_time.GetTimestamp());
            }
        }
    }

    public async ValueTask<TimeSpan> WaitAsync(CancellationToken cancellationToken)
    {
        if (_limit <= 0)
        {
            return TimeSpan.Zero;
        }

        cancellationToken.ThrowIfCancellationRequested();
        TimeSpan wait;
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            long slot = Math.Max(now, _nextSlot);
            _nextSlot = slot + IntervalTicks(now);
            wait = TimeSpan.FromSeconds((slot - now) / (double)_time.TimestampFrequency);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }

        return wait;
    }

    public void OnRateLimited()
    {
        if (_limit <= 0)
        {
            return;
        }

        lock (_gate)
        {
            long now = _time.GetTimestamp();
            // Requests in flight together meet the same full window: their 429s are one signal, not several.
            if (_factorAfter429 < 1 && now - _rateLimitedAt < _time.TimestampFrequency)
            {
                return;
            }

            _factorAfter429 = Math.Max(MinimumFactor, CurrentFactor(now) * BackOffFactor);
            _rateLimitedAt = now;
            // The next start is one slower interval away, so the server's window can drain before anything follows.
            _nextSlot = Math.Max(_nextSlot, now) + IntervalTicks(now);
        }
    }

    private long IntervalTicks(long now) =>
        (long)Math.Ceiling(_time.TimestampFrequency * Slack / (_limit * CurrentFactor(now)));

    private double CurrentFactor(long now)
    {
        if (_factorAfter429 >= 1)
        {
            return 1;
        }

        double sinceLimited = (now - _rateLimitedAt) / (double)_time.TimestampFrequency;
        double recovered = _factorAfter429 + ((1 - _factorAfter429) * sinceLimited / Recovery.TotalSeconds);
        if (recovered >= 1)
        {
            _factorAfter429 = 1;
            return 1;
        }

        return recovered;
    }
}
