namespace Attio;

/// <summary>How values of one attribute from several events combine into one request.</summary>
internal enum DeliveryMergeMode
{
    /// <summary>Single values and replaced multiselect lists: the newest event's value wins.</summary>
    Replace,

    /// <summary>Multiselect values Attio appends (an assert's matching attribute, a PATCH): union, first-seen order kept.</summary>
    Append,
}

/// <summary>One attribute of a step, merged from one or more events.</summary>
internal sealed class DeliverySlot
{
    public required AttioPlanValue Value { get; set; }

    public required DateTimeOffset Time { get; set; }

    public required long Order { get; set; }

    public required DeliveryMergeMode Mode { get; init; }

    /// <summary>The matching attribute of an assert: never dropped, never superseded.</summary>
    public bool IsKey { get; init; }

    /// <summary>Added by identify/group, not by the caller: not reported as the caller's superseded value.</summary>
    public bool IsImplicit { get; init; }

    public DeliveryEntry? Winner { get; set; }
}

/// <summary>One request of a delivery.</summary>
internal sealed class DeliveryStep
{
    public required string Id { get; init; }

    public required AttioWriteMode Mode { get; init; }

    public required string ObjectSlug { get; init; }

    /// <summary>For an assert: the matching attribute.</summary>
    public string? MatchingAttribute { get; init; }

    /// <summary>For an update by id: the record id.</summary>
    public string? RecordId { get; init; }

    /// <summary>The record's key (object, attribute, normalised value); for an update of an earlier step's record, that record's key.</summary>
    public required string RecordKey { get; init; }

    /// <summary>For an update of the record an earlier step wrote: that step's id.</summary>
    public string? TargetStepId { get; init; }

    /// <summary>Attributes filled with the record id of an earlier step (by step id).</summary>
    public List<(string Slug, string TargetObject, string StepId)> Links { get; init; } = [];

    public Dictionary<string, DeliverySlot> Slots { get; } = new(StringComparer.Ordinal);

    /// <summary>Slugs dropped at send time because this sender already delivered a newer value.</summary>
    public HashSet<string> Dropped { get; } = new(StringComparer.Ordinal);
}

/// <summary>One event in the sender, from enqueue to result.</summary>
internal sealed class DeliveryEntry
{
    public DeliveryEntry(AttioDeliveryEvent @event, long sequence, DateTimeOffset time)
    {
        Event = @event;
        Sequence = sequence;
        Time = time;
    }

    public AttioDeliveryEvent Event { get; }

    public long Sequence { get; }

    public DateTimeOffset Time { get; }

    public TaskCompletionSource<AttioDeliveryResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The outbox row the event was read from (the outbox pump's entries), else null.</summary>
    public AttioOutboxEntry? Row { get; init; }

    /// <summary>Where a delivery of this event alone records its creates (outbox rows), else null.</summary>
    public IDeliveryProgress? Progress { get; init; }

    /// <summary>The caller's values (step id, slug) that can be superseded by newer ones.</summary>
    public List<(string StepId, string Slug)> Contributions { get; } = [];
}

/// <summary>What one event asks for, before it joins a delivery.</summary>
internal sealed class DeliveryPlan
{
    public required string MergeKey { get; init; }

    /// <summary>Records the delivery writes or depends on; deliveries sharing one run one at a time, in enqueue order.</summary>
    public required List<string> LaneKeys { get; init; }

    public required List<DeliveryStep> Steps { get; init; }
}

/// <summary>A batch that holds back its deliveries until it is fully enqueued (or the queue is full), so that they coalesce.</summary>
internal sealed class DeliveryHold
{
    public bool Released { get; set; }

    public List<DeliveryOperation> Operations { get; } = [];
}

/// <summary>One delivery: the steps (requests) for one record, identify or group, and every event coalesced into it.</summary>
internal sealed class DeliveryOperation
{
    public static readonly IComparer<DeliveryOperation> BySequence = Comparer<DeliveryOperation>.Create((a, b) => a.Id.CompareTo(b.Id));

    public DeliveryOperation(long id, DeliveryPlan plan, bool coalescable, DeliveryHold? hold, long notBefore)
    {
        Id = id;
        MergeKey = plan.MergeKey;
        LaneKeys = new List<string>(plan.LaneKeys);
        Steps = plan.Steps;
        Coalescable = coalescable;
        Hold = hold;
        NotBefore = notBefore;
    }

    public long Id { get; }

    public string MergeKey { get; }

    public List<string> LaneKeys { get; }

    public List<DeliveryStep> Steps { get; }

    public List<DeliveryEntry> Entries { get; } = [];

    public bool Coalescable { get; }

    public DeliveryHold? Hold { get; }

    /// <summary>Timestamp (TimeProvider ticks) before which the delivery waits for more events.</summary>
    public long NotBefore { get; }

    public bool Taken { get; set; }

    public int Requests { get; set; }

    /// <summary>Adds the first event of the delivery.</summary>
    public void AddFirst(DeliveryEntry entry, DeliveryPlan plan)
    {
        Entries.Add(entry);
        RecordContributions(entry, plan);
    }

    /// <summary>Merges another event on the same records into this delivery.</summary>
    public void Merge(DeliveryEntry entry, DeliveryPlan plan)
    {
        Entries.Add(entry);
        foreach (DeliveryStep incoming in plan.Steps)
        {
            DeliveryStep? step = Steps.Find(s => s.Id == incoming.Id);
            if (step is null)
            {
                Steps.Add(incoming);
                continue;
            }

            foreach (var (slug, slot) in incoming.Slots)
            {
                if (!step.Slots.TryGetValue(slug, out DeliverySlot? current))
                {
                    step.Slots[slug] = slot;
                }
                else if (current.Mode == DeliveryMergeMode.Append)
                {
                    current.Value = current.Value.Union(slot.Value);
                    if (Newer(slot, current))
                    {
                        current.Time = slot.Time;
                        current.Order = slot.Order;
                    }
                }
                else if (Newer(slot, current))
                {
                    current.Value = slot.Value;
                    current.Time = slot.Time;
                    current.Order = slot.Order;
                    current.Winner = slot.Winner;
                }
            }
        }

        RecordContributions(entry, plan);
    }

    private static bool Newer(DeliverySlot candidate, DeliverySlot current) =>
        candidate.Time > current.Time || (candidate.Time == current.Time && candidate.Order > current.Order);

    private static void RecordContributions(DeliveryEntry entry, DeliveryPlan plan)
    {
        foreach (DeliveryStep step in plan.Steps)
        {
            foreach (var (slug, slot) in step.Slots)
            {
                if (!slot.IsKey && !slot.IsImplicit && slot.Mode == DeliveryMergeMode.Replace)
                {
                    entry.Contributions.Add((step.Id, slug));
                }
            }
        }
    }

    /// <summary>The caller's values of <paramref name="entry"/> that lost to newer values (in this delivery or already delivered).</summary>
    public List<string> SupersededOf(DeliveryEntry entry)
    {
        var superseded = new List<string>();
        foreach (var (stepId, slug) in entry.Contributions)
        {
            DeliveryStep step = Steps.Find(s => s.Id == stepId)!;
            if (step.Dropped.Contains(slug) || !ReferenceEquals(step.Slots[slug].Winner, entry))
            {
                superseded.Add($"{step.ObjectSlug}.{slug}");
            }
        }

        return superseded;
    }
}
