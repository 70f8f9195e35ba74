using System.Net;

namespace Attio;

/// <summary>What became of one event handed to <see cref="AttioSender"/>.</summary>
public enum AttioDeliveryStatus
{
    /// <summary>Attio stored it (or, when <see cref="AttioDeliveryResult.IsSuperseded"/>, newer values made it unnecessary).</summary>
    Delivered,

    /// <summary>Invalid: never sent. <see cref="AttioDeliveryResult.ValidationErrors"/> says why.</summary>
    RejectedBeforeSending,

    /// <summary>Attio refused it with an error that repeating will not fix (4xx). <see cref="AttioDeliveryResult.Error"/> has Attio's answer.</summary>
    FailedPermanently,

    /// <summary>Every attempt failed for a passing reason (429, 5xx, timeouts, dropped connections) until the retry budget ran out.</summary>
    GaveUpAfterRetries,

    /// <summary>The sender stopped (deadline reached, or the event arrived after stopping) before it was delivered.</summary>
    NotDeliveredAtShutdown,
}

/// <summary>Attio's answer (or the transport failure) that ended a delivery.</summary>
/// <param name="StatusCode">The HTTP status, or null when no response came back.</param>
/// <param name="Code">Attio's <c>code</c>, e.g. <c>uniqueness_conflict</c>.</param>
/// <param name="Type">Attio's <c>type</c>, e.g. <c>invalid_request_error</c>.</param>
/// <param name="Message">Attio's <c>message</c>, or the exception's message.</param>
/// <param name="ExecutionId">The <c>x-attio-execution-id</c> header (quote it to Attio support).</param>
/// <param name="Method">The request method.</param>
/// <param name="Path">The request path.</param>
/// <param name="Attempts">How many attempts were made.</param>
public sealed record AttioDeliveryError(
    HttpStatusCode? StatusCode,
    string? Code,
    string? Type,
    string? Message,
    string? ExecutionId,
    string? Method,
    string? Path,
    int Attempts)
{
    /// <summary>The exception that ended the delivery.</summary>
    public Exception? Exception { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Method} {Path}: {(StatusCode is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " : string.Empty)}{Code} {Message}".Trim()
        + (ExecutionId is null ? string.Empty : $" (execution id {ExecutionId})");
}

/// <summary>The fate of one event.</summary>
public sealed class AttioDeliveryResult
{
    internal AttioDeliveryResult(AttioDeliveryEvent @event, long sequence, AttioDeliveryStatus status)
    {
        Event = @event;
        Sequence = sequence;
        Status = status;
    }

    /// <summary>The event.</summary>
    public AttioDeliveryEvent Event { get; }

    /// <summary>The event's number in the sender, in enqueue order (starts at 1).</summary>
    public long Sequence { get; }

    /// <summary>What became of it.</summary>
    public AttioDeliveryStatus Status { get; }

    /// <summary>True when <see cref="Status"/> is <see cref="AttioDeliveryStatus.Delivered"/>.</summary>
    public bool IsDelivered => Status == AttioDeliveryStatus.Delivered;

    /// <summary>
    /// The record written: the asserted record, the user of an identify, the workspace of a group. Null unless delivered
    /// (and for a partial failure, see <see cref="RecordIds"/>).
    /// </summary>
    public string? RecordId { get; internal init; }

    /// <summary>Every record written for the event, by object slug (e.g. <c>people</c> and <c>users</c> for an identify).</summary>
    public IReadOnlyDictionary<string, string> RecordIds { get; internal init; } = new Dictionary<string, string>();

    /// <summary>
    /// The delivery (one request, or one identify/group sequence) that carried the event. Events coalesced together share it.
    /// Null when the event never reached a delivery (rejected, or not accepted at shutdown).
    /// </summary>
    public long? DeliveryId { get; internal init; }

    /// <summary>How many events the delivery carried (1 when nothing was coalesced).</summary>
    public int CoalescedEvents { get; internal init; }

    /// <summary>HTTP requests the delivery made (retries not counted; 0 when every value was already superseded).</summary>
    public int Requests { get; internal init; }

    /// <summary>
    /// True when every value of this event was superseded: by a newer event coalesced into the same delivery, or by a newer
    /// event this sender already delivered (stale-write protection). The event is still <see cref="AttioDeliveryStatus.Delivered"/>.
    /// </summary>
    public bool IsSuperseded { get; internal init; }

    /// <summary>The values (<c>object.attribute</c>) of this event that were not written because a newer event's won.</summary>
    public IReadOnlyList<string> SupersededAttributes { get; internal init; } = Array.Empty<string>();

    /// <summary>Why the event was rejected before sending.</summary>
    public IReadOnlyList<AttioValidationError> ValidationErrors { get; internal init; } = Array.Empty<AttioValidationError>();

    /// <summary>Attio's answer or the transport failure, for <see cref="AttioDeliveryStatus.FailedPermanently"/> and <see cref="AttioDeliveryStatus.GaveUpAfterRetries"/>.</summary>
    public AttioDeliveryError? Error { get; internal init; }

    /// <summary>The outbox row of the event when the sender has an outbox (<see cref="AttioSenderOptions.Outbox"/>), else null.</summary>
    public long? OutboxId { get; internal init; }

    /// <summary>
    /// True when the outbox still holds the event although this result is not a delivery: the sender stopped before
    /// delivering it (the next sender on the outbox will), or it is a dead letter (<c>attio outbox retry</c> brings it back).
    /// A stored event is not lost.
    /// </summary>
    public bool IsStored { get; internal init; }

    /// <summary>A sentence for logs: what happened and why.</summary>
    public string Detail { get; internal init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"#{Sequence} {Event}: {Status}{(RecordId is null ? string.Empty : " " + RecordId)}{(Detail.Length == 0 ? string.Empty : " - " + Detail)}";
}

/// <summary>Handed back when an event is enqueued: its number and the task that completes with its result.</summary>
public sealed class AttioDeliveryReceipt
{
    internal AttioDeliveryReceipt(long sequence, AttioDeliveryEvent @event, Task<AttioDeliveryResult> completion, long? outboxId = null)
    {
        Sequence = sequence;
        Event = @event;
        Completion = completion;
        OutboxId = outboxId;
    }

    /// <summary>
    /// The event's row in the outbox (<see cref="AttioSenderOptions.Outbox"/>): set once the row is committed, which is
    /// before the receipt is returned. Null without an outbox, or when the event was not stored (rejected, or the sender was stopping).
    /// </summary>
    public long? OutboxId { get; }

    /// <summary>The event's number in the sender.</summary>
    public long Sequence { get; }

    /// <summary>The event.</summary>
    public AttioDeliveryEvent Event { get; }

    /// <summary>Completes with the event's result; never faults.</summary>
    public Task<AttioDeliveryResult> Completion { get; }

    /// <summary>
    /// True when the sender refused the event when it was enqueued (invalid values): known synchronously, so an endpoint can
    /// answer 400 instead of 202. The reasons are in <see cref="ValidationErrors"/>.
    /// </summary>
    public bool IsRejected => Completion.IsCompletedSuccessfully && Completion.Result.Status == AttioDeliveryStatus.RejectedBeforeSending;

    /// <summary>Why the event was rejected at enqueue (one error per cause); empty when it was accepted.</summary>
    public IReadOnlyList<AttioValidationError> ValidationErrors =>
        IsRejected ? Completion.Result.ValidationErrors : Array.Empty<AttioValidationError>();
}

/// <summary>The results of <see cref="AttioSender.SendBatchAsync"/>: one per input event, in input order, with counts.</summary>
public sealed class AttioBatchResult
{
    internal AttioBatchResult(IReadOnlyList<AttioDeliveryResult> results, TimeSpan elapsed)
    {
        Results = results;
        Elapsed = elapsed;
        var deliveries = new HashSet<long>();
        foreach (var result in results)
        {
            switch (result.Status)
            {
                case AttioDeliveryStatus.Delivered:
                    Delivered++;
                    if (result.IsSuperseded)
                    {
                        Superseded++;
                    }

                    break;
                case AttioDeliveryStatus.RejectedBeforeSending:
                    RejectedBeforeSending++;
                    break;
                case AttioDeliveryStatus.FailedPermanently:
                    FailedPermanently++;
                    break;
                case AttioDeliveryStatus.GaveUpAfterRetries:
                    GaveUpAfterRetries++;
                    break;
                default:
                    NotDeliveredAtShutdown++;
                    break;
            }

            if (result.DeliveryId is { } id && deliveries.Add(id))
            {
                Requests += result.Requests;
            }
        }

        Deliveries = deliveries.Count;
    }

    /// <summary>One result per input event, in input order.</summary>
    public IReadOnlyList<AttioDeliveryResult> Results { get; }

    /// <summary>How many events there were.</summary>
    public int Count => Results.Count;

    /// <summary>Events delivered (including superseded ones).</summary>
    public int Delivered { get; }

    /// <summary>Delivered events whose values were all superseded by newer ones.</summary>
    public int Superseded { get; }

    /// <summary>Events rejected by validation, never sent.</summary>
    public int RejectedBeforeSending { get; }

    /// <summary>Events Attio refused.</summary>
    public int FailedPermanently { get; }

    /// <summary>Events whose retries ran out.</summary>
    public int GaveUpAfterRetries { get; }

    /// <summary>Events the sender did not deliver because it stopped.</summary>
    public int NotDeliveredAtShutdown { get; }

    /// <summary>Distinct deliveries made for the batch (coalesced events share one).</summary>
    public int Deliveries { get; }

    /// <summary>HTTP requests made for the batch, retries not counted.</summary>
    public int Requests { get; }

    /// <summary>Wall time of the call.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>True when every event was delivered.</summary>
    public bool AllDelivered => Delivered == Count;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Count} events: {Delivered} delivered ({Superseded} superseded), {RejectedBeforeSending} rejected, {FailedPermanently} failed, " +
        $"{GaveUpAfterRetries} gave up, {NotDeliveredAtShutdown} not delivered at shutdown; {Deliveries} deliveries, {Requests} requests in {Elapsed.TotalSeconds:0.0} s";
}
