namespace Attio;

/// <summary>What an identify writes to <c>users.primary_email_address</c> when the user record leaves it unset.</summary>
public enum AttioPrimaryEmail
{
    /// <summary>The identify's email (the default). Attio keeps it unique: another user holding it fails the user step.</summary>
    FromIdentifyEmail,

    /// <summary>Nothing: the user keeps what Attio has (a new user then needs the value on the user record, as Attio requires it).</summary>
    LeaveUnset,
}

/// <summary>
/// Builds write plans: the one place where assert, create, update, identify and group are defined. Every builder validates
/// every value it is given and throws one <see cref="AttioValidationException"/> listing each problem once.
/// </summary>
public static class AttioActions
{
    /// <summary>Creates or updates the record whose <paramref name="matchingAttribute"/> equals the record's value.</summary>
    /// <exception cref="AttioValidationException">A value is invalid or the matching attribute has no value.</exception>
    public static AttioWritePlan Assert(AttioRecord record, string matchingAttribute) =>
        Build(errors => AttioPlanBuilder.Assert(record, matchingAttribute, errors));

    /// <summary>Creates a record (fails in Attio when a unique value is already taken).</summary>
    /// <exception cref="AttioValidationException">A value is invalid.</exception>
    public static AttioWritePlan Create(AttioRecord record) =>
        Build(errors => AttioPlanBuilder.Create(record, errors));

    /// <summary>
    /// Updates the record with <paramref name="recordId"/>. With <see cref="AttioUpdateMode.Append"/> (PATCH) multiselect values
    /// are added; clears go out in a PUT of their own, because PATCH cannot remove values.
    /// </summary>
    /// <exception cref="AttioValidationException">A value is invalid or <paramref name="recordId"/> is not a record id.</exception>
    public static AttioWritePlan Update(string recordId, AttioRecord record, AttioUpdateMode mode = AttioUpdateMode.Append) =>
        Build(errors => AttioPlanBuilder.Update(recordId, record, mode, errors));

    /// <summary>
    /// Identify User: asserts the person by <paramref name="email"/>, then the user by <paramref name="userId"/>, linked to that
    /// person. Values set on <paramref name="person"/> and <paramref name="user"/> are sent too; the records are not modified.
    /// </summary>
    /// <param name="email">The person's email (added to <c>people.email_addresses</c>, which the person is found by).</param>
    /// <param name="userId">The user's <c>user_id</c>.</param>
    /// <param name="person">More values for the person (a <c>people</c> record), or null.</param>
    /// <param name="user">More values for the user (a <c>users</c> record), or null.</param>
    /// <param name="primaryEmail">What to write to <c>users.primary_email_address</c> when <paramref name="user"/> leaves it unset.</param>
    /// <exception cref="AttioValidationException">A value is invalid; each cause is reported once.</exception>
    public static AttioWritePlan Identify(string email, string userId, AttioRecord? person = null, AttioRecord? user = null, AttioPrimaryEmail primaryEmail = AttioPrimaryEmail.FromIdentifyEmail) =>
        Build(errors => AttioPlanBuilder.Identify(email, userId, person, user, primaryEmail, errors));

    /// <summary>
    /// Group Workspace: asserts the company by <paramref name="domain"/>, then the workspace by <paramref name="workspaceId"/>,
    /// linked to that company; with <paramref name="userId"/>, appends that user to the workspace's users (others are kept).
    /// </summary>
    /// <exception cref="AttioValidationException">A value is invalid; each cause is reported once.</exception>
    public static AttioWritePlan Group(string domain, string workspaceId, AttioRecord? company = null, AttioRecord? workspace = null, string? userId = null) =>
        Build(errors => AttioPlanBuilder.Group(domain, workspaceId, company, workspace, userId, errors));

    private static AttioWritePlan Build(Func<AttioValidationErrors, AttioWritePlan?> build)
    {
        var errors = new AttioValidationErrors();
        AttioWritePlan? plan = build(errors);
        errors.ThrowIfAny();
        return plan!;
    }
}
