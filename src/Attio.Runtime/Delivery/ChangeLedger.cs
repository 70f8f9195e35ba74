using Microsoft.Extensions.Logging;

namespace Attio;

/// <summary>
/// What the sender last delivered, per record key and attribute: the event time (a late, older event must not undo a newer
/// value) and a hash of the value as written (a value Attio already holds is not sent again until it is older than
/// <see cref="AttioSenderOptions.ResendUnchangedAfter"/>). Kept in memory, bounded; with a store (an outbox) it is read
/// before each delivery and written after each step that succeeded, so it survives restarts and is shared by a fleet.
/// Deliveries on the same record run one at a time (the scheduler's lanes), so reading then writing a key does not race.
/// </summary>
internal sealed partial class ChangeLedger
{
    /// <summary>The ledger's pseudo-attribute holding a record key's record id (a skipped step still links by it).</summary>
    internal const string RecordIdSlug = "@record_id";

    private readonly bool _staleWriteProtection;
    private readonly TimeSpan _resendUnchangedAfter;
    private readonly IAttioDeliveryLedgerStore? _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly LedgerMemory _memory;

    public ChangeLedger(AttioSenderOptions options, IAttioDeliveryLedgerStore? store, ILogger logger)
    {
        _staleWriteProtection = options.StaleWriteProtection;
        _resendUnchangedAfter = options.ResendUnchangedAfter;
        _store = store;
        _time = options.TimeProvider;
        _logger = logger;
        _memory = new LedgerMemory(options.MaxTrackedRecords);
    }

    private bool SkipsUnchanged => _resendUnchangedAfter > TimeSpan.Zero;

    private bool Enabled => _staleWriteProtection || SkipsUnchanged;

