using System.Net;

namespace Attio;

/// <summary>
/// What happens to rows after a delivery: delivered rows are completed; transient failures are rescheduled with backoff
/// until the retry horizon, then dead; permanent failures are dead at once; a delivery stopped by a lost lease, a store
/// failure or the shutdown leaves its rows in flight for the next lease holder. Nothing leaves the store otherwise.
/// </summary>
internal sealed partial class OutboxPump
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    /// <summary>Records the fate of every row of <paramref name="results"/> (one delivery) in the store and in local receipts.</summary>
    public async Task SettleAsync(IReadOnlyList<(DeliveryEntry Entry, AttioDeliveryResult Result)> results)
    {
        try
        {
            var delivered = new List<(DeliveryEntry Entry, AttioDeliveryResult Result)>();
            foreach (var (entry, result) in results)
            {
                if (result.Status == AttioDeliveryStatus.Delivered)
                {
                    delivered.Add((entry, result));
                }
                else
                {
                    await SettleFailureAsync(entry, result).ConfigureAwait(false);
                }
            }

            if (delivered.Count > 0)
            {
                await CompleteAsync(delivered).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // rows whose fate could not be stored stay in flight; the next lease holder retries them
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.StoreFailed(_logger, _store.Description, "record delivery results", ex);
            _keeper.Lose("the store failed while recording results: " + ex.Message);
        }
        finally
        {
            Interlocked.Add(ref _inMemory, -results.Count);
            _claimSignal.Set();
            _settledSignal.Set();
        }
    }

    private async Task CompleteAsync(List<(DeliveryEntry Entry, AttioDeliveryResult Result)> delivered)
    {
        AttioOutboxLease lease = LeaseOf(delivered[0].Entry);
        if (!await _store.CompleteAsync(lease, [.. delivered.Select(d => d.Entry.Row!.Id)], _time.GetUtcNow()).ConfigureAwait(false))
        {
            _keeper.Lose("completing delivered rows was refused: a newer lease exists");
            return;
        }

        Interlocked.Exchange(ref _failures, 0);
        Interlocked.Exchange(ref _pausedUntil, 0);
        OutboxMetrics.Count(OutboxMetrics.Delivered, delivered.Count);
        foreach (var (entry, result) in delivered)
        {
            Report(entry.Row!.Id, result, isStored: false);
        }
    }

    private async Task SettleFailureAsync(DeliveryEntry entry, AttioDeliveryResult result)
    {
        AttioOutboxEntry row = entry.Row!;
        Exception? cause = result.Error?.Exception;
        if (result.Status == AttioDeliveryStatus.NotDeliveredAtShutdown)
        {
            return;
        }

        if (cause is AttioLeaseLostException || cause?.InnerException is AttioLeaseLostException || cause is AttioOutboxException)
        {
            _keeper.Lose(cause.Message);
            return;
        }

        var progress = (OutboxProgress)entry.Progress!;
        if (progress.HasUnfinishedCreate && AttioSaidNotStored(result.Error))
        {
            await progress.ForgetUnfinishedCreatesAsync(CancellationToken.None).ConfigureAwait(false);
        }

        DateTimeOffset now = _time.GetUtcNow();
        if (result.Status == AttioDeliveryStatus.GaveUpAfterRetries)
        {
            AttioOutboxError transient = ErrorOf(OutboxErrorKinds.Transient, result);
            if (now - row.EnqueuedAt >= _options.RetryHorizon)
            {
                await DeadLetterAsync(progress.Lease, row, transient with { Kind = OutboxErrorKinds.Horizon }, result, CancellationToken.None).ConfigureAwait(false);
                return;
            }

            await RescheduleAsync(progress.Lease, row, transient, now).ConfigureAwait(false);
            return;
        }

        await DeadLetterAsync(progress.Lease, row, ErrorOf(OutboxErrorKinds.Permanent, result), result, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task RescheduleAsync(AttioOutboxLease lease, AttioOutboxEntry row, AttioOutboxError error, DateTimeOffset now)
    {
        TimeSpan delay = Backoff(row.Attempts);
        DateTimeOffset next = now + delay;
        DateTimeOffset horizon = row.EnqueuedAt + _options.RetryHorizon;
        // The last attempt falls on the horizon, so an outage ending just before it still delivers.
        next = next > horizon ? horizon : next;
        if (!await _store.RescheduleAsync(lease, row.Id, next, error).ConfigureAwait(false))
        {
            _keeper.Lose("rescheduling a row was refused: a newer lease exists");
            return;
        }

        int failures = Interlocked.Increment(ref _failures);
        long pause = (long)(Backoff(failures - 1).TotalSeconds * _time.TimestampFrequency);
        Interlocked.Exchange(ref _pausedUntil, _time.GetTimestamp() + pause);
        OutboxMetrics.Count(OutboxMetrics.Rescheduled, 1);
        Log.Rescheduled(_logger, row.Id, row.Attempts + 1, (next - now).TotalSeconds, error.Message);
    }

    private async Task DeadLetterAsync(AttioOutboxLease lease, AttioOutboxEntry row, AttioOutboxError error, AttioDeliveryResult? result, CancellationToken cancellationToken)
    {
        if (!await _store.DeadLetterAsync(lease, row.Id, error, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            _keeper.Lose("a dead letter was refused: a newer lease exists");
            return;
        }

        OutboxMetrics.Count(OutboxMetrics.DeadLetter, 1);
        Log.DeadLetter(_logger, row.Id, error.Kind, error.Message);
        AttioDeliveryStatus status = error.Kind == OutboxErrorKinds.Horizon ? AttioDeliveryStatus.GaveUpAfterRetries : AttioDeliveryStatus.FailedPermanently;
        AttioDeliveryResult Dead(AttioDeliveryEvent evt, long sequence) => new(evt, sequence, status)
        {
            Error = result?.Error ?? new AttioDeliveryError((HttpStatusCode?)error.StatusCode, error.Code, null, error.Message, error.ExecutionId, null, null, row.Attempts + 1),
            RecordIds = result?.RecordIds ?? new Dictionary<string, string>(),
            DeliveryId = result?.DeliveryId,
            Requests = result?.Requests ?? 0,
            Detail = $"a dead letter in the outbox ({error.Kind}): {error.Message}",
        };

        if (result is not null)
        {
            Report(row.Id, Dead(result.Event, result.Sequence), isStored: true);
        }
        else if (_local.TryRemove(row.Id, out DeliveryEntry? caller))
        {
            // Refused before it ran (unreadable, uncertain create): only a receipt of this process can be waiting.
            _complete(caller, Rebase(Dead(caller.Event, caller.Sequence), caller, row.Id, isStored: true));
        }
    }

    // Completes the receipt of a row this sender enqueued (or parks the result while an enqueue may still register it).
    private void Report(long id, AttioDeliveryResult result, bool isStored)
    {
        if (_local.TryRemove(id, out DeliveryEntry? caller))
        {
            _complete(caller, Rebase(result, caller, id, isStored));
        }
        else if (Volatile.Read(ref _enqueuing) > 0 && _parked.Count < MaxParkedResults)
        {
            _parked[id] = Rebase(result, caller: null, id, isStored);
            if (_local.TryRemove(id, out caller) && _parked.TryRemove(id, out _))
            {
                _complete(caller, Rebase(result, caller, id, isStored));
            }
        }
    }

    private static AttioDeliveryResult Rebase(AttioDeliveryResult result, DeliveryEntry? caller, long id, bool? isStored = null) =>
        new(caller?.Event ?? result.Event, caller?.Sequence ?? result.Sequence, result.Status)
        {
            RecordId = result.RecordId,
            RecordIds = result.RecordIds,
            DeliveryId = result.DeliveryId,
            CoalescedEvents = result.CoalescedEvents,
            Requests = result.Requests,
            IsSuperseded = result.IsSuperseded,
            SupersededAttributes = result.SupersededAttributes,
            ValidationErrors = result.ValidationErrors,
            Error = result.Error,
            Detail = result.Detail,
            OutboxId = id,
            IsStored = isStored ?? result.IsStored,
        };

    private static AttioOutboxLease LeaseOf(DeliveryEntry entry) => ((OutboxProgress)entry.Progress!).Lease;

    private static AttioOutboxError ErrorOf(string kind, AttioDeliveryResult result)
    {
        AttioDeliveryError? error = result.Error;
        int? status = error?.StatusCode is { } s ? (int)s : null;
        return new AttioOutboxError(kind, status, error?.Code, error?.Message ?? result.Detail, error?.ExecutionId);
    }

    // A 4xx (429 included) or a 503 means Attio did not store the create; other 5xx and lost connections may follow a stored one.
    private static bool AttioSaidNotStored(AttioDeliveryError? error) =>
        error?.StatusCode is { } status && ((int)status is >= 400 and < 500 || status == HttpStatusCode.ServiceUnavailable);

    // 2 s doubling to 5 min, with jitter (+-20 %) so rows failed together do not come back together.
    private static TimeSpan Backoff(int attempts)
    {
        double seconds = Math.Min(MaxBackoff.TotalSeconds, FirstBackoff.TotalSeconds * Math.Pow(2, Math.Min(attempts, 20)));
        return TimeSpan.FromSeconds(seconds * (0.8 + (0.4 * Random.Shared.NextDouble())));
    }
}
