namespace Attio;

/// <summary>A value for an <c>actor-reference</c> attribute: a workspace member, by email address or by member id.</summary>
public sealed record ActorReference
{
    private ActorReference(string? email, Guid? memberId)
    {
        MemberEmail = email;
        MemberId = memberId;
    }

    /// <summary>The workspace member's email address, when referenced by email.</summary>
    public string? MemberEmail { get; }

    /// <summary>The workspace member's id, when referenced by id.</summary>
    public Guid? MemberId { get; }

    /// <summary>A workspace member by email address.</summary>
    public static ActorReference ByEmail(string email) => new(email, null);

    /// <summary>A workspace member by id.</summary>
    public static ActorReference ById(Guid workspaceMemberId) => new(null, workspaceMemberId);

    /// <summary>A workspace member by email address.</summary>
    public static implicit operator ActorReference(string email) => ByEmail(email);

    /// <inheritdoc />
    public override string ToString() => MemberEmail ?? MemberId?.ToString() ?? string.Empty;
}
