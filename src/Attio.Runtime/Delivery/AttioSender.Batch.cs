namespace Attio;

/// <summary>Batches: many events, one result each, coalesced while the batch is enqueued.</summary>
public sealed partial class AttioSender
{
    /// <summary>
    /// Delivers <paramref name="events"/> and returns one result per event, in input order. With <paramref name="coalesce"/>
    /// (the default), events on the same record are merged: the batch holds its deliveries back until it is fully enqueued or
    /// the queue is full, so everything waiting together merges. Invalid events are reported and never block valid ones.
    /// </summary>
    /// <remarks>
    /// Cancelling <paramref name="cancellationToken"/> stops enqueueing: events not yet enqueued are reported as
    /// <see cref="AttioDeliveryStatus.NotDeliveredAtShutdown"/>; events already enqueued are still delivered and awaited.
    /// </remarks>
    public async Task<AttioBatchResult> SendBatchAsync(IEnumerable<AttioDeliveryEvent> events, bool coalesce = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        long start = _time.GetTimestamp();
        var hold = coalesce ? new DeliveryHold() : null;
        var completions = new List<Task<AttioDeliveryResult>>();
        try
        {
            foreach (AttioDeliveryEvent evt in events)
            {
                if (evt is null)
                {
                    throw new ArgumentException("The batch contains a null event.", nameof(events));
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    completions.Add(Task.FromResult(NotAccepted(evt, "the batch was cancelled before this event was enqueued")));
                    continue;
                }

                try
                {
                    var receipt = await EnqueueCoreAsync(evt, coalesce, hold, cancellationToken).ConfigureAwait(false);
                    completions.Add(receipt.Completion);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    completions.Add(Task.FromResult(NotAccepted(evt, "the batch was cancelled before this event was enqueued")));
                }
            }
        }
        finally
        {
            if (hold is not null)
            {
                ReleaseHold(hold);
            }
        }

        var results = await Task.WhenAll(completions).ConfigureAwait(false);
        return new AttioBatchResult(results, _time.GetElapsedTime(start));
    }

    private AttioDeliveryResult NotAccepted(AttioDeliveryEvent evt, string reason)
    {
        long sequence = Interlocked.Increment(ref _sequence);
        var entry = new DeliveryEntry(evt, sequence, evt.Timestamp ?? _time.GetUtcNow());
        var result = Shutdown(entry, reason);
        Complete(entry, result);
        return result;
    }
}
