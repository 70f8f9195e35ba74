using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Attio;

/// <summary>
/// Moves stored rows into the sender's scheduler: holds the lease (<see cref="OutboxLeaseKeeper"/>), claims as many rows
/// as the queue has room for, turns them back into deliveries (rows of one record claimed together coalesce), and after
/// each delivery records its fate in the store (<see cref="OutboxPump"/>'s settlement). Rows the caller enqueued through
/// this sender complete their receipts here.
/// </summary>
internal sealed partial class OutboxPump
{
    private const int MaxClaim = 500;
    private const int MaxParkedResults = 10_000;
    private readonly IAttioOutbox _store;
    private readonly AttioSenderOptions _options;
    private readonly DeliveryScheduler _scheduler;
    private readonly Action _wakeWorkers;
    private readonly Action<DeliveryEntry, AttioDeliveryResult> _complete;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly OutboxLeaseKeeper _keeper;
    private readonly AsyncSignal _claimSignal;
    private readonly AsyncSignal _settledSignal;
    private readonly ConcurrentDictionary<long, DeliveryEntry> _local = new();
    private readonly ConcurrentDictionary<long, AttioDeliveryResult> _parked = new();
    private readonly CancellationTokenSource _stopClaiming = new();
    private readonly CancellationTokenSource _stopLease = new();
    private Task _claimLoop = Task.CompletedTask;
    private Task _leaseLoop = Task.CompletedTask;
    private int _inMemory;
    private int _enqueuing;
    private int _failures;
    private bool _sweeping;
    private volatile bool _waiting;
    private volatile bool _pausing;
    private long _pausedUntil;
    private long _statusReadAt;
    private AttioOutboxStatus? _status;

    public OutboxPump(IAttioOutbox store, AttioSenderOptions options, DeliveryScheduler scheduler, Action wakeWorkers,
        Action<DeliveryEntry, AttioDeliveryResult> complete, ILogger logger)
    {
        _store = store;
        _options = options;
        _scheduler = scheduler;
        _wakeWorkers = wakeWorkers;
        _complete = complete;
        _logger = logger;
        _time = options.TimeProvider;
        _keeper = new OutboxLeaseKeeper(store, options.LeaseDuration, _time, logger);
        _claimSignal = new AsyncSignal(_time);
        _settledSignal = new AsyncSignal(_time);
    }

    /// <summary>The latest status read from the store (metrics), null before the first read.</summary>
    public AttioOutboxStatus? LastStatus => Volatile.Read(ref _status);

    /// <summary>Rows claimed and not settled yet.</summary>
    public int RowsInMemory => Volatile.Read(ref _inMemory);

    /// <summary>Nothing to do until a timer fires: no row in memory, the claim loop waiting, no wake-up pending.</summary>
    public bool IsQuiet => RowsInMemory == 0 && (_pausing || (_waiting && !_claimSignal.IsSet));

    /// <summary>The sender's clock (metrics).</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>The store's description, for metrics tags.</summary>
    public string StoreDescription => _store.Description;

    public void Start()
    {
        OutboxMetrics.Register(this);
        _leaseLoop = Task.Run(LeaseLoopAsync);
        _claimLoop = Task.Run(ClaimLoopAsync);
    }

    /// <summary>Stores the event's row and ties its receipt to the row's fate. Returns the row id once the store committed it.</summary>
    public async Task<long> EnqueueAsync(DeliveryEntry caller, AttioOutboxMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _enqueuing);
        long id;
        try
        {
            id = await _store.EnqueueAsync(message, cancellationToken).ConfigureAwait(false);
            _local[id] = caller;
            // The pump may have delivered the row between the commit and the line above.
            if (_parked.TryRemove(id, out AttioDeliveryResult? early) && _local.TryRemove(id, out _))
            {
                _complete(caller, Rebase(early, caller, id));
            }
        }
        finally
        {
            Interlocked.Decrement(ref _enqueuing);
        }

