using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Attio;

/// <summary>
/// Holds the outbox's delivery lease for one sender: takes it, renews it every third of its duration, and decides locally
/// whether it may still act on it. The store's expiry is on the store's clock; locally the lease counts as valid only
/// until two thirds of its duration after the acquire or renewal began (monotonic time), so a process that stalled
/// stops before another can take over.
/// </summary>
internal sealed partial class OutboxLeaseKeeper(IAttioOutbox store, TimeSpan duration, TimeProvider time, ILogger logger)
{
    private readonly string _ownerBase = $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
    private readonly Lock _gate = new();
    private Held? _held;
    private int _generation;

    /// <summary>Who this sender is in the store (a new generation after each loss, so taking the lease again recovers rows).</summary>
    public string Owner
    {
        get
        {
            lock (_gate)
            {
                return $"{_ownerBase}:{_generation}";
            }
        }
    }

    /// <summary>How often the lease is renewed.</summary>
    public TimeSpan RenewInterval => duration / 3;

    /// <summary>The lease, while it is locally valid; else null.</summary>
    public AttioOutboxLease? Current
    {
        get
        {
            Held? held = Volatile.Read(ref _held);
            return held is not null && time.GetTimestamp() < held.ValidUntil ? held.Lease : null;
        }
    }

    /// <summary>Whether rows claimed under <paramref name="token"/> may still be acted on: the lease is that one and locally valid.</summary>
    public bool IsValidFor(long token) => Current?.Token == token;

    /// <summary>Takes or renews the lease. False when another owner holds it (or it was lost).</summary>
    public async Task<bool> AcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        string owner = Owner;
        long started = time.GetTimestamp();
        AttioOutboxLease? lease = await store.AcquireLeaseAsync(owner, duration, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (lease is null)
            {
                if (_held is not null)
                {
                    LoseLocked("another owner holds the outbox lease");
                }

                return false;
            }

            if (owner != $"{_ownerBase}:{_generation}")
            {
                // Lost while the call ran: this lease belongs to a generation already given up.
                return false;
            }

            if (_held is null || _held.Lease.Token != lease.Token)
            {
                Log.LeaseAcquired(logger, store.Description, lease.Token);
            }

            long validFor = (long)(duration.TotalSeconds * 2 / 3 * time.TimestampFrequency);
            Volatile.Write(ref _held, new Held(lease, started + validFor));
            return true;
        }
    }

    /// <summary>
    /// Gives the lease up locally after a refused write: the next acquire is a new lease (a new owner generation), which
    /// returns this sender's rows still in flight to Pending once the store's lease expired.
    /// </summary>
    public void Lose(string reason)
    {
        lock (_gate)
        {
            if (_held is not null)
            {
                LoseLocked(reason);
            }
        }
    }

    /// <summary>Releases the lease in the store (clean stop) so another instance can take over at once.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        Held? held;
        lock (_gate)
        {
            held = _held;
            _held = null;
            _generation++;
        }

        if (held is not null)
        {
            await store.ReleaseLeaseAsync(held.Lease, cancellationToken).ConfigureAwait(false);
        }
    }

    private void LoseLocked(string reason)
    {
        Log.LeaseLost(logger, store.Description, _held!.Lease.Token, reason);
        Volatile.Write(ref _held, null);
        _generation++;
    }

    private sealed record Held(AttioOutboxLease Lease, long ValidUntil);

    private static partial class Log
    {
        [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Attio outbox lease {Token} taken on {Outbox}")]
        public static partial void LeaseAcquired(ILogger logger, string outbox, long token);

        [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "Attio outbox lease {Token} on {Outbox} lost: {Reason}; this sender stops delivering until it takes the lease again")]
        public static partial void LeaseLost(ILogger logger, string outbox, long token, string reason);
    }
}
