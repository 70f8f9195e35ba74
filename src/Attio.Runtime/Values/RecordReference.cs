namespace Attio;

/// <summary>
/// A value for a <c>record-reference</c> attribute: a record of <see cref="TargetObject"/> named by its record id,
/// or by the value of one of its unique attributes (e.g. a person by email, a company by domain).
/// </summary>
public sealed record RecordReference
{
    private RecordReference(string targetObject, Guid? recordId, string? matchingAttribute, string? matchingValue, AttioAttributeType? matchingType = null)
    {
        TargetObject = targetObject;
        RecordId = recordId;
        MatchingAttribute = matchingAttribute;
        MatchingValue = matchingValue;
        MatchingAttributeType = matchingAttribute is null ? null : matchingType;
    }

    /// <summary>The target object's slug, e.g. <c>people</c>.</summary>
    public string TargetObject { get; }

    /// <summary>The target record's id, when referenced by id.</summary>
    public Guid? RecordId { get; }

    /// <summary>The unique attribute used to find the target, when referenced by value.</summary>
    public string? MatchingAttribute { get; }

    /// <summary>The value of <see cref="MatchingAttribute"/> that identifies the target.</summary>
    public string? MatchingValue { get; }

    /// <summary>
    /// The type of <see cref="MatchingAttribute"/>, which decides the value's wire form
    /// (<c>{"email_address":…}</c>, <c>{"domain":…}</c>, <c>{"value":…}</c>) and how it is validated; null when the
    /// reference was made without it, in which case the schema facts of the attribute being written supply it.
    /// </summary>
    public AttioAttributeType? MatchingAttributeType { get; }

    /// <summary>References a record by its id.</summary>
    public static RecordReference ById(string targetObject, Guid recordId) => new(targetObject, recordId, null, null);

    /// <summary>References a record by its id.</summary>
    public static RecordReference ById(string targetObject, string recordId) =>
        new(targetObject, Guid.TryParse(recordId, out var id) ? id : throw new ArgumentException($"'{AttioText.ForMessage(recordId)}' is not a record id (a UUID).", nameof(recordId)), null, null);

    /// <summary>
    /// References the record whose unique attribute <paramref name="matchingAttribute"/> holds <paramref name="value"/>.
    /// The attribute's type comes from the schema facts of the attribute the reference is written to (generated records
    /// know every target's unique attributes) or from Attio's standard objects; otherwise validation asks for the typed overload.
    /// </summary>
    public static RecordReference ByMatch(string targetObject, string matchingAttribute, string value) =>
        new(targetObject, null, matchingAttribute, value);

    /// <summary>
    /// References the record whose unique attribute <paramref name="matchingAttribute"/>, of type
    /// <paramref name="matchingAttributeType"/> (text, number, email-address, domain or phone-number), holds <paramref name="value"/>.
    /// </summary>
    public static RecordReference ByMatch(string targetObject, string matchingAttribute, AttioAttributeType matchingAttributeType, string value) =>
        new(targetObject, null, matchingAttribute, value, matchingAttributeType);

    /// <summary>A person by email address.</summary>
    public static RecordReference Person(string email) => ByMatch("people", "email_addresses", AttioAttributeType.EmailAddress, email);

    /// <summary>A company by domain.</summary>
    public static RecordReference Company(string domain) => ByMatch("companies", "domains", AttioAttributeType.Domain, domain);

    /// <summary>A user by <c>user_id</c>.</summary>
    public static RecordReference User(string userId) => ByMatch("users", "user_id", AttioAttributeType.Text, userId);

    /// <summary>A workspace by <c>workspace_id</c>.</summary>
    public static RecordReference Workspace(string workspaceId) => ByMatch("workspaces", "workspace_id", AttioAttributeType.Text, workspaceId);

    /// <inheritdoc />
    public override string ToString() =>
        RecordId is { } id ? $"{TargetObject}/{id}" : $"{TargetObject}[{MatchingAttribute}={MatchingValue}]";
}
