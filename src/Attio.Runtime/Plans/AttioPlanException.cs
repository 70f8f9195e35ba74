using System.Text.Json;

namespace Attio;

/// <summary>One record a plan wrote before a later step failed.</summary>
/// <param name="Step">The step's index.</param>
/// <param name="ObjectSlug">The record's object.</param>
/// <param name="RecordId">The record's id.</param>
public sealed record AttioWrittenRecord(int Step, string ObjectSlug, string RecordId)
{
    /// <inheritdoc />
    public override string ToString() => $"{ObjectSlug} {RecordId}";
}

/// <summary>
/// A step of a plan failed after earlier steps were written (e.g. the membership step of a group after its company and
/// workspace). Says what was written; the cause (<see cref="AttioApiException"/> or <see cref="AttioTransportException"/>)
/// is the inner exception. A plan whose first step fails throws that step's exception itself: nothing was written.
/// </summary>
public sealed class AttioPlanException : Exception
{
    private AttioPlanException(string message, AttioWritePlan plan, int failedStep, IReadOnlyList<AttioWrittenRecord> written, Exception inner)
        : base(message, inner)
    {
        Plan = plan;
        FailedStep = failedStep;
        Written = written;
    }

    /// <summary>The plan that failed.</summary>
    public AttioWritePlan Plan { get; }

    /// <summary>The index of the step that failed.</summary>
    public int FailedStep { get; }

    /// <summary>The records written before the failure (they stay written).</summary>
    public IReadOnlyList<AttioWrittenRecord> Written { get; }

    /// <summary>The cause when Attio refused the step, else null.</summary>
    public AttioApiException? ApiException => InnerException as AttioApiException;

    internal static async Task<AttioPlanException> PartialAsync(AttioClient client, AttioWritePlan plan, int failedStep, IReadOnlyList<AttioStoredRecord> stored, Exception cause)
    {
        var written = stored.Select((r, i) => new AttioWrittenRecord(i, plan.Steps[i].ObjectSlug, r.RecordId)).ToArray();
        string message = $"{plan.Kind} failed at step {failedStep} ({plan.Steps[failedStep]})";
        if (IsPrimaryEmailConflict(plan, failedStep, cause) && plan.Steps[failedStep].ValueOf(AttioStandardObjects.UserPrimaryEmail)?.Items[0] is string email)
        {
            string? holder = await FindUserWithEmailAsync(client, email).ConfigureAwait(false);
            message += $": users.primary_email_address is unique and {(holder is null ? "another user" : $"the user with user_id '{holder}'")} already holds '{email}'."
                + " The identify fills it with its email; pass a users record whose PrimaryEmailAddress is set to the address to keep,"
                + " or build the plan with AttioActions.Identify(..., primaryEmail: AttioPrimaryEmail.LeaveUnset)";
        }
        else
        {
            message += ": " + cause.Message;
        }

        message += written.Length == 0 ? ". Nothing was written." : ". Already written (kept): " + string.Join(", ", written) + ".";
        return new AttioPlanException(message, plan, failedStep, written, cause);
    }

    internal static bool IsPrimaryEmailConflict(AttioWritePlan plan, int step, Exception cause) =>
        cause is AttioApiException { Code: "uniqueness_conflict" }
        && plan.Kind == AttioPlanKind.Identify
        && plan.Steps[step].ObjectSlug == AttioStandardObjects.Users
        && plan.Steps[step].ImplicitSlugs.Contains(AttioStandardObjects.UserPrimaryEmail);

    // Best effort: the message is better with the holder's user_id, but a failed lookup must not hide the real failure.
    private static async Task<string?> FindUserWithEmailAsync(AttioClient client, string email)
    {
        try
        {
            using var filter = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { [AttioStandardObjects.UserPrimaryEmail] = email }, AttioPlanJsonContext.Default.DictionaryStringString));
            var users = await client.QueryRecordsAsync(AttioStandardObjects.Users, new AttioRecordQuery { Filter = filter.RootElement.Clone(), Limit = 1 }).ConfigureAwait(false);
            return users.Count > 0 ? users[0].GetString(AttioStandardObjects.UserId) : null;
        }
        catch (Exception ex) when (ex is AttioApiException or AttioTransportException or HttpRequestException or JsonException)
        {
            return null;
        }
    }
}