    /// <summary>Reads the store's entries for the delivery's records (the store is the truth when several senders share it).</summary>
    public async ValueTask LoadAsync(IReadOnlyList<DeliveryStep> steps, CancellationToken cancellationToken)
    {
        if (_store is null || !Enabled)
        {
            return;
        }

        var keys = steps.Where(s => s.Mode != AttioWriteMode.Create).Select(s => s.RecordKey).Distinct(StringComparer.Ordinal).ToArray();
        IReadOnlyList<AttioLedgerEntry> entries;
        try
        {
            entries = await _store.ReadLedgerAsync(keys, cancellationToken).ConfigureAwait(false);
        }
        catch (AttioOutboxException ex)
        {
            // Without the ledger every value counts as changed: the delivery sends more than needed, never less.
            Log.LedgerReadFailed(_logger, ex.Message);
            return;
        }

        lock (_gate)
        {
            foreach (var group in entries.GroupBy(e => e.RecordKey, StringComparer.Ordinal))
            {
                LedgerMemory.Record record = _memory.GetOrAdd(group.Key);
                foreach (AttioLedgerEntry entry in group)
                {
                    if (entry.AttributeSlug == RecordIdSlug)
                    {
                        record.RecordId = entry.ValueHash;
                    }
                    else
                    {
                        record.Marks[entry.AttributeSlug] = new LedgerMemory.Mark(entry.EventTime, entry.ValueHash, entry.DeliveredAt);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Marks the step's values that must not be written: older than what was delivered (<see cref="DeliveryStep.Dropped"/>) or
    /// equal to it (<see cref="DeliveryStep.Unchanged"/>, <see cref="DeliveryStep.UnchangedLinks"/>). Returns the known record
    /// id when nothing is left to write, so the step is skipped; null when it must be sent.
    /// </summary>
    public string? Prepare(DeliveryStep step, IReadOnlyList<DeliveryStep> steps)
    {
        if (!Enabled || step.Mode == AttioWriteMode.Create)
        {
            return null;
        }

        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            LedgerMemory.Record? known = _memory.Find(step.RecordKey);
            if (known is null)
            {
                return null;
            }

            bool keyUnchanged = true;
            foreach (var (slug, slot) in step.Slots)
            {
                known.Marks.TryGetValue(slug, out LedgerMemory.Mark? mark);
                if (_staleWriteProtection && step.Mode == AttioWriteMode.Assert && !slot.IsKey && slot.Mode == DeliveryMergeMode.Replace
                    && mark is not null && mark.EventTime > slot.Time)
                {
                    step.Dropped.Add(slug);
                }
                else if (IsFresh(mark, now) && mark!.Hash == LedgerHash.Of(slot.Value))
                {
                    if (!slot.IsKey)
                    {
                        step.Unchanged.Add(slug);
                    }
                }
                else if (slot.IsKey)
                {
                    keyUnchanged = false;
                }
            }

            bool linksUnchanged = true;
            foreach (var (slug, _, stepId) in step.Links)
            {
                known.Marks.TryGetValue(slug, out LedgerMemory.Mark? mark);
                if (IsFresh(mark, now) && mark!.Hash == LedgerHash.OfLink(LinkTarget(steps, stepId)))
                {
                    step.UnchangedLinks.Add(slug);
                }
                else
                {
                    linksUnchanged = false;
                }
            }

            bool valuesLeft = step.Slots.Any(s => !s.Value.IsKey && !step.Dropped.Contains(s.Key) && !step.Unchanged.Contains(s.Key));
            if (valuesLeft || known.RecordId is null)
            {
                return null;
            }

            // Stale values alone already made a key-only step unnecessary before unchanged values were skipped; keep that.
            return step.Dropped.Count > 0 || (SkipsUnchanged && keyUnchanged && linksUnchanged) ? known.RecordId : null;
        }
    }

    /// <summary>Remembers what the step wrote (or found unchanged), in memory and in the store.</summary>
    public async ValueTask DeliveredAsync(DeliveryStep step, IReadOnlyList<DeliveryStep> steps, string recordId, bool sent, CancellationToken cancellationToken)
    {
        if (!Enabled || step.Mode == AttioWriteMode.Create)
        {
            return;
        }

        DateTimeOffset now = _time.GetUtcNow();
        var changed = new List<AttioLedgerEntry>();
        lock (_gate)
        {
            LedgerMemory.Record known = _memory.GetOrAdd(step.RecordKey);
            if (known.RecordId != recordId)
            {
                known.RecordId = recordId;
                changed.Add(new AttioLedgerEntry(step.RecordKey, RecordIdSlug, now, recordId, now));
            }

            DateTimeOffset newest = DateTimeOffset.MinValue;
            foreach (var (slug, slot) in step.Slots)
            {
                newest = slot.Time > newest ? slot.Time : newest;
                if (step.Dropped.Contains(slug))
                {
                    continue;
                }

                known.Marks.TryGetValue(slug, out LedgerMemory.Mark? mark);
                DateTimeOffset time = mark is not null && mark.EventTime > slot.Time ? mark.EventTime : slot.Time;
                bool written = sent && !step.Unchanged.Contains(slug);
                // An unchanged value keeps the time it was really written (the resend clock) but takes the newer event time.
                var next = written || mark is null
                    ? new LedgerMemory.Mark(time, LedgerHash.Of(slot.Value), now)
                    : mark with { EventTime = time };
                if (next != mark)
                {
                    known.Marks[slug] = next;
                    changed.Add(new AttioLedgerEntry(step.RecordKey, slug, next.EventTime, next.Hash, next.DeliveredAt));
                }
            }

            foreach (var (slug, _, stepId) in step.Links)
            {
                if (sent && !step.UnchangedLinks.Contains(slug))
                {
                    var mark = new LedgerMemory.Mark(newest, LedgerHash.OfLink(LinkTarget(steps, stepId)), now);
                    known.Marks[slug] = mark;
                    changed.Add(new AttioLedgerEntry(step.RecordKey, slug, mark.EventTime, mark.Hash, mark.DeliveredAt));
                }
            }
        }

        if (_store is null || changed.Count == 0)
        {
            return;
        }

        try
        {
            await _store.WriteLedgerAsync(changed, cancellationToken).ConfigureAwait(false);
        }
        catch (AttioOutboxException ex)
        {
            // The write reached Attio; losing its ledger entry only means the value may be sent once more later.
            Log.LedgerWriteFailed(_logger, ex.Message);
        }
    }

    private bool IsFresh(LedgerMemory.Mark? mark, DateTimeOffset now) =>
        SkipsUnchanged && mark is not null && now - mark.DeliveredAt < _resendUnchangedAfter;

    // A link is identified by the record key it points to, which is known before the target's record id is.
    private static string LinkTarget(IReadOnlyList<DeliveryStep> steps, string stepId)
    {
        foreach (DeliveryStep candidate in steps)
        {
            if (candidate.Id == stepId)
            {
                return candidate.RecordKey;
            }
        }

        return stepId;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Attio delivery ledger could not be read; the delivery sends every value: {Reason}")]
        public static partial void LedgerReadFailed(ILogger logger, string reason);

        [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Attio delivery ledger could not be written; delivered values may be sent again later: {Reason}")]
        public static partial void LedgerWriteFailed(ILogger logger, string reason);
    }
}