        _claimSignal.Set();
        return id;
    }

    /// <summary>Returns when the store holds no Pending or InFlight row (rows of other instances and earlier runs included).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            AttioOutboxStatus status = await RefreshStatusAsync(cancellationToken).ConfigureAwait(false);
            if (status.Unfinished == 0)
            {
                return;
            }

            _claimSignal.Set();
            await _settledSignal.WaitAsync(_options.OutboxPollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The gate the worker sets for a delivery of rows claimed under <paramref name="token"/>.</summary>
    public Func<bool> GateFor(long token) => () => _keeper.IsValidFor(token);

    /// <summary>Stops claiming (the stop began); the lease is still renewed so running deliveries may finish.</summary>
    public async Task StopClaimingAsync()
    {
        await _stopClaiming.CancelAsync().ConfigureAwait(false);
        await _claimLoop.ConfigureAwait(false);
    }

    /// <summary>
    /// Gives the lease up (rows this sender left in flight return to Pending for the next holder) and reports the rows
    /// this sender stored and did not finish as stored, not lost.
    /// </summary>
    public async Task StopAsync()
    {
        await _stopLease.CancelAsync().ConfigureAwait(false);
        await _leaseLoop.ConfigureAwait(false);
        try
        {
            await _keeper.ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // the next holder recovers the rows after expiry: a failed release costs time, not events
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.StoreFailed(_logger, _store.Description, "release the lease", ex);
        }

        OutboxMetrics.Unregister(this);
        foreach (long id in _local.Keys.Order())
        {
            if (_local.TryRemove(id, out DeliveryEntry? caller))
            {
                _complete(caller, new AttioDeliveryResult(caller.Event, caller.Sequence, AttioDeliveryStatus.NotDeliveredAtShutdown)
                {
                    OutboxId = id,
                    IsStored = true,
                    Detail = $"stored in the outbox ({_store.Description}) as row {id}; this sender stopped before delivering it, the next sender on the outbox will",
                });
            }
        }
    }

    private async Task LeaseLoopAsync()
    {
        CancellationToken stop = _stopLease.Token;
        while (!stop.IsCancellationRequested)
        {
            bool had = _keeper.Current is not null;
            try
            {
                if (await _keeper.AcquireOrRenewAsync(stop).ConfigureAwait(false) && !had)
                {
                    _claimSignal.Set();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a store that fails now may answer at the next try; holding no lease is the safe state
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.StoreFailed(_logger, _store.Description, "take the lease", ex);
                _keeper.Lose("the store failed: " + ex.Message);
            }

            try
            {
                await Task.Delay(_keeper.Current is null ? _options.OutboxPollInterval : _keeper.RenewInterval, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ClaimLoopAsync()
    {
        CancellationToken stop = _stopClaiming.Token;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await ClaimOnceAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the loop must survive a store hiccup; the rows stay stored
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.StoreFailed(_logger, _store.Description, "claim rows", ex);
                _keeper.Lose("the store failed while claiming: " + ex.Message);
                await _claimSignal.WaitAsync(_options.OutboxPollInterval, stop).ConfigureAwait(false);
            }
        }
    }

    private async Task ClaimOnceAsync(CancellationToken stop)
    {
        await RefreshStatusIfDueAsync(stop).ConfigureAwait(false);
        AttioOutboxLease? lease = _keeper.Current;
        if (lease is null)
        {
            await IdleAsync(_claimSignal.WaitAsync(_options.OutboxPollInterval, stop)).ConfigureAwait(false);
            return;
        }

        TimeSpan paused = _sweeping ? TimeSpan.Zero : PausedFor();
        if (paused > TimeSpan.Zero)
        {
            // Attio failed transiently: wait out the backoff instead of spending a request per row.
            _pausing = true;
            try
            {
                await Task.Delay(paused, _time, stop).ConfigureAwait(false);
            }
            finally
            {
                _pausing = false;
            }

            return;
        }

        // While Attio fails, one row at a time probes whether it is back.
        int room = Volatile.Read(ref _failures) > 0
            ? (Volatile.Read(ref _inMemory) == 0 ? 1 : 0)
            : Math.Min(MaxClaim, _options.QueueCapacity - Volatile.Read(ref _inMemory));
        if (_sweeping && room == 0)
        {
            room = 1;
        }

        IReadOnlyList<AttioOutboxEntry> rows = room <= 0 ? [] : await _store.ClaimAsync(lease, room, _time.GetUtcNow(), stop).ConfigureAwait(false);
        _sweeping = false;
        if (rows.Count == 0)
        {
            await IdleAsync(_claimSignal.WaitAsync(_options.OutboxPollInterval, stop)).ConfigureAwait(false);
            return;
        }

        // Rows that died before running (past the horizon, unreadable) cost no request: look again at once, even while paused.
        _sweeping = await AdmitAsync(lease, rows, stop).ConfigureAwait(false) == 0;
    }

    // Returns how many rows became deliveries.
    private async Task<int> AdmitAsync(AttioOutboxLease lease, IReadOnlyList<AttioOutboxEntry> rows, CancellationToken stop)
    {
        int admittedCount = 0;
        // One hold for the claimed batch: rows on one record merge before any of them runs.
        var hold = new DeliveryHold();
        foreach (AttioOutboxEntry row in rows)
        {
            (DeliveryEntry Entry, DeliveryPlan Plan)? admitted = await PrepareAsync(lease, row, stop).ConfigureAwait(false);
            if (admitted is { } a)
            {
                Interlocked.Increment(ref _inMemory);
                _scheduler.Admit(a.Entry, a.Plan, coalesce: true, hold);
                admittedCount++;
            }
        }

        _scheduler.Release(hold);
        _wakeWorkers();
        return admittedCount;
    }

    // Null when the row became a dead letter instead (unreadable, invalid, or an uncertain create).
    private async Task<(DeliveryEntry, DeliveryPlan)?> PrepareAsync(AttioOutboxLease lease, AttioOutboxEntry row, CancellationToken stop)
    {
        if (row.Attempts > 0 && _time.GetUtcNow() - row.EnqueuedAt >= _options.RetryHorizon)
        {
            // Its last attempt failed transiently and the horizon has passed since: it dies with that failure.
            AttioOutboxError last = row.LastError ?? new AttioOutboxError(OutboxErrorKinds.Transient, null, null, "no attempt succeeded", null);
            await DeadLetterAsync(lease, row, last with { Kind = OutboxErrorKinds.Horizon, Message = $"not delivered within the retry horizon ({_options.RetryHorizon}); last failure: {last.Message}" },
                null, stop).ConfigureAwait(false);
            return null;
        }

        AttioWritePlan plan;
        try
        {
            plan = AttioWritePlan.FromJson(row.PlanJson);
        }
        catch (Exception ex) when (ex is AttioPlanFormatException or ArgumentException)
        {
            await DeadLetterAsync(lease, row, new AttioOutboxError(OutboxErrorKinds.Unreadable, null, null, ex.Message, null), null, stop).ConfigureAwait(false);
            return null;
        }

        var progress = new OutboxProgress(_store, lease, row.Id, row.Progress);
        if (progress.UncertainCreate is { } step)
        {
            if (row.Attempts == 0 && row.LastError?.Kind == OutboxErrorKinds.UncertainCreate)
            {
                // An operator checked Attio and retried the dead letter: the create is sent again on purpose.
                await progress.ForgetUnfinishedCreatesAsync(stop).ConfigureAwait(false);
            }
            else
            {
                string message = $"step {step} ({plan.Steps[step]}) was being created when the process delivering it stopped; the create may have been stored. "
                    + $"Check Attio, then `attio outbox retry {row.Id}` to create it again (or purge the dead letter when it exists)";
                await DeadLetterAsync(lease, row, new AttioOutboxError(OutboxErrorKinds.UncertainCreate, null, null, message, null), null, stop).ConfigureAwait(false);
                return null;
            }
        }

        var entry = new DeliveryEntry(AttioDeliveryEvent.Plan(plan, row.EventTime), row.Id, row.EventTime) { Row = row, Progress = progress };
        var errors = new AttioValidationErrors();
        DeliveryPlan? delivery = DeliveryPlanner.Plan(entry, errors);
        if (delivery is null)
        {
            string message = "the stored plan is not valid: " + string.Join(" ", errors.Errors);
            await DeadLetterAsync(lease, row, new AttioOutboxError(OutboxErrorKinds.Unreadable, null, null, message, null), null, stop).ConfigureAwait(false);
            return null;
        }

        return (entry, delivery);
    }

    private async Task IdleAsync(Task wait)
    {
        _waiting = true;
        try
        {
            await wait.ConfigureAwait(false);
        }
        finally
        {
            _waiting = false;
        }
    }

    private TimeSpan PausedFor()
    {
        long until = Interlocked.Read(ref _pausedUntil);
        long now = _time.GetTimestamp();
        return until > now ? TimeSpan.FromSeconds((until - now) / (double)_time.TimestampFrequency) : TimeSpan.Zero;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 113, Level = LogLevel.Error, Message = "Attio outbox {Outbox} failed to {Action}; the rows stay stored and are retried")]
        public static partial void StoreFailed(ILogger logger, string outbox, string action, Exception exception);

        [LoggerMessage(EventId = 114, Level = LogLevel.Warning, Message = "Attio outbox row {Id} is a dead letter ({Kind}): {Reason}")]
        public static partial void DeadLetter(ILogger logger, long id, string kind, string reason);

        [LoggerMessage(EventId = 115, Level = LogLevel.Information, Message = "Attio outbox row {Id} failed transiently (attempt {Attempt}); next attempt in {DelaySeconds:0.#} s: {Reason}")]
        public static partial void Rescheduled(ILogger logger, long id, int attempt, double delaySeconds, string reason);
    }
}
