using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Attio;

/// <summary>
/// Client-side pacing per token: at most N writes and M reads in any one-second window, so a busy process stays under
/// Attio's limits instead of collecting 429s. A sliding log (the start times of the last N requests) gives that bound
/// exactly for every window, which a token bucket (bursts of a full bucket on top of the refill) does not.
/// </summary>
internal sealed class AttioRateLimiter
{
    // Requests travel before Attio counts them; a little slack keeps two windows from overlapping at the server.
    // 20 ms absorbs loopback and LAN jitter while capping a steady stream at 98% of the limit (50 ms capped it at 95%).
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1020);
    private static readonly ConcurrentDictionary<string, AttioRateLimiter> Shared = new(StringComparer.Ordinal);

    private readonly Pacer _reads;
    private readonly Pacer _writes;

    public AttioRateLimiter(int readsPerSecond, int writesPerSecond, TimeProvider time)
    {
        _reads = new Pacer(readsPerSecond, time);
        _writes = new Pacer(writesPerSecond, time);
    }

    /// <summary>One limiter per token, base address and limits in the process, shared by every client using them.</summary>
    public static AttioRateLimiter For(AttioClientOptions options)
    {
        string key = $"{Fingerprint(options.ApiToken)}|{options.BaseAddress}|{options.ReadsPerSecond}|{options.WritesPerSecond}";
        return Shared.GetOrAdd(key, static (_, o) => new AttioRateLimiter(o.ReadsPerSecond, o.WritesPerSecond, TimeProvider.System), options);
    }

    /// <summary>Waits until the request may start; returns how long it waited.</summary>
    public ValueTask<TimeSpan> WaitAsync(bool isRead, CancellationToken cancellationToken) =>
        (isRead ? _reads : _writes).WaitAsync(cancellationToken);

    // The token itself is never a dictionary key: only a hash of it stays in memory here.
    private static string Fingerprint(string? token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty)));

    private sealed class Pacer
    {
        private readonly int _limit;
        private readonly TimeProvider _time;
        private readonly Queue<long> _starts = new();
        private readonly SemaphoreSlim _gate = new(1, 1);

        public Pacer(int limit, TimeProvider time)
        {
            _limit = limit;
            _time = time;
        }

        public async ValueTask<TimeSpan> WaitAsync(CancellationToken cancellationToken)
        {
            if (_limit <= 0)
            {
                return TimeSpan.Zero;
            }

            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                TimeSpan waited = TimeSpan.Zero;
                if (_starts.Count >= _limit)
                {
                    TimeSpan wait = Window - _time.GetElapsedTime(_starts.Peek());
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                        waited = wait;
                    }

                    _starts.Dequeue();
                }

                _starts.Enqueue(_time.GetTimestamp());
                return waited;
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
