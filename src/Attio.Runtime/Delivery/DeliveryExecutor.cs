using Microsoft.Extensions.Logging;

namespace Attio;

/// <summary>
/// Runs one delivery: its steps in order through the plan executor (the same code <c>AttioClient.ExecuteAsync</c> runs),
/// with the stale-write guard, and turns the outcome into one result per event coalesced into it.
/// </summary>
internal sealed partial class DeliveryExecutor(AttioClient client, StaleWriteGuard guard, ILogger logger)
{
    private long _requests;

    /// <summary>HTTP requests made so far (retries inside the client not counted).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public async Task<List<(DeliveryEntry Entry, AttioDeliveryResult Result)>> RunAsync(DeliveryOperation op, CancellationToken abort)
    {
        var recordIds = new string?[op.Steps.Count];
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        AttioDeliveryStatus status = AttioDeliveryStatus.Delivered;
        AttioDeliveryError? error = null;
        string detail = string.Empty;
        try
        {
            // Creates never coalesce, so a delivery with a create carries one event, whose steps are the delivery's.
            IDeliveryProgress? progress = op.Entries.Count == 1 ? op.Entries[0].Progress : null;
            for (int i = 0; i < op.Steps.Count; i++)
            {
                DeliveryStep step = op.Steps[i];
                if (progress?.CreatedRecordOf(i) is { } created)
                {
                    recordIds[i] = created;
                    written[step.ObjectSlug] = created;
                    continue;
                }

                string? skippedId = guard.Prepare(step);
                if (skippedId is not null)
                {
                    recordIds[i] = skippedId;
                    written[step.ObjectSlug] = skippedId;
                    continue;
                }

                bool tracked = step.Mode == AttioWriteMode.Create && progress is not null;
                if (tracked)
                {
                    await progress!.CreateStartingAsync(i, abort).ConfigureAwait(false);
                }

                AttioStoredRecord stored = await AttioPlanExecutor.ExecuteStepAsync(client, DeliveryPlanner.ToWriteStep(step, op.Steps), recordIds, step.Dropped, abort,
                    onRequest: () =>
                    {
                        op.Requests++;
                        Interlocked.Increment(ref _requests);
                    }).ConfigureAwait(false);
                if (tracked)
                {
                    await progress!.CreateDoneAsync(i, stored.RecordId, abort).ConfigureAwait(false);
                }

                recordIds[i] = stored.RecordId;
                written[step.ObjectSlug] = stored.RecordId;
                guard.Delivered(step, stored.RecordId);
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            status = AttioDeliveryStatus.NotDeliveredAtShutdown;
            detail = "the shutdown deadline passed while the delivery was running; the request in flight may or may not have been stored"
                + (written.Count > 0 ? $"; already written: {string.Join(", ", written.Keys)}" : string.Empty);
        }
        catch (Exception ex)
        {
            (status, error) = Classify(ex);
            detail = (status == AttioDeliveryStatus.GaveUpAfterRetries ? "gave up: " : "Attio refused it: ") + ex.Message
                + (written.Count > 0 ? $" (already written: {string.Join(", ", written.Select(w => $"{w.Key} {w.Value}"))})" : string.Empty);
            Log.DeliveryFailed(logger, op.Id, op.Entries.Count, status, ex.Message);
        }

        return Results(op, status, error, detail, recordIds, written);
    }

    private static List<(DeliveryEntry, AttioDeliveryResult)> Results(DeliveryOperation op, AttioDeliveryStatus status, AttioDeliveryError? error, string detail,
        string?[] recordIds, Dictionary<string, string> written)
    {
        var results = new List<(DeliveryEntry, AttioDeliveryResult)>(op.Entries.Count);
        foreach (DeliveryEntry entry in op.Entries)
        {
            List<string> superseded = status == AttioDeliveryStatus.Delivered ? op.SupersededOf(entry) : [];
            bool isSuperseded = superseded.Count > 0 && superseded.Count == entry.Contributions.Count;
            string text = status != AttioDeliveryStatus.Delivered ? detail
                : isSuperseded ? "superseded: newer values of " + string.Join(", ", superseded) + " were written instead"
                : superseded.Count > 0 ? "delivered; newer values won for " + string.Join(", ", superseded)
                : op.Entries.Count > 1 ? $"delivered, coalesced with {op.Entries.Count - 1} other event(s)"
                : "delivered";
            results.Add((entry, new AttioDeliveryResult(entry.Event, entry.Sequence, status)
            {
                RecordId = status == AttioDeliveryStatus.Delivered ? PrimaryRecordId(op, recordIds) : null,
                RecordIds = new Dictionary<string, string>(written, StringComparer.Ordinal),
                DeliveryId = op.Id,
                CoalescedEvents = op.Entries.Count,
                Requests = op.Requests,
                IsSuperseded = isSuperseded,
                SupersededAttributes = superseded,
                Error = error,
                Detail = text,
            }));
        }

        return results;
    }

    // The record a caller cares about: the record of a record event, the user of an identify, the workspace of a group.
    private static string? PrimaryRecordId(DeliveryOperation op, string?[] recordIds)
    {
        for (int i = op.Steps.Count - 1; i >= 0; i--)
        {
            if (op.Steps[i].Mode == AttioWriteMode.Assert)
            {
                return recordIds[i];
            }
        }

        return recordIds.Length > 0 ? recordIds[0] : null;
    }

    private static (AttioDeliveryStatus Status, AttioDeliveryError Error) Classify(Exception ex) => ex switch
    {
        AttioApiException api => (
            AttioRetryHandler.IsRetryable(api.StatusCode) ? AttioDeliveryStatus.GaveUpAfterRetries : AttioDeliveryStatus.FailedPermanently,
            new AttioDeliveryError(api.StatusCode, api.Code, api.Type, api.AttioMessage ?? api.Message, api.ExecutionId, api.Method, api.Path, api.Attempts) { Exception = api }),
        AttioTransportException transport => (
            AttioDeliveryStatus.GaveUpAfterRetries,
            new AttioDeliveryError(null, null, null, transport.Reason, null, transport.Method, transport.Path, transport.Attempts) { Exception = transport }),
        _ => (
            AttioDeliveryStatus.FailedPermanently,
            new AttioDeliveryError(null, null, null, ex.Message, null, null, null, 1) { Exception = ex }),
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Attio delivery {DeliveryId} ({Events} events) ended {Status}: {Reason}")]
        public static partial void DeliveryFailed(ILogger logger, long deliveryId, int events, AttioDeliveryStatus status, string reason);
    }
}
