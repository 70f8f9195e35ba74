namespace Attio;

/// <summary>
/// One thing for <see cref="AttioSender"/> to deliver: a record to assert (<see cref="AttioRecordEvent"/>),
/// an identify (<see cref="AttioIdentifyEvent"/>) or a group (<see cref="AttioGroupEvent"/>).
/// </summary>
/// <remarks>
/// The sender serialises the records of an event when it is enqueued, so changing a record afterwards does not change
/// what is sent. A mapped product event becomes a record through its generated mapping, e.g.
/// <c>AttioDeliveryEvent.Assert(evt.ToPerson(), "email_addresses", evt.OccurredAt)</c>.
/// </remarks>
public abstract class AttioDeliveryEvent
{
    private protected AttioDeliveryEvent(DateTimeOffset? timestamp, object? tag)
    {
        Timestamp = timestamp;
        Tag = tag;
    }

    /// <summary>
    /// When the event happened. Coalescing and stale-write protection order values by it; when null, the time the event
    /// was enqueued is used.
    /// </summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>Anything the caller wants back in the result (an id, the source message, ...). Never sent.</summary>
    public object? Tag { get; }

    /// <summary>Asserts <paramref name="record"/>: creates or updates the record whose <paramref name="matchingAttribute"/> equals the record's value.</summary>
    public static AttioRecordEvent Assert(AttioRecord record, string matchingAttribute, DateTimeOffset? timestamp = null, object? tag = null) =>
        new(record, matchingAttribute, timestamp, tag);

    /// <summary>
    /// Identify a user: asserts the person by <paramref name="email"/>, then the user by <paramref name="userId"/> linked to
    /// that person (the generated <c>IdentifyUserAsync</c>, as one queued operation).
    /// </summary>
    /// <param name="email">The person's email address (the match key of <c>people.email_addresses</c>).</param>
    /// <param name="userId">The user's <c>user_id</c>.</param>
    /// <param name="person">More values for the person (a <c>people</c> record), or null.</param>
    /// <param name="user">More values for the user (a <c>users</c> record), or null. Its <c>primary_email_address</c> defaults to <paramref name="email"/>.</param>
    /// <param name="timestamp">When the event happened; null for the enqueue time.</param>
    /// <param name="tag">Returned in the result; never sent.</param>
    public static AttioIdentifyEvent Identify(string email, string userId, AttioRecord? person = null, AttioRecord? user = null, DateTimeOffset? timestamp = null, object? tag = null) =>
        new(email, userId, person, user, timestamp, tag);

    /// <summary>
    /// Group a workspace: asserts the company by <paramref name="domain"/>, then the workspace by <paramref name="workspaceId"/>
    /// linked to that company and, with <paramref name="userId"/>, adds that user to the workspace's <c>users</c> (appended,
    /// never removing others) - the generated <c>GroupWorkspaceAsync</c>, as one queued operation.
    /// </summary>
    public static AttioGroupEvent Group(string domain, string workspaceId, AttioRecord? company = null, AttioRecord? workspace = null, string? userId = null, DateTimeOffset? timestamp = null, object? tag = null) =>
        new(domain, workspaceId, company, workspace, userId, timestamp, tag);

    /// <summary>Runs a write plan built by <see cref="AttioActions"/> (what the generated mapped-event overloads queue).</summary>
    public static AttioPlanEvent Plan(AttioWritePlan plan, DateTimeOffset? timestamp = null, object? tag = null) =>
        new(plan, timestamp, tag);
}

/// <summary>A write plan to run (<see cref="AttioActions"/>); coalesced with other plans on the same records like any event.</summary>
public sealed class AttioPlanEvent : AttioDeliveryEvent
{
    /// <summary>Creates the event; prefer <see cref="AttioDeliveryEvent.Plan"/>.</summary>
    public AttioPlanEvent(AttioWritePlan plan, DateTimeOffset? timestamp = null, object? tag = null)
        : base(timestamp, tag)
    {
        WritePlan = plan ?? throw new ArgumentNullException(nameof(plan));
    }

    /// <summary>The plan.</summary>
    public AttioWritePlan WritePlan { get; }

    /// <inheritdoc />
    public override string ToString() => WritePlan.ToString();
}

/// <summary>Asserts one record by a unique matching attribute (<c>PUT /v2/objects/{object}/records?matching_attribute=…</c>).</summary>
public sealed class AttioRecordEvent : AttioDeliveryEvent
{
    /// <summary>Creates the event; prefer <see cref="AttioDeliveryEvent.Assert"/>.</summary>
    public AttioRecordEvent(AttioRecord record, string matchingAttribute, DateTimeOffset? timestamp = null, object? tag = null)
        : base(timestamp, tag)
    {
        Record = record;
        MatchingAttribute = matchingAttribute;
    }

    /// <summary>The record to assert.</summary>
    public AttioRecord Record { get; }

    /// <summary>The unique attribute the record is found by, e.g. <c>email_addresses</c>.</summary>
    public string MatchingAttribute { get; }

    /// <inheritdoc />
    public override string ToString() => $"assert {Record?.ObjectSlug} by {MatchingAttribute}";
}

/// <summary>Identify: person by email, then user by <c>user_id</c> linked to the person.</summary>
public sealed class AttioIdentifyEvent : AttioDeliveryEvent
{
    /// <summary>Creates the event; prefer <see cref="AttioDeliveryEvent.Identify"/>.</summary>
    public AttioIdentifyEvent(string email, string userId, AttioRecord? person = null, AttioRecord? user = null, DateTimeOffset? timestamp = null, object? tag = null)
        : base(timestamp, tag)
    {
        Email = email;
        UserId = userId;
        Person = person;
        User = user;
    }

    /// <summary>The person's email address.</summary>
    public string Email { get; }

    /// <summary>The user's <c>user_id</c>.</summary>
    public string UserId { get; }

    /// <summary>More values for the person, or null.</summary>
    public AttioRecord? Person { get; }

    /// <summary>More values for the user, or null.</summary>
    public AttioRecord? User { get; }

    /// <summary>What to write to <c>users.primary_email_address</c> when <see cref="User"/> leaves it unset; the identify's email by default.</summary>
    public AttioPrimaryEmail PrimaryEmail { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"identify {UserId} <{Email}>";
}

/// <summary>Group: company by domain, then workspace by <c>workspace_id</c> linked to the company, then optionally a user added to it.</summary>
public sealed class AttioGroupEvent : AttioDeliveryEvent
{
    /// <summary>Creates the event; prefer <see cref="AttioDeliveryEvent.Group"/>.</summary>
    public AttioGroupEvent(string domain, string workspaceId, AttioRecord? company = null, AttioRecord? workspace = null, string? userId = null, DateTimeOffset? timestamp = null, object? tag = null)
        : base(timestamp, tag)
    {
        Domain = domain;
        WorkspaceId = workspaceId;
        Company = company;
        Workspace = workspace;
        UserId = userId;
    }

    /// <summary>The company's domain.</summary>
    public string Domain { get; }

    /// <summary>The workspace's <c>workspace_id</c>.</summary>
    public string WorkspaceId { get; }

    /// <summary>More values for the company, or null.</summary>
    public AttioRecord? Company { get; }

    /// <summary>More values for the workspace, or null.</summary>
    public AttioRecord? Workspace { get; }

    /// <summary>A user (by <c>user_id</c>) to add to the workspace, or null. The user must exist: identify it first.</summary>
    public string? UserId { get; }

    /// <inheritdoc />
    public override string ToString() => $"group {WorkspaceId} ({Domain}){(UserId is null ? string.Empty : " + user " + UserId)}";
}
