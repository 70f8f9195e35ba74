using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Attio;

/// <summary>
/// Delivers bursts of records, identifies and groups to Attio as fast as the client's rate limiter allows, and reports every
/// event's fate. Events wait in a bounded queue (producers wait when it is full); deliveries run with bounded concurrency;
/// deliveries that touch the same record run one at a time in enqueue order (an identify's person before its user, a
/// group's company before its workspace); optionally, waiting events on the same record are coalesced into one request.
/// </summary>
/// <remarks>
/// Every event gets exactly one <see cref="AttioDeliveryResult"/>: through its <see cref="AttioDeliveryReceipt"/>, the
/// <see cref="ResultReported"/> event, <see cref="AttioSenderOptions.OnResult"/>, or the batch result of
/// <see cref="SendBatchAsync"/>. Stopping (<see cref="StopAsync(TimeSpan, CancellationToken)"/>) flushes the queue until a
/// deadline and reports what was not delivered; nothing is dropped silently.
/// </remarks>
public sealed partial class AttioSender : IAsyncDisposable
{
    private readonly AttioClient _client;
    private readonly AttioSenderOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _slots;
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly SortedSet<DeliveryOperation> _ready = new(DeliveryOperation.BySequence);
    private readonly RecordHistory _history;
    private readonly CancellationTokenSource _stopAccepting = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task[] _workers;
    private TaskCompletionSource _pulse = NewPulse();
    private List<AttioDeliveryResult>? _shutdownResults;
    private Task<IReadOnlyList<AttioDeliveryResult>>? _stopTask;
    private long _sequence;
    private long _deliveryIds;
    private int _queuedEvents;
    private int _maxQueuedEvents;
    private int _pendingOperations;
    private int _runningOperations;
    private long _requests;
    private bool _flushing;
    private bool _exiting;

