namespace Attio;

// Running write plans; kept apart from AttioClient.cs, which holds the transport.
public sealed partial class AttioClient
{
    /// <summary>
    /// Runs <paramref name="plan"/>: checks every value, then sends the steps in order, filling links with the record ids
    /// earlier steps returned.
    /// </summary>
    /// <exception cref="AttioValidationException">A value is invalid; nothing was sent.</exception>
    /// <exception cref="AttioApiException">Attio refused the first step; nothing was written.</exception>
    /// <exception cref="AttioPlanException">A later step failed; the exception says what was written.</exception>
    public Task<AttioPlanResult> ExecuteAsync(AttioWritePlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return AttioPlanExecutor.ExecuteAsync(this, plan, cancellationToken);
    }

    /// <summary>Runs an identify plan (<see cref="AttioActions.Identify"/>); see <see cref="ExecuteAsync"/>.</summary>
    public async Task<AttioIdentifyResult> ExecuteIdentifyAsync(AttioWritePlan plan, CancellationToken cancellationToken = default) =>
        (await ExecuteAsync(plan, cancellationToken).ConfigureAwait(false)).ToIdentifyResult();

    /// <summary>Runs a group plan (<see cref="AttioActions.Group"/>); see <see cref="ExecuteAsync"/>.</summary>
    public async Task<AttioGroupResult> ExecuteGroupAsync(AttioWritePlan plan, CancellationToken cancellationToken = default) =>
        (await ExecuteAsync(plan, cancellationToken).ConfigureAwait(false)).ToGroupResult();

    /// <summary>Runs a single-record plan (assert, create, update, with any appends) and returns the record as Attio stored it.</summary>
    public async Task<AttioStoredRecord> ExecuteRecordAsync(AttioWritePlan plan, CancellationToken cancellationToken = default) =>
        (await ExecuteAsync(plan, cancellationToken).ConfigureAwait(false)).Record;
}
