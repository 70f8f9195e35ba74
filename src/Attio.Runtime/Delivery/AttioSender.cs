using System.Threading.Channels;
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
    private readonly AttioSenderOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly DeliveryScheduler _scheduler;
    private readonly DeliveryExecutor _executor;
    private readonly SemaphoreSlim _slots;
#pragma warning disable CA2213 // see DisposeAsync: producers racing the stop may still use them
    private readonly CancellationTokenSource _stopAccepting = new();
    private readonly CancellationTokenSource _abort = new();
#pragma warning restore CA2213
    private readonly Channel<bool> _wakeUp = Channel.CreateUnbounded<bool>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _stopGate = new();
    private readonly Task[] _workers;
    private readonly OutboxPump? _pump;
    private List<AttioDeliveryResult>? _shutdownResults;
    private Task<IReadOnlyList<AttioDeliveryResult>>? _stopTask;
    private long _sequence;
    private volatile bool _flushing;

    /// <summary>Creates a sender over <paramref name="client"/> and starts its workers.</summary>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public AttioSender(AttioClient client, AttioSenderOptions? options = null, ILogger<AttioSender>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _options = (options ?? new AttioSenderOptions()).Clone();
        _options.Validate();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = _options.TimeProvider;
        _slots = new SemaphoreSlim(_options.QueueCapacity, _options.QueueCapacity);
        _scheduler = new DeliveryScheduler(_time, _options.CoalescingWindow, _options.MaxEventsPerDelivery);
        _executor = new DeliveryExecutor(client, new ChangeLedger(_options, _options.Outbox, _logger), _logger);
        _workers = new Task[_options.MaxConcurrency];
        for (int i = 0; i < _workers.Length; i++)
        {
            _workers[i] = Task.Run(WorkAsync);
        }

        if (_options.Outbox is { } outbox)
        {
            _pump = new OutboxPump(outbox, _options, _scheduler, Wake, Complete, _logger);
            _pump.Start();
        }
    }

    /// <summary>Raised once per event with its result, on a sender thread. Handlers must be quick; exceptions are logged and ignored.</summary>
    public event Action<AttioDeliveryResult>? ResultReported;

    /// <summary>Events waiting in the queue now (enqueued, not yet taken by a delivery). Never more than <see cref="AttioSenderOptions.QueueCapacity"/>.</summary>
    public int QueueLength => _scheduler.QueuedEvents;

    /// <summary>The longest the queue has been since the sender started.</summary>
    public int MaxObservedQueueLength => _scheduler.MaxQueuedEvents;

    /// <summary>The queue's capacity.</summary>
    public int QueueCapacity => _options.QueueCapacity;

    /// <summary>HTTP requests made so far (retries inside the client not counted).</summary>
    public long RequestsSent => _executor.Requests;

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
    /// Stops accepting events, delivers what is queued until <paramref name="timeout"/>, then cancels what is still running and
    /// returns every event not delivered because of the stop (also reported through receipts and callbacks). Idempotent.
    /// </summary>
    public Task<IReadOnlyList<AttioDeliveryResult>> StopAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        lock (_stopGate)
        {
            return _stopTask ??= StopCoreAsync(timeout, cancellationToken);
        }
    }

    /// <summary>Stops with <see cref="AttioSenderOptions.ShutdownTimeout"/>; see <see cref="StopAsync(TimeSpan, CancellationToken)"/>.</summary>
    public Task<IReadOnlyList<AttioDeliveryResult>> StopAsync(CancellationToken cancellationToken = default) =>
        StopAsync(_options.ShutdownTimeout, cancellationToken);

    /// <summary>Stops with <see cref="AttioSenderOptions.ShutdownTimeout"/>.</summary>
    /// <remarks>
    /// The queue's semaphore and token sources are not disposed: producers racing the stop may still touch them, and
    /// they hold no unmanaged resource (no wait handle is ever created), so every such call still ends with a receipt.
    /// </remarks>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async ValueTask<AttioDeliveryReceipt> EnqueueCoreAsync(AttioDeliveryEvent evt, bool coalesce, DeliveryHold? hold, CancellationToken cancellationToken)
    {
        long sequence = Interlocked.Increment(ref _sequence);
        var entry = new DeliveryEntry(evt, sequence, evt.Timestamp ?? _time.GetUtcNow());
        if (_stopAccepting.IsCancellationRequested)
        {
            Complete(entry, Shutdown(entry, "the sender was stopping when the event arrived"));
            return Receipt(entry);
        }

        if (_pump is not null)
        {
            return await EnqueueToOutboxAsync(entry, cancellationToken).ConfigureAwait(false);
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
            return Rejected(entry, errors);
        }

        if (!_slots.Wait(0))
        {
            // The queue is full: a holding batch lets its deliveries go, or it would wait for itself.
            if (hold is not null)
            {
                ReleaseHold(hold);
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

        // Checking for the stop and admitting happen under the lock the stop takes to abandon what waits: an event is
        // either seen by that step or refused here, never left in the queue with no one to run or report it.
        bool admitted = false, ready = false;
        lock (_stopGate)
        {
            if (!_stopAccepting.IsCancellationRequested)
            {
                _open[sequence] = entry.Completion.Task;
                ready = _scheduler.Admit(entry, plan, coalesce, hold);
                admitted = true;
            }
        }

        if (!admitted)
        {
            _slots.Release();
            Complete(entry, Shutdown(entry, "the sender was stopping when the event arrived"));
        }
        else if (ready)
        {
            Wake();
        }

        return Receipt(entry);
    }

    // Known now, so the receipt says it synchronously (IsRejected) instead of only when a worker gets to it.
    private AttioDeliveryReceipt Rejected(DeliveryEntry entry, AttioValidationErrors errors)
    {
        Complete(entry, new AttioDeliveryResult(entry.Event, entry.Sequence, AttioDeliveryStatus.RejectedBeforeSending)
        {
            ValidationErrors = errors.Errors.ToArray(),
            Detail = errors.Errors.Count == 1 ? errors.Errors[0].ToString() : $"{errors.Errors.Count} validation errors: " + string.Join(" ", errors.Errors),
        });
        return Receipt(entry);
    }

    private void ReleaseHold(DeliveryHold hold)
    {
        if (_scheduler.Release(hold))
        {
            Wake();
        }
    }

    // Workers wait on a channel of wake-up signals: one per delivery that became ready, and one passed on by each worker
    // that takes a delivery, so an idle worker looks too.
    private async Task WorkAsync()
    {
        while (true)
        {
            DeliveryOperation? op = _scheduler.TryTake(out TimeSpan? wait);
            if (op is not null)
            {
                if (_pump is null)
                {
                    // Outbox rows never took a slot: the pump claims only what the queue has room for.
                    _slots.Release(op.Entries.Count);
                }

                Wake();
                await RunAsync(op).ConfigureAwait(false);
                continue;
            }

            Task<bool> signal = _wakeUp.Reader.WaitToReadAsync().AsTask();
            if (wait is { } delay)
            {
                await Task.WhenAny(signal, Task.Delay(delay, _time)).ConfigureAwait(false);
            }
            else if (!await signal.ConfigureAwait(false))
            {
                return;
            }

            _wakeUp.Reader.TryRead(out _);
        }
    }

    private async Task RunAsync(DeliveryOperation op)
    {
        var results = _pump is not null && op.Entries[0].Row is { ClaimToken: { } token }
            ? await RunClaimedAsync(op, _pump.GateFor(token)).ConfigureAwait(false)
            : await _executor.RunAsync(op, _abort.Token).ConfigureAwait(false);
        if (_pump is not null)
        {
            // The store learns the rows' fate before their lanes free up, so a later row of the record is claimed after it.
            await _pump.SettleAsync(results).ConfigureAwait(false);
        }

        if (_scheduler.Finish(op) || _flushing)
        {
            Wake();
        }

        if (_flushing && _scheduler.IsIdle)
        {
            _idle.TrySetResult();
        }

        if (_pump is null)
        {
            foreach (var (entry, result) in results)
            {
                Complete(entry, result);
            }
        }
    }

    // Its own async method so the gate is set for this delivery's requests only (the value flows down, not back).
    private async Task<List<(DeliveryEntry Entry, AttioDeliveryResult Result)>> RunClaimedAsync(DeliveryOperation op, Func<bool> gate)
    {
        AttioRequestGate.Current = gate;
        return await _executor.RunAsync(op, _abort.Token).ConfigureAwait(false);
    }

    private void Wake() => _wakeUp.Writer.TryWrite(true);

    private static AttioDeliveryResult Shutdown(DeliveryEntry entry, string reason) =>
        new(entry.Event, entry.Sequence, AttioDeliveryStatus.NotDeliveredAtShutdown) { Detail = reason };

    private static AttioDeliveryReceipt Receipt(DeliveryEntry entry, long? outboxId = null) => new(entry.Sequence, entry.Event, entry.Completion.Task, outboxId);

    private void Complete(DeliveryEntry entry, AttioDeliveryResult result)
    {
        if (!entry.Completion.TrySetResult(result))
        {
            return;
        }

        _open.TryRemove(entry.Sequence, out _);

        if (result.Status == AttioDeliveryStatus.NotDeliveredAtShutdown)
        {
            lock (_stopGate)
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "An Attio sender result callback failed for event {Sequence}")]
        public static partial void CallbackFailed(ILogger logger, long sequence, Exception exception);

        [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Attio sender shutdown deadline ({Seconds} s) reached; undelivered events are reported")]
        public static partial void ShutdownDeadline(ILogger logger, double seconds);
    }
}
