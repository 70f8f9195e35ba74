namespace Attio;

/// <summary>Settings of <see cref="AttioSender"/>. The request rate itself is the client's (<see cref="AttioClientOptions.WritesPerSecond"/>).</summary>
public sealed class AttioSenderOptions
{
    /// <summary>
    /// Events that may wait in the queue (not yet taken by a delivery). A producer enqueueing into a full queue waits, so memory
    /// stays flat however fast events arrive. Coalescing only merges events that wait together, so a larger queue merges more.
    /// Default 10,000.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// Deliveries running at once. The client-side rate limiter paces the requests; this only needs to cover the latency
    /// (writes per second x seconds per request). Default 16.
    /// </summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>
    /// Whether events enqueued one by one (<see cref="AttioSender.EnqueueAsync"/>) are coalesced with waiting events on the same
    /// record. Default false. Batch calls choose per call and coalesce by default.
    /// </summary>
    public bool Coalesce { get; set; }

    /// <summary>
    /// With <see cref="Coalesce"/>, how long a new delivery waits for more events on the same record before it may be sent.
    /// Default zero: deliveries go as soon as a slot is free and merge whatever arrived meanwhile.
    /// </summary>
    public TimeSpan CoalescingWindow { get; set; } = TimeSpan.Zero;

    /// <summary>At most this many events are coalesced into one delivery. Default 1,000.</summary>
    public int MaxEventsPerDelivery { get; set; } = 1_000;

    /// <summary>
    /// Whether a value older than one this sender already delivered for the same record and attribute is dropped instead of
    /// overwriting it. Default true.
    /// </summary>
    public bool StaleWriteProtection { get; set; } = true;

    /// <summary>Records remembered for stale-write protection (least recently written forgotten first). Default 100,000.</summary>
    public int MaxTrackedRecords { get; set; } = 100_000;

    /// <summary>How long stopping waits for the queue to drain before reporting the rest as not delivered. Default 30 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Called once per event with its result, on a sender thread. Keep it short; exceptions are logged and ignored.</summary>
    public Action<AttioDeliveryResult>? OnResult { get; set; }

    /// <summary>The clock for event times and the coalescing window.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where events wait for delivery. Null (the default): in this process's memory, lost when it stops. With an outbox,
    /// <see cref="AttioSender.EnqueueAsync"/> returns only after the event is stored there; a pump claims stored rows under
    /// the outbox's lease, delivers them (also rows left by an earlier run or another instance), retries transient failures
    /// until <see cref="RetryHorizon"/>, and keeps what cannot be delivered as dead letters. The sender does not dispose it.
    /// </summary>
    public IAttioOutbox? Outbox { get; set; }

    /// <summary>With an <see cref="Outbox"/>: how long after it was stored an event is retried before it becomes a dead letter. Default 24 h.</summary>
    public TimeSpan RetryHorizon { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// With an <see cref="Outbox"/>: the delivery lease's duration (one deliverer per outbox). Renewed every third of it; a
    /// sender stops sending once two thirds passed without a renewal, so a stalled process never writes after another took over.
    /// Default 15 s.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// With an <see cref="Outbox"/>: how often a sender without new local events, or without the lease, looks at the outbox
    /// again (and how often <see cref="AttioSender.FlushAsync"/> checks it). Default 1 s.
    /// </summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Sets <see cref="Outbox"/>; for <c>services.AddAttioSender(o =&gt; o.UseOutbox(outbox))</c>.</summary>
    public AttioSenderOptions UseOutbox(IAttioOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        Outbox = outbox;
        return this;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a setting is out of range.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (QueueCapacity < 1)
        {
            errors.Add("QueueCapacity must be at least 1.");
        }

        if (MaxConcurrency < 1)
        {
            errors.Add("MaxConcurrency must be at least 1.");
        }

        if (CoalescingWindow < TimeSpan.Zero)
        {
            errors.Add("CoalescingWindow must not be negative.");
        }

        if (MaxEventsPerDelivery < 1)
        {
            errors.Add("MaxEventsPerDelivery must be at least 1.");
        }

        if (MaxTrackedRecords < 1)
        {
            errors.Add("MaxTrackedRecords must be at least 1.");
        }

        if (ShutdownTimeout < TimeSpan.Zero)
        {
            errors.Add("ShutdownTimeout must not be negative.");
        }

        if (RetryHorizon <= TimeSpan.Zero)
        {
            errors.Add("RetryHorizon must be positive.");
        }

        if (LeaseDuration < TimeSpan.FromSeconds(1))
        {
            errors.Add("LeaseDuration must be at least 1 s.");
        }

        if (OutboxPollInterval <= TimeSpan.Zero)
        {
            errors.Add("OutboxPollInterval must be positive.");
        }

        if (TimeProvider is null)
        {
            errors.Add("TimeProvider is required.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid Attio sender options: " + string.Join(" ", errors));
        }
    }

    /// <summary>A copy, so a sender keeps the settings it was created with.</summary>
    public AttioSenderOptions Clone() => (AttioSenderOptions)MemberwiseClone();
}
