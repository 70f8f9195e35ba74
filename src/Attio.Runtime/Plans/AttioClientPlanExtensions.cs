namespace Attio;

/// <summary>Runs write plans on an <see cref="AttioClient"/>.</summary>
public static class AttioClientPlanExtensions
{
    /// <summary>
    /// Runs <paramref name="plan"/>: checks every value, then sends the steps in order, filling links with the record ids
    /// earlier steps returned.
    /// </summary>
    /// <exception cref="AttioValidationException">A value is invalid; nothing was sent.</exception>
    /// <exception cref="AttioApiException">Attio refused the first step; nothing was written.</exception>
    /// <exception cref="AttioPlanException">A later step failed; the exception says what was written.</exception>
    public static Task<AttioPlanResult> ExecuteAsync(this AttioClient client, AttioWritePlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(plan);
        return AttioPlanExecutor.ExecuteAsync(client, plan, cancellationToken);
    }

    /// <summary>Runs an identify plan (<see cref="AttioActions.Identify"/>); see <see cref="ExecuteAsync"/>.</summary>
    public static async Task<AttioIdentifyResult> ExecuteIdentifyAsync(this AttioClient client, AttioWritePlan plan, CancellationToken cancellationToken = default) =>
        (await client.ExecuteAsync(plan, cancellationToken).ConfigureAwait(false)).ToIdentifyResult();

    /// <summary>Runs a group plan (<see cref="AttioActions.Group"/>); see <see cref="ExecuteAsync"/>.</summary>
    public static async Task<AttioGroupResult> ExecuteGroupAsync(this AttioClient client, AttioWritePlan plan, CancellationToken cancellationToken = default) =>
        (await client.ExecuteAsync(plan, cancellationToken).ConfigureAwait(false)).ToGroupResult();

    /// <summary>Runs a single-record plan (assert, create, update, with any appends) and returns the record as Attio stored it.</summary>
    public static async Task<AttioStoredRecord> ExecuteRecordAsync(this AttioClient client, AttioWritePlan plan, CancellationToken cancellationToken = default) =>
        (await client.ExecuteAsync(plan, cancellationToken).ConfigureAwait(false)).Record;
}
