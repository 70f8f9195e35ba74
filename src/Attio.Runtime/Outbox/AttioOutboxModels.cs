namespace Attio;

/// <summary>Where a stored event is in its life.</summary>
public enum AttioOutboxState
{
    /// <summary>Waiting for its next attempt (due at <see cref="AttioOutboxEntry.NextAttemptAt"/>).</summary>
    Pending = 0,

    /// <summary>Claimed by a deliverer; returned to Pending when that deliverer's lease is taken over.</summary>
    InFlight = 1,

    /// <summary>Written to Attio.</summary>
    Delivered = 2,

    /// <summary>A dead letter: refused permanently, unreadable, or past the retry horizon. Kept until retried or purged.</summary>
    Dead = 3,
}

/// <summary>One event as the sender stores it: its write plan and the record lanes that order it.</summary>
/// <param name="PlanJson">The plan, as <see cref="AttioWritePlan.ToJson"/> writes it.</param>
/// <param name="RecordKeys">The records the plan writes or depends on; rows sharing a key are delivered in id order.</param>
/// <param name="EventTime">When the event happened (the caller's timestamp, else enqueue time): newer values win.</param>
/// <param name="Description">A short label for lists and the dashboard (e.g. <c>identify user-1</c>); no record values.</param>
public sealed record AttioOutboxMessage(string PlanJson, IReadOnlyList<string> RecordKeys, DateTimeOffset EventTime, string Description)
{
    /// <summary>
    /// The row <see cref="AttioSender"/> stores for <paramref name="event"/>: validated and planned exactly as the sender does,
    /// so a store's transactional enqueue (beside the caller's own writes) builds the same row.
    /// </summary>
    /// <param name="event">The event.</param>
    /// <param name="now">The event time when the event has no timestamp.</param>
    /// <exception cref="AttioValidationException">The event is invalid; the exception lists every problem.</exception>
    public static AttioOutboxMessage FromEvent(AttioDeliveryEvent @event, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var errors = new AttioValidationErrors();
        AttioOutboxMessage? message = OutboxMessages.TryCreate(@event, now, errors);
        errors.ThrowIfAny();
        return message!;
    }
}

/// <summary>A stored row.</summary>
public sealed record AttioOutboxEntry
{
    /// <summary>The row id: enqueue order.</summary>
    public required long Id { get; init; }

    /// <summary>The write plan as JSON.</summary>
    public required string PlanJson { get; init; }

    /// <summary>The record lanes of the plan.</summary>
    public required IReadOnlyList<string> RecordKeys { get; init; }

    /// <summary>When the event happened.</summary>
    public required DateTimeOffset EventTime { get; init; }

    /// <summary>A short label without record values.</summary>
    public required string Description { get; init; }

    /// <summary>When it was stored.</summary>
    public required DateTimeOffset EnqueuedAt { get; init; }

    /// <summary>Where it is in its life.</summary>
    public required AttioOutboxState State { get; init; }

    /// <summary>Attempts made so far (an attempt = one delivery try, which may include the client's own retries).</summary>
    public int Attempts { get; init; }

    /// <summary>When it is due (Pending rows).</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>The latest failure; for a dead letter, why it died.</summary>
    public AttioOutboxError? LastError { get; init; }

    /// <summary>When it was delivered or became a dead letter.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The sender's saved step progress (opaque), null before the first step completed.</summary>
    public string? Progress { get; init; }

    /// <summary>The fencing token of the lease it was last claimed under.</summary>
    public long? ClaimToken { get; init; }
}

/// <summary>A failure as stored with a row: Attio's answer when there was one.</summary>
/// <param name="Kind">Why: <c>transient</c>, <c>permanent</c>, <c>horizon</c>, <c>unreadable</c>, <c>uncertain-create</c>, ...</param>
/// <param name="StatusCode">Attio's HTTP status, if it answered.</param>
/// <param name="Code">Attio's error code (e.g. <c>value_not_found</c>).</param>
/// <param name="Message">Attio's message or the local reason; never contains the token.</param>
/// <param name="ExecutionId">Attio's execution id (the <c>x-execution-id</c> header or body field), for support.</param>
public sealed record AttioOutboxError(string Kind, int? StatusCode, string? Code, string Message, string? ExecutionId);

/// <summary>Counts by state.</summary>
public sealed record AttioOutboxStatus(long Pending, long InFlight, long Dead, long Delivered, DateTimeOffset? OldestPendingEnqueuedAt)
{
    /// <summary>Pending plus in flight: what is not finished yet.</summary>
    public long Unfinished => Pending + InFlight;

    /// <summary>How long the oldest unfinished event has waited at <paramref name="now"/>; zero when none.</summary>
    public TimeSpan OldestPendingAge(DateTimeOffset now) =>
        OldestPendingEnqueuedAt is { } at && now > at ? now - at : TimeSpan.Zero;
}

/// <summary>What happened in one minute.</summary>
/// <param name="Minute">The minute's start (UTC, seconds zero).</param>
/// <param name="Delivered">Rows delivered in it.</param>
/// <param name="DeadLettered">Rows that became dead letters in it.</param>
public sealed record AttioOutboxMinute(DateTimeOffset Minute, long Delivered, long DeadLettered);

/// <summary>What <see cref="IAttioOutbox.ListAsync"/> returns.</summary>
public sealed record AttioOutboxQuery
{
    /// <summary>Only rows in this state; all states when null.</summary>
    public AttioOutboxState? State { get; init; }

    /// <summary>At most this many rows.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Only rows with an id greater than this (paging).</summary>
    public long AfterId { get; init; }
}

/// <summary>The right to deliver: one holder at a time per store; the token orders holders.</summary>
/// <param name="Owner">Who holds it (e.g. host name and process id).</param>
/// <param name="Token">The fencing token: higher than every earlier lease's.</param>
/// <param name="ExpiresAt">When the store considers it expired (the store's clock).</param>
public sealed record AttioOutboxLease(string Owner, long Token, DateTimeOffset ExpiresAt);

/// <summary>What was last delivered for one attribute of one record.</summary>
/// <param name="RecordKey">The record (object, matching attribute, normalised value).</param>
/// <param name="AttributeSlug">The attribute.</param>
/// <param name="EventTime">The event time of the delivered value: an older event's value is not written over it.</param>
/// <param name="ValueHash">A hash of the delivered value: an equal value need not be sent again.</param>
/// <param name="DeliveredAt">When it was delivered: values older than the resend interval are sent again.</param>
public sealed record AttioLedgerEntry(string RecordKey, string AttributeSlug, DateTimeOffset EventTime, string ValueHash, DateTimeOffset DeliveredAt);

/// <summary>A store that cannot keep its promise: corrupt, read-only, locked, full or unreachable. The message says which and where.</summary>
public sealed class AttioOutboxException : Exception
{
    /// <summary>A failure with its reason and cause.</summary>
    public AttioOutboxException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>A failure without details.</summary>
    public AttioOutboxException()
        : this("The Attio outbox failed.")
    {
    }

    /// <summary>A failure with its reason.</summary>
    public AttioOutboxException(string message)
        : this(message, null)
    {
    }
}