    /// <summary>Creates a sender over <paramref name="client"/> and starts its workers.</summary>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public AttioSender(AttioClient client, AttioSenderOptions? options = null, ILogger<AttioSender>? logger = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = (options ?? new AttioSenderOptions()).Clone();
        _options.Validate();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = _options.TimeProvider;
        _slots = new SemaphoreSlim(_options.QueueCapacity, _options.QueueCapacity);
        _history = new RecordHistory(_options.MaxTrackedRecords);
        _workers = new Task[_options.MaxConcurrency];
        for (int i = 0; i < _workers.Length; i++)
        {
            _workers[i] = Task.Run(WorkAsync);
        }
    }

    /// <summary>Raised once per event with its result, on a sender thread. Handlers must be quick; exceptions are logged and ignored.</summary>
    public event Action<AttioDeliveryResult>? ResultReported;

    /// <summary>Events waiting in the queue now (enqueued, not yet taken by a delivery). Never more than <see cref="AttioSenderOptions.QueueCapacity"/>.</summary>
    public int QueueLength
    {
        get
        {
            lock (_gate)
            {
                return _queuedEvents;
            }
        }
    }

    /// <summary>The longest the queue has been since the sender started.</summary>
    public int MaxObservedQueueLength
    {
        get
        {
            lock (_gate)
            {
                return _maxQueuedEvents;
            }
        }
    }

    /// <summary>The queue's capacity.</summary>
    public int QueueCapacity => _options.QueueCapacity;

    /// <summary>HTTP requests made so far (retries inside the client not counted).</summary>
    public long RequestsSent => Interlocked.Read(ref _requests);

    /// <summary>
    /// Enqueues <paramref name="event"/>, waiting while the queue is full. An invalid event, or one arriving while the sender stops,
    /// is not queued: its receipt is already complete with <see cref="AttioDeliveryStatus.RejectedBeforeSending"/> or
    /// <see cref="AttioDeliveryStatus.NotDeliveredAtShutdown"/>. Coalesces when <see cref="AttioSenderOptions.Coalesce"/> is set.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting for room; the event was not enqueued.</exception>
    public ValueTask<AttioDeliveryReceipt> EnqueueAsync(AttioDeliveryEvent @event, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return EnqueueCoreAsync(@event, _options.Coalesce, hold: null, cancellationToken);
    }

    /// <summary>Enqueues an assert of <paramref name="record"/> by <paramref name="matchingAttribute"/>; see <see cref="EnqueueAsync"/>.</summary>
    public ValueTask<AttioDeliveryReceipt> EnqueueRecordAsync(AttioRecord record, string matchingAttribute, DateTimeOffset? timestamp = null, CancellationToken cancellationToken = default) =>
        EnqueueAsync(AttioDeliveryEvent.Assert(record, matchingAttribute, timestamp), cancellationToken);

    /// <summary>Enqueues an identify (person by email, then user by id); see <see cref="EnqueueAsync"/>.</summary>
    public ValueTask<AttioDeliveryReceipt> EnqueueIdentifyAsync(string email, string userId, AttioRecord? person = null, AttioRecord? user = null, DateTimeOffset? timestamp = null, CancellationToken cancellationToken = default) =>
        EnqueueAsync(AttioDeliveryEvent.Identify(email, userId, person, user, timestamp), cancellationToken);

    /// <summary>Enqueues a group (company by domain, then workspace by id, then the user added); see <see cref="EnqueueAsync"/>.</summary>
    public ValueTask<AttioDeliveryReceipt> EnqueueGroupAsync(string domain, string workspaceId, AttioRecord? company = null, AttioRecord? workspace = null, string? userId = null, DateTimeOffset? timestamp = null, CancellationToken cancellationToken = default) =>
        EnqueueAsync(AttioDeliveryEvent.Group(domain, workspaceId, company, workspace, userId, timestamp), cancellationToken);

    /// <summary>Enqueues a write plan built by <see cref="AttioActions"/>; see <see cref="EnqueueAsync"/>.</summary>
    public ValueTask<AttioDeliveryReceipt> EnqueuePlanAsync(AttioWritePlan plan, DateTimeOffset? timestamp = null, CancellationToken cancellationToken = default) =>
        EnqueueAsync(AttioDeliveryEvent.Plan(plan, timestamp), cancellationToken);

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
                Release(hold);
            }
        }

        var results = await Task.WhenAll(completions).ConfigureAwait(false);
        return new AttioBatchResult(results, _time.GetElapsedTime(start));
    }

    /// <summary>
    /// Stops accepting events, delivers what is queued until <paramref name="timeout"/>, then cancels what is still running and
    /// returns every event not delivered because of the stop (also reported through receipts and callbacks). Idempotent.
    /// </summary>
    public Task<IReadOnlyList<AttioDeliveryResult>> StopAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _stopTask ??= StopCoreAsync(timeout, cancellationToken);
        }
    }

    /// <summary>Stops with <see cref="AttioSenderOptions.ShutdownTimeout"/>; see <see cref="StopAsync(TimeSpan, CancellationToken)"/>.</summary>
    public Task<IReadOnlyList<AttioDeliveryResult>> StopAsync(CancellationToken cancellationToken = default) =>
        StopAsync(_options.ShutdownTimeout, cancellationToken);

    /// <summary>Stops with <see cref="AttioSenderOptions.ShutdownTimeout"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _slots.Dispose();
        _stopAccepting.Dispose();
        _abort.Dispose();
    }

    private async ValueTask<AttioDeliveryReceipt> EnqueueCoreAsync(AttioDeliveryEvent evt, bool coalesce, DeliveryHold? hold, CancellationToken cancellationToken)
    {
        long sequence = Interlocked.Increment(ref _sequence);
        var entry = new DeliveryEntry(evt, sequence, evt.Timestamp ?? _time.GetUtcNow());
        if (_stopAccepting.IsCancellationRequested)
        {
            Complete(entry, Shutdown(entry, "the sender was stopping when the event arrived"));
            return Receipt(entry);
        }

        var errors = new AttioValidationErrors();
        DeliveryPlan? plan;
        try
        {
            plan = DeliveryPlanner.Plan(entry, errors);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or System.Text.Json.JsonException)
        {
            errors.Add(new AttioValidationError(evt.ToString() ?? "?", "*", default, ex.Message, "a record that can be written"));
            plan = null;
        }

        if (plan is null)
        {
            Complete(entry, new AttioDeliveryResult(evt, sequence, AttioDeliveryStatus.RejectedBeforeSending)
            {
                ValidationErrors = errors.Errors.ToArray(),
                Detail = errors.Errors.Count == 1 ? errors.Errors[0].ToString() : $"{errors.Errors.Count} validation errors: " + string.Join(" ", errors.Errors),
            });
            return Receipt(entry);
        }

        if (!_slots.Wait(0))
        {
            // The queue is full: a holding batch lets its deliveries go, or it would wait for itself.
            if (hold is not null)
            {
                Release(hold);
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopAccepting.Token);
            try
            {
                await _slots.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Complete(entry, Shutdown(entry, "the sender stopped while the event waited for room in the queue"));
                return Receipt(entry);
            }
        }

        bool pulse = false;
        lock (_gate)
        {
            if (_stopAccepting.IsCancellationRequested)
            {
                _slots.Release();
            }
            else
            {
                pulse = Admit(entry, plan, coalesce, hold);
                _queuedEvents++;
                _maxQueuedEvents = Math.Max(_maxQueuedEvents, _queuedEvents);
                if (pulse)
                {
                    PulseLocked();
                }

                return Receipt(entry);
            }
        }

        Complete(entry, Shutdown(entry, "the sender was stopping when the event arrived"));
        return Receipt(entry);
    }

    // Under the lock: merges the event into a waiting delivery on the same records, or starts a new one. True when a delivery became ready.
    private bool Admit(DeliveryEntry entry, DeliveryPlan plan, bool coalesce, DeliveryHold? hold)
    {
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
        long notBefore = coalesce && hold is null && _options.CoalescingWindow > TimeSpan.Zero
            ? _time.GetTimestamp() + (long)(_options.CoalescingWindow.TotalSeconds * _time.TimestampFrequency)
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

        if (IsReady(op))
        {
            _ready.Add(op);
            return true;
        }

        return false;
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

        return target is { Coalescable: true, Taken: false } && target.MergeKey == plan.MergeKey && target.Entries.Count < _options.MaxEventsPerDelivery
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

    private void Release(DeliveryHold hold)
    {
        lock (_gate)
        {
            if (hold.Released)
            {
                return;
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
            if (any)
            {
                PulseLocked();
            }
        }
    }

    private async Task WorkAsync()
    {
        while (true)
        {
            DeliveryOperation? op = null;
            TimeSpan? delay = null;
            Task wait;
            lock (_gate)
            {
                if (_ready.Count > 0)
                {
                    // The oldest ready delivery whose coalescing window has passed; a waiting one never blocks others.
                    long now = _time.GetTimestamp();
                    long soonest = long.MaxValue;
                    foreach (DeliveryOperation candidate in _ready)
                    {
                        if (_flushing || candidate.NotBefore <= now)
                        {
                            op = candidate;
                            break;
                        }

                        soonest = Math.Min(soonest, candidate.NotBefore);
                    }

                    if (op is not null)
                    {
                        Take(op);
                    }
                    else
                    {
                        delay = TimeSpan.FromSeconds((soonest - now) / (double)_time.TimestampFrequency);
                    }
                }
                else if (_exiting)
                {
                    return;
                }

                wait = _pulse.Task;
            }

            if (op is not null)
            {
                await RunAsync(op).ConfigureAwait(false);
            }
            else if (delay is { } d)
            {
                await Task.WhenAny(wait, Task.Delay(d, _time)).ConfigureAwait(false);
            }
            else
            {
                await wait.ConfigureAwait(false);
            }
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
        _slots.Release(op.Entries.Count);
    }

    private async Task RunAsync(DeliveryOperation op)
    {
        var recordIds = new string?[op.Steps.Count];
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        AttioDeliveryStatus status = AttioDeliveryStatus.Delivered;
        AttioDeliveryError? error = null;
        string detail = string.Empty;
        try
        {
            for (int i = 0; i < op.Steps.Count; i++)
            {
                DeliveryStep step = op.Steps[i];
                string? skippedId = PrepareStep(step);
                if (skippedId is not null)
                {
                    recordIds[i] = skippedId;
                    written[step.ObjectSlug] = skippedId;
                    continue;
                }

                AttioStoredRecord stored = await AttioPlanExecutor.ExecuteStepAsync(_client, DeliveryPlanner.ToWriteStep(step, op.Steps), recordIds, step.Dropped, _abort.Token,
                    onRequest: () =>
                    {
                        op.Requests++;
                        Interlocked.Increment(ref _requests);
                    }).ConfigureAwait(false);
                recordIds[i] = stored.RecordId;
                written[step.ObjectSlug] = stored.RecordId;
                RecordDelivered(step, stored.RecordId);
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            status = AttioDeliveryStatus.NotDeliveredAtShutdown;
            detail = "the shutdown deadline passed while the delivery was running; the request in flight may or may not have been stored"
                + (written.Count > 0 ? $"; already written: {string.Join(", ", written.Keys)}" : string.Empty);
        }
        catch (Exception ex)
        {
            (status, error) = Classify(ex);
            detail = (status == AttioDeliveryStatus.GaveUpAfterRetries ? "gave up: " : "Attio refused it: ") + ex.Message
                + (written.Count > 0 ? $" (already written: {string.Join(", ", written.Keys)})" : string.Empty);
            Log.DeliveryFailed(_logger, op.Id, op.Entries.Count, status, ex.Message);
        }

        List<(DeliveryEntry Entry, AttioDeliveryResult Result)> results = [];
        lock (_gate)
        {
            foreach (DeliveryEntry entry in op.Entries)
            {
                List<string> superseded = status == AttioDeliveryStatus.Delivered ? op.SupersededOf(entry) : [];
                bool isSuperseded = superseded.Count > 0 && superseded.Count == entry.Contributions.Count;
                string? primary = status == AttioDeliveryStatus.Delivered ? PrimaryRecordId(op, recordIds) : null;
                string text = status != AttioDeliveryStatus.Delivered ? detail
                    : isSuperseded ? "superseded: newer values of " + string.Join(", ", superseded) + " were written instead"
                    : superseded.Count > 0 ? "delivered; newer values won for " + string.Join(", ", superseded)
                    : op.Entries.Count > 1 ? $"delivered, coalesced with {op.Entries.Count - 1} other event(s)"
                    : "delivered";
                results.Add((entry, new AttioDeliveryResult(entry.Event, entry.Sequence, status)
                {
                    RecordId = primary,
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

            Finish(op);
        }

        foreach (var (entry, result) in results)
        {
            Complete(entry, result);
        }
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

    // Drops values older than ones already delivered; returns the known record id when nothing is left to write.
    private string? PrepareStep(DeliveryStep step)
    {
        if (!_options.StaleWriteProtection || step.Mode != AttioWriteMode.Assert)
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

    private void RecordDelivered(DeliveryStep step, string recordId)
    {
        if (!_options.StaleWriteProtection || step.Mode != AttioWriteMode.Assert)
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

    // Under the lock: frees the delivery's lanes and readies what waited behind it.
    private void Finish(DeliveryOperation op)
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
        if (_flushing && _pendingOperations == 0 && _runningOperations == 0)
        {
            _idle.TrySetResult();
        }

        if (any || _flushing)
        {
            PulseLocked();
        }
    }

    private async Task<IReadOnlyList<AttioDeliveryResult>> StopCoreAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (_gate)
        {
            _shutdownResults = [];
            _flushing = true;
            // Held batches and coalescing windows no longer wait: everything queued may go now.
            foreach (Lane lane in _lanes.Values)
            {
                if (lane.Pending.First?.Value is { } head && IsReady(head))
                {
                    _ready.Add(head);
                }
            }

            if (_pendingOperations == 0 && _runningOperations == 0)
            {
                _idle.TrySetResult();
            }

            PulseLocked();
        }

        await _stopAccepting.CancelAsync().ConfigureAwait(false);
        try
        {
            await _idle.Task.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.ShutdownDeadline(_logger, timeout.TotalSeconds);
        }
        catch (OperationCanceledException)
        {
            Log.ShutdownDeadline(_logger, timeout.TotalSeconds);
        }

        await _abort.CancelAsync().ConfigureAwait(false);
        List<DeliveryOperation> abandoned;
        lock (_gate)
        {
            abandoned = _lanes.Values.SelectMany(l => l.Pending).Distinct().OrderBy(o => o.Id).ToList();
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
            _exiting = true;
            PulseLocked();
        }

        foreach (DeliveryOperation op in abandoned)
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
        lock (_gate)
        {
            var report = _shutdownResults!.OrderBy(r => r.Sequence).ToArray();
            return report;
        }
    }

    private AttioDeliveryResult NotAccepted(AttioDeliveryEvent evt, string reason)
    {
        long sequence = Interlocked.Increment(ref _sequence);
        var entry = new DeliveryEntry(evt, sequence, evt.Timestamp ?? _time.GetUtcNow());
        var result = Shutdown(entry, reason);
        Complete(entry, result);
        return result;
    }

    private static AttioDeliveryResult Shutdown(DeliveryEntry entry, string reason) =>
        new(entry.Event, entry.Sequence, AttioDeliveryStatus.NotDeliveredAtShutdown) { Detail = reason };

    private static AttioDeliveryReceipt Receipt(DeliveryEntry entry) => new(entry.Sequence, entry.Event, entry.Completion.Task);

    private void Complete(DeliveryEntry entry, AttioDeliveryResult result)
    {
        if (!entry.Completion.TrySetResult(result))
        {
            return;
        }

        if (result.Status == AttioDeliveryStatus.NotDeliveredAtShutdown)
        {
            lock (_gate)
            {
                _shutdownResults?.Add(result);
            }
        }

        Notify(_options.OnResult, result);
        Notify(ResultReported, result);
    }

    private void Notify(Action<AttioDeliveryResult>? callback, AttioDeliveryResult result)
    {
        if (callback is null)
        {
            return;
        }

        try
        {
            callback(result);
        }
#pragma warning disable CA1031 // a caller's callback must not break delivery of other events
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.CallbackFailed(_logger, result.Sequence, ex);
        }
    }

    private void PulseLocked()
    {
        TaskCompletionSource pulse = _pulse;
        _pulse = NewPulse();
        pulse.TrySetResult();
    }

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The deliveries waiting on one record key, in enqueue order, and the one running.</summary>
    private sealed class Lane
    {
        public LinkedList<DeliveryOperation> Pending { get; } = new();

        public DeliveryOperation? Running { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Attio delivery {DeliveryId} ({Events} events) ended {Status}: {Reason}")]
        public static partial void DeliveryFailed(ILogger logger, long deliveryId, int events, AttioDeliveryStatus status, string reason);

        [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "An Attio sender result callback failed for event {Sequence}")]
        public static partial void CallbackFailed(ILogger logger, long sequence, Exception exception);

        [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Attio sender shutdown deadline ({Seconds} s) reached; undelivered events are reported")]
        public static partial void ShutdownDeadline(ILogger logger, double seconds);
    }
}
