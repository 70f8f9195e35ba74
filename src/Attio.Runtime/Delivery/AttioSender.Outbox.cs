using System.Collections.Concurrent;

namespace Attio;

/// <summary>The outbox path of the sender (<see cref="AttioSenderOptions.Outbox"/>) and flushing.</summary>
public sealed partial class AttioSender
{
    // Without an outbox: what was enqueued and has no result yet, by sequence (what FlushAsync waits for).
    private readonly ConcurrentDictionary<long, Task<AttioDeliveryResult>> _open = new();

    /// <summary>
    /// Returns when everything enqueued before the call has a result. With an <see cref="AttioSenderOptions.Outbox"/>: when
    /// the outbox holds no pending or in-flight event, including events recovered from an earlier run of the process and
    /// events another instance delivers (checked every <see cref="AttioSenderOptions.OutboxPollInterval"/> and after each
    /// local delivery). Rows waiting for a retry count as pending, so during an outage this waits for the outage to end
    /// or the rows to reach the retry horizon; bound it with <paramref name="cancellationToken"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_pump is not null)
        {
            await _pump.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        long upTo = Interlocked.Read(ref _sequence);
        Task[] waiting = [.. _open.Where(o => o.Key <= upTo).Select(o => (Task)o.Value)];
        await Task.WhenAll(waiting).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Outbox rows claimed by this sender and not settled yet (tests wait for zero before moving a fake clock).</summary>
    internal int OutboxRowsInMemory => _pump?.RowsInMemory ?? 0;

    /// <summary>The outbox pump waits for a timer only (tests move a fake clock then).</summary>
    internal bool OutboxIsQuiet => _pump?.IsQuiet ?? true;

    // Validated and planned as in memory; stored before the receipt is handed back, so "accepted" means "committed".
    private async ValueTask<AttioDeliveryReceipt> EnqueueToOutboxAsync(DeliveryEntry entry, CancellationToken cancellationToken)
    {
        var errors = new AttioValidationErrors();
        AttioOutboxMessage? message = OutboxMessages.TryCreate(entry.Event, _time.GetUtcNow(), errors);
        if (message is null)
        {
            OutboxMetrics.Count(OutboxMetrics.Rejected, 1);
            return Rejected(entry, errors);
        }

        long id = await _pump!.EnqueueAsync(entry, message, cancellationToken).ConfigureAwait(false);
        return Receipt(entry, id);
    }
}
