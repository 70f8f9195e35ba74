namespace Attio;

/// <summary>Stopping: drain until the deadline, then report (or, with an outbox, keep stored) what was not delivered.</summary>
public sealed partial class AttioSender
{
    private async Task<IReadOnlyList<AttioDeliveryResult>> StopCoreAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (_stopGate)
        {
            _shutdownResults = [];
        }

        _flushing = true;
        _scheduler.Flush();
        if (_scheduler.IsIdle)
        {
            _idle.TrySetResult();
        }

        for (int i = 0; i < _workers.Length; i++)
        {
            Wake();
        }

        await _stopAccepting.CancelAsync().ConfigureAwait(false);
        if (_pump is not null)
        {
            await _pump.StopClaimingAsync().ConfigureAwait(false);
            if (_scheduler.IsIdle)
            {
                _idle.TrySetResult();
            }
        }

        try
        {
            await _idle.Task.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            Log.ShutdownDeadline(_logger, timeout.TotalSeconds);
        }

        await _abort.CancelAsync().ConfigureAwait(false);
        List<DeliveryOperation> abandoned;
        lock (_stopGate)
        {
            abandoned = _scheduler.Abandon();
        }

        _wakeUp.Writer.TryComplete();
        // Abandoned outbox rows stay stored; their callers' receipts are reported by the pump below.
        foreach (DeliveryOperation op in abandoned.Where(o => o.Entries[0].Row is null))
        {
            foreach (DeliveryEntry entry in op.Entries)
            {
                Complete(entry, new AttioDeliveryResult(entry.Event, entry.Sequence, AttioDeliveryStatus.NotDeliveredAtShutdown)
                {
                    DeliveryId = op.Id,
                    CoalescedEvents = op.Entries.Count,
                    Detail = "the sender stopped before this event was sent (shutdown deadline reached)",
                });
            }
        }

        await Task.WhenAll(_workers).ConfigureAwait(false);
        if (_pump is not null)
        {
            await _pump.StopAsync().ConfigureAwait(false);
        }

        lock (_stopGate)
        {
            return _shutdownResults!.OrderBy(r => r.Sequence).ToArray();
        }
    }
}
