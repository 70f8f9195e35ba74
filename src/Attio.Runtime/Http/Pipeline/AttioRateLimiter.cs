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
/// A 429 means requests reached the server closer together than they were sent (travel times vary): the pace dips
/// to let the server's window drain and recovers within seconds, and its ceiling drops a little, widening the margin
/// for that jitter; the ceiling climbs back to the full limit over a minute without 429s.
/// </summary>
internal sealed class AttioPacer
{
    /// <summary>
    /// Spacing in units of 1/limit. Requests travel before Attio counts them; 2% slack means a request delayed by up to
    /// 20 ms (at 25/s) still cannot share a server-side second with the request sent one limit later.
    /// </summary>
    internal const double Slack = 1.02;

    /// <summary>Right after a 429 the pace is this share of its ceiling.</summary>
    internal const double BackOffFactor = 0.8;

    /// <summary>Each 429 lowers the ceiling by this share of the limit, down to <see cref="LowestCeiling"/>.</summary>
    internal const double CeilingStep = 0.02;

    internal const double LowestCeiling = 0.8;

    /// <summary>Time in which a dip climbs back to the ceiling.</summary>
    internal static readonly TimeSpan Recovery = TimeSpan.FromSeconds(5);

    /// <summary>Time in which a lowered ceiling climbs back to the full limit.</summary>
    internal static readonly TimeSpan CeilingRecovery = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A cold start (first use, or after <see cref="ColdAfter"/> idle) begins at this share of the limit and climbs to
    /// the full pace over <see cref="WarmUp"/>: the first requests open connections and arrive late, bunched with the
    /// ones sent after them, and a slower first second keeps that bunch within the server's window.
    /// </summary>
    internal const double ColdStartFactor = 0.5;

    internal static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    internal static readonly TimeSpan ColdAfter = TimeSpan.FromSeconds(30);

    private readonly int _limit;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private long _nextSlot;
    private long _lastStart = long.MinValue;
    private long _warmSince;
    private double _ceilingAfter429 = 1;
    private double _dipAfter429 = 1;
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

    /// <summary>The share of the limit the pace recovers to after a dip; below 1 for a minute after a 429.</summary>
    public double Ceiling
    {
        get
        {
            lock (_gate)
            {
                return CurrentCeiling(_time.GetTimestamp());
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
            if (_lastStart == long.MinValue || now - _lastStart > ColdAfter.TotalSeconds * _time.TimestampFrequency)
            {
                _warmSince = now;
            }

            long slot = Math.Max(now, _nextSlot);
            _nextSlot = slot + IntervalTicks(slot);
            _lastStart = slot;
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
            if (_rateLimitedAt != 0 && now - _rateLimitedAt < _time.TimestampFrequency)
            {
                return;
            }

            _ceilingAfter429 = Math.Max(LowestCeiling, CurrentCeiling(now) - CeilingStep);
            _dipAfter429 = _ceilingAfter429 * BackOffFactor;
            _rateLimitedAt = now;
            // The next start is one slower interval away, so the server's window can drain before anything follows.
            _nextSlot = Math.Max(_nextSlot, now) + IntervalTicks(now);
        }
    }

    private long IntervalTicks(long at) =>
        (long)Math.Ceiling(_time.TimestampFrequency * Slack / (_limit * Math.Min(CurrentFactor(at), WarmUpFactor(at))));

    private double WarmUpFactor(long at)
    {
        double since = (at - _warmSince) / (double)_time.TimestampFrequency;
        return since >= WarmUp.TotalSeconds ? 1 : ColdStartFactor + ((1 - ColdStartFactor) * since / WarmUp.TotalSeconds);
    }

    private double CurrentCeiling(long now) =>
        Recover(_ceilingAfter429, 1, now, CeilingRecovery);

    private double CurrentFactor(long now) =>
        Recover(_dipAfter429, CurrentCeiling(now), now, Recovery);

    private double Recover(double from, double to, long now, TimeSpan within)
    {
        if (from >= to)
        {
            return to;
        }

        double since = (now - _rateLimitedAt) / (double)_time.TimestampFrequency;
        return Math.Min(to, from + ((to - from) * since / within.TotalSeconds));
    }
}
