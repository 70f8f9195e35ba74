using Attio;

namespace Attio.Outbox.Host;

/// <summary>
/// An outbox that never grants this process the delivery lease: a sender on it stores events and delivers none, as a
/// producer-only instance would (--enqueue-only), so a later process finds every row untouched.
/// </summary>
internal sealed class ProduceOnlyOutbox(IAttioOutbox inner) : IAttioOutbox
{
    public string Description => inner.Description;

    public ValueTask<AttioOutboxLease?> AcquireLeaseAsync(string owner, TimeSpan duration, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<AttioOutboxLease?>(null);

    public ValueTask InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public ValueTask<long> EnqueueAsync(AttioOutboxMessage message, CancellationToken cancellationToken = default) => inner.EnqueueAsync(message, cancellationToken);

    public ValueTask<IReadOnlyList<long>> EnqueueManyAsync(IReadOnlyList<AttioOutboxMessage> messages, CancellationToken cancellationToken = default) =>
        inner.EnqueueManyAsync(messages, cancellationToken);

    public ValueTask<bool> ReleaseLeaseAsync(AttioOutboxLease lease, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask<IReadOnlyList<AttioOutboxEntry>> ClaimAsync(AttioOutboxLease lease, int maxRows, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<AttioOutboxEntry>>([]);

    public ValueTask<bool> SaveProgressAsync(AttioOutboxLease lease, long id, string progress, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask<bool> CompleteAsync(AttioOutboxLease lease, IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask<bool> RescheduleAsync(AttioOutboxLease lease, long id, DateTimeOffset nextAttemptAt, AttioOutboxError error, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(false);

    public ValueTask<bool> DeadLetterAsync(AttioOutboxLease lease, long id, AttioOutboxError error, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(false);

    public ValueTask<AttioOutboxStatus> GetStatusAsync(CancellationToken cancellationToken = default) => inner.GetStatusAsync(cancellationToken);

    public ValueTask<IReadOnlyList<AttioOutboxMinute>> GetActivityAsync(DateTimeOffset since, CancellationToken cancellationToken = default) => inner.GetActivityAsync(since, cancellationToken);

    public ValueTask<IReadOnlyList<AttioOutboxEntry>> ListAsync(AttioOutboxQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);

    public ValueTask<int> RetryDeadAsync(long? id, DateTimeOffset now, CancellationToken cancellationToken = default) => inner.RetryDeadAsync(id, now, cancellationToken);

    public ValueTask<int> PurgeDeadAsync(DateTimeOffset? olderThan, CancellationToken cancellationToken = default) => inner.PurgeDeadAsync(olderThan, cancellationToken);

    public ValueTask<IReadOnlyList<AttioLedgerEntry>> ReadLedgerAsync(IReadOnlyCollection<string> recordKeys, CancellationToken cancellationToken = default) =>
        inner.ReadLedgerAsync(recordKeys, cancellationToken);

    public ValueTask WriteLedgerAsync(IReadOnlyList<AttioLedgerEntry> entries, CancellationToken cancellationToken = default) => inner.WriteLedgerAsync(entries, cancellationToken);

    // The host disposes the inner store itself.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
