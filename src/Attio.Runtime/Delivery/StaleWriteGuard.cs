namespace Attio;

/// <summary>
/// Stale-write protection: remembers, per record, the newest event time delivered for each attribute, and drops a value
/// older than what was already written (an event that arrives late must not undo a newer one). Thread-safe.
/// </summary>
internal sealed class StaleWriteGuard(bool enabled, int capacity)
{
    private readonly Lock _gate = new();
    private readonly RecordHistory _history = new(capacity);

    /// <summary>
    /// Marks the step's values older than what was delivered as dropped; returns the known record id when nothing but the
    /// key is left to write (the step is then skipped).
    /// </summary>
    public string? Prepare(DeliveryStep step)
    {
        if (!enabled || step.Mode != AttioWriteMode.Assert)
        {
            return null;
        }

        lock (_gate)
        {
            RecordHistory.Entry? known = _history.Find(step.RecordKey);
            if (known is null)
            {
                return null;
            }

            foreach (var (slug, slot) in step.Slots)
            {
                if (!slot.IsKey && slot.Mode == DeliveryMergeMode.Replace
                    && known.LastDelivered.TryGetValue(slug, out DateTimeOffset delivered) && delivered > slot.Time)
                {
                    step.Dropped.Add(slug);
                }
            }

            bool onlyKeyLeft = step.Dropped.Count > 0 && step.Slots.All(s => s.Value.IsKey || step.Dropped.Contains(s.Key));
            return onlyKeyLeft ? known.RecordId : null;
        }
    }

    /// <summary>Records what the step wrote.</summary>
    public void Delivered(DeliveryStep step, string recordId)
    {
        if (!enabled || step.Mode != AttioWriteMode.Assert)
        {
            return;
        }

        lock (_gate)
        {
            RecordHistory.Entry known = _history.GetOrAdd(step.RecordKey);
            known.RecordId = recordId;
            foreach (var (slug, slot) in step.Slots)
            {
                if (!slot.IsKey && slot.Mode == DeliveryMergeMode.Replace && !step.Dropped.Contains(slug)
                    && (!known.LastDelivered.TryGetValue(slug, out DateTimeOffset delivered) || slot.Time > delivered))
                {
                    known.LastDelivered[slug] = slot.Time;
                }
            }
        }
    }
}
