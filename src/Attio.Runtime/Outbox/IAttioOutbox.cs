namespace Attio;

/// <summary>
/// A durable store of events waiting for delivery to Attio, as write plans. The sender owns delivery semantics
/// (ordering, coalescing, retries, the horizon, dead letters); a store only keeps rows, claims them in id order under a
/// lease, and records what happened. One conformance suite runs against every implementation.
/// </summary>
/// <remarks>
/// Rows move Pending -> InFlight (claimed) -> Delivered (removed or kept, the store's choice) | Pending again (rescheduled)
/// | Dead (a dead letter, kept until purged or retried). Every method that changes a claimed row takes the fencing token
/// of the lease it was claimed under and does nothing (returns false) when a newer lease exists: a deliverer that lost
/// its lease cannot overwrite what the new one did.
/// </remarks>
public interface IAttioOutbox : IAttioDeliveryLedgerStore, IAsyncDisposable
{
    /// <summary>Where the store is, for logs, health data and the CLI; never contains a password or token.</summary>
    string Description { get; }

    /// <summary>
    /// Opens the store and creates or migrates its tables when allowed. Throws <see cref="AttioOutboxException"/> with the
    /// reason (corrupt, read-only, locked, unreachable, newer schema) instead of starting without durability.
    /// Idempotent; the other methods call it when it was not called.
    /// </summary>
    ValueTask InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores one event. Returns its id only after the row is committed (durable under the store's setting).</summary>
    ValueTask<long> EnqueueAsync(AttioOutboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>Stores several events in one commit; ids in the order given. All or nothing.</summary>
    ValueTask<IReadOnlyList<long>> EnqueueManyAsync(IReadOnlyList<AttioOutboxMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the delivery lease for <paramref name="owner"/> for <paramref name="duration"/>, or renews it when the owner
    /// already holds it. Null when another owner holds an unexpired lease. A new lease (not a renewal) gets a higher
    /// fencing token than every earlier one and returns rows still InFlight under older tokens to Pending (their
    /// deliverer died or lost its lease), with their step progress kept.
    /// </summary>
    ValueTask<AttioOutboxLease?> AcquireLeaseAsync(string owner, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up (clean shutdown) so another instance can take over at once. False when it was no longer held.</summary>
    ValueTask<bool> ReleaseLeaseAsync(AttioOutboxLease lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims, in id order, up to <paramref name="maxRows"/> Pending rows due at <paramref name="now"/> that are first in
    /// each of their record lanes (see <see cref="AttioOutboxLanes"/>), and marks them InFlight under the lease. Empty when
    /// the lease is no longer the newest.
    /// </summary>
    ValueTask<IReadOnlyList<AttioOutboxEntry>> ClaimAsync(AttioOutboxLease lease, int maxRows, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Saves which steps of a claimed row are done (opaque text written by the sender) so a redelivery resumes after them.</summary>
    ValueTask<bool> SaveProgressAsync(AttioOutboxLease lease, long id, string progress, CancellationToken cancellationToken = default);

    /// <summary>Marks claimed rows delivered.</summary>
    ValueTask<bool> CompleteAsync(AttioOutboxLease lease, IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Returns a claimed row to Pending for another attempt at <paramref name="nextAttemptAt"/>; counts the attempt and keeps the error.</summary>
    ValueTask<bool> RescheduleAsync(AttioOutboxLease lease, long id, DateTimeOffset nextAttemptAt, AttioOutboxError error, CancellationToken cancellationToken = default);

    /// <summary>Makes a claimed row a dead letter with the reason; counts the attempt.</summary>
    ValueTask<bool> DeadLetterAsync(AttioOutboxLease lease, long id, AttioOutboxError error, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Counts by state and the oldest pending row's enqueue time.</summary>
    ValueTask<AttioOutboxStatus> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Deliveries and dead letters per minute since <paramref name="since"/> (UTC minutes, oldest first, minutes without
    /// any omitted), counted by <see cref="CompleteAsync"/> and <see cref="DeadLetterAsync"/>: the dashboard's chart.
    /// </summary>
    ValueTask<IReadOnlyList<AttioOutboxMinute>> GetActivityAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Rows in id order (newest first for dead letters), filtered by the query.</summary>
    ValueTask<IReadOnlyList<AttioOutboxEntry>> ListAsync(AttioOutboxQuery query, CancellationToken cancellationToken = default);

    /// <summary>Returns dead letters (one by id, or all when <paramref name="id"/> is null) to Pending, due now, attempts reset. Count changed.</summary>
    ValueTask<int> RetryDeadAsync(long? id, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Deletes dead letters that died before <paramref name="olderThan"/> (all when null). Count deleted.</summary>
    ValueTask<int> PurgeDeadAsync(DateTimeOffset? olderThan, CancellationToken cancellationToken = default);
}

/// <summary>
/// Where the sender keeps, per record key and attribute, what it last delivered: the event time (stale-write protection)
/// and a hash of the value (skipping unchanged writes). In memory by default; an outbox keeps it across restarts.
/// </summary>
public interface IAttioDeliveryLedgerStore
{
    /// <summary>The entries of the given record keys (every attribute of each).</summary>
    ValueTask<IReadOnlyList<AttioLedgerEntry>> ReadLedgerAsync(IReadOnlyCollection<string> recordKeys, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces entries by (record key, attribute).</summary>
    ValueTask WriteLedgerAsync(IReadOnlyList<AttioLedgerEntry> entries, CancellationToken cancellationToken = default);
}
