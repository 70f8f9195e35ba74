namespace Attio;

/// <summary>
/// Which delivery may run next: per-record lanes (deliveries touching one record run one at a time, in enqueue order),
/// coalescing of waiting events into one delivery, batches held back until fully enqueued, and the coalescing window.
/// No threads and no I/O: the sender asks it what to run and tells it what finished, so it is tested with a fake clock.
/// Thread-safe (one lock around its state).
/// </summary>
internal sealed class DeliveryScheduler(TimeProvider time, TimeSpan coalescingWindow, int maxEventsPerDelivery)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly SortedSet<DeliveryOperation> _ready = new(DeliveryOperation.BySequence);
    private long _deliveryIds;
    private int _pendingOperations;
    private int _runningOperations;
    private int _queuedEvents;
    private int _maxQueuedEvents;
    private bool _flushing;

    /// <summary>Events waiting (admitted, not yet taken).</summary>
    public int QueuedEvents
    {
        get
        {
            lock (_gate)
            {
                return _queuedEvents;
            }
        }
    }

    /// <summary>The most events that ever waited at once.</summary>
    public int MaxQueuedEvents
    {
        get
        {
            lock (_gate)
            {
                return _maxQueuedEvents;
            }
        }
    }

    /// <summary>True when nothing waits and nothing runs.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return _pendingOperations == 0 && _runningOperations == 0;
            }
        }
    }

    /// <summary>
    /// Merges the event into a waiting delivery on the same records, or starts a new one. True when a delivery became
    /// ready to take (the sender then wakes a worker).
    /// </summary>
    public bool Admit(DeliveryEntry entry, DeliveryPlan plan, bool coalesce, DeliveryHold? hold)
    {
        lock (_gate)
        {
            _queuedEvents++;
            _maxQueuedEvents = Math.Max(_maxQueuedEvents, _queuedEvents);
            if (coalesce && FindMergeTarget(plan) is { } target)
            {
                target.Merge(entry, plan);
                foreach (string key in plan.LaneKeys)
                {
                    if (!target.LaneKeys.Contains(key))
                    {
                        // A lane with nothing waiting: the delivery now also waits for what runs there (never for a later delivery).
                        target.LaneKeys.Add(key);
                        LaneOf(key).Pending.AddLast(target);
                    }
                }

                if (_ready.Contains(target) && !IsReady(target))
                {
                    _ready.Remove(target);
                }

                return false;
            }

            // A batch's hold already gathers its events; the window is for events enqueued one by one.
            long notBefore = coalesce && hold is null && coalescingWindow > TimeSpan.Zero
                ? time.GetTimestamp() + (long)(coalescingWindow.TotalSeconds * time.TimestampFrequency)
                : 0;
            var op = new DeliveryOperation(++_deliveryIds, plan, coalesce, hold, notBefore);
            op.AddFirst(entry, plan);
            foreach (string key in op.LaneKeys)
            {
                LaneOf(key).Pending.AddLast(op);
            }

            _pendingOperations++;
            if (hold is { Released: false } && !_flushing)
            {
                hold.Operations.Add(op);
                return false;
            }

            return IsReady(op) && _ready.Add(op);
        }
    }

    /// <summary>Lets a held batch's deliveries go. True when one became ready.</summary>
    public bool Release(DeliveryHold hold)
    {
        lock (_gate)
        {
            if (hold.Released)
            {
                return false;
            }

            hold.Released = true;
            bool any = false;
            foreach (DeliveryOperation op in hold.Operations)
            {
                if (IsReady(op))
                {
                    any |= _ready.Add(op);
                }
            }

            hold.Operations.Clear();
            return any;
        }
    }

    /// <summary>
    /// The oldest ready delivery whose coalescing window has passed, taken (its events leave the queue); else null, with
    /// <paramref name="wait"/> set to how long until the soonest window passes (null when nothing is ready).
    /// </summary>
    public DeliveryOperation? TryTake(out TimeSpan? wait)
    {
        wait = null;
        lock (_gate)
        {
            if (_ready.Count == 0)
            {
                return null;
            }

            long now = time.GetTimestamp();
            long soonest = long.MaxValue;
            foreach (DeliveryOperation candidate in _ready)
            {
                if (_flushing || candidate.NotBefore <= now)
                {
                    Take(candidate);
                    return candidate;
                }

                soonest = Math.Min(soonest, candidate.NotBefore);
            }

            wait = TimeSpan.FromSeconds((soonest - now) / (double)time.TimestampFrequency);
            return null;
        }
    }

    /// <summary>Frees the delivery's lanes and readies what waited behind it. True when something became ready.</summary>
    public bool Finish(DeliveryOperation op)
    {
        lock (_gate)
        {
            bool any = false;
            foreach (string key in op.LaneKeys)
            {
                Lane lane = _lanes[key];
                lane.Running = null;
                if (lane.Pending.Count == 0)
                {
                    _lanes.Remove(key);
                }
                else if (IsReady(lane.Pending.First!.Value))
                {
                    any |= _ready.Add(lane.Pending.First.Value);
                }
            }

            _runningOperations--;
            return any;
        }
    }

    /// <summary>From now on held batches and coalescing windows no longer wait: everything queued may go.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            _flushing = true;
            foreach (Lane lane in _lanes.Values)
            {
                if (lane.Pending.First?.Value is { } head && IsReady(head))
                {
                    _ready.Add(head);
                }
            }
        }
    }

    /// <summary>Removes every delivery not yet taken and returns them, oldest first (the shutdown deadline passed).</summary>
    public List<DeliveryOperation> Abandon()
    {
        lock (_gate)
        {
            var abandoned = _lanes.Values.SelectMany(l => l.Pending).Distinct().OrderBy(o => o.Id).ToList();
            foreach (DeliveryOperation op in abandoned)
            {
                _queuedEvents -= op.Entries.Count;
                op.Taken = true;
            }

            foreach (var (key, lane) in _lanes.ToList())
            {
                lane.Pending.Clear();
                if (lane.Running is null)
                {
                    _lanes.Remove(key);
                }
            }

            _pendingOperations = 0;
            _ready.Clear();
            return abandoned;
        }
    }

    private void Take(DeliveryOperation op)
    {
        _ready.Remove(op);
        op.Taken = true;
        foreach (string key in op.LaneKeys)
        {
            Lane lane = _lanes[key];
            lane.Pending.RemoveFirst();
            lane.Running = op;
        }

        _pendingOperations--;
        _runningOperations++;
        _queuedEvents -= op.Entries.Count;
    }

    private DeliveryOperation? FindMergeTarget(DeliveryPlan plan)
    {
        DeliveryOperation? target = null;
        foreach (string key in plan.LaneKeys)
        {
            if (!_lanes.TryGetValue(key, out Lane? lane) || lane.Pending.Count == 0)
            {
                continue;
            }

            DeliveryOperation last = lane.Pending.Last!.Value;
            if (target is null)
            {
                target = last;
            }
            else if (!ReferenceEquals(target, last))
            {
                return null;
            }
        }

        return target is { Coalescable: true, Taken: false } && target.MergeKey == plan.MergeKey && target.Entries.Count < maxEventsPerDelivery
            ? target
            : null;
    }

    private Lane LaneOf(string key)
    {
        if (!_lanes.TryGetValue(key, out Lane? lane))
        {
            lane = new Lane();
            _lanes[key] = lane;
        }

        return lane;
    }

    // Ready: first in every lane it is in, nothing running there, and not held back by its batch.
    private bool IsReady(DeliveryOperation op)
    {
        if (op.Taken || (op.Hold is { Released: false } && !_flushing))
        {
            return false;
        }

        foreach (string key in op.LaneKeys)
        {
            Lane lane = _lanes[key];
            if (lane.Running is not null || !ReferenceEquals(lane.Pending.First?.Value, op))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The deliveries waiting on one record key, in enqueue order, and the one running.</summary>
    private sealed class Lane
    {
        public LinkedList<DeliveryOperation> Pending { get; } = new();

        public DeliveryOperation? Running { get; set; }
    }
}
