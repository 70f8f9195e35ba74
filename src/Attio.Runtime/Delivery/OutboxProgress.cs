using System.Globalization;

namespace Attio;

/// <summary>What a delivery reports while it runs so a redelivery neither repeats nor loses a create.</summary>
internal interface IDeliveryProgress
{
    /// <summary>The record a create step already stored in an earlier attempt, else null.</summary>
    string? CreatedRecordOf(int step);

    /// <summary>Stored before a create is sent: from here on the create may exist in Attio.</summary>
    Task CreateStartingAsync(int step, CancellationToken cancellationToken);

    /// <summary>Stored after a create succeeded: a redelivery uses this record instead of creating another.</summary>
    Task CreateDoneAsync(int step, string recordId, CancellationToken cancellationToken);
}

/// <summary>
/// The step progress of one outbox row, saved through the store under the lease. Its text form is
/// <c>create:STEP:started</c> or <c>create:STEP:RECORD_ID</c> entries separated by semicolons.
/// </summary>
internal sealed class OutboxProgress : IDeliveryProgress
{
    private const string Started = "started";
    private readonly IAttioOutbox _store;
    private readonly AttioOutboxLease _lease;
    private readonly long _rowId;
    private readonly SortedDictionary<int, string> _creates;

    public OutboxProgress(IAttioOutbox store, AttioOutboxLease lease, long rowId, string? progress)
    {
        _store = store;
        _lease = lease;
        _rowId = rowId;
        _creates = Parse(progress);
    }

    /// <summary>The lease the row was claimed under.</summary>
    public AttioOutboxLease Lease => _lease;

    /// <summary>A create step that started in an earlier attempt without a stored result: it may or may not exist in Attio.</summary>
    public int? UncertainCreate => _creates.FirstOrDefault(c => c.Value == Started) is { Value: not null } c ? c.Key : null;

    /// <summary>Whether a create started in this attempt and has no result yet.</summary>
    public bool HasUnfinishedCreate => UncertainCreate is not null;

    public string? CreatedRecordOf(int step) => _creates.TryGetValue(step, out string? id) && id != Started ? id : null;

    public Task CreateStartingAsync(int step, CancellationToken cancellationToken)
    {
        _creates[step] = Started;
        return SaveAsync(cancellationToken);
    }

    public Task CreateDoneAsync(int step, string recordId, CancellationToken cancellationToken)
    {
        _creates[step] = recordId;
        return SaveAsync(cancellationToken);
    }

    /// <summary>Forgets creates that did not finish: Attio answered that it did not store them, or an operator retried the row after checking.</summary>
    public Task ForgetUnfinishedCreatesAsync(CancellationToken cancellationToken)
    {
        foreach (int step in _creates.Where(c => c.Value == Started).Select(c => c.Key).ToList())
        {
            _creates.Remove(step);
        }

        return SaveAsync(cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        string text = string.Join(";", _creates.Select(c => string.Create(CultureInfo.InvariantCulture, $"create:{c.Key}:{c.Value}")));
        if (!await _store.SaveProgressAsync(_lease, _rowId, text, cancellationToken).ConfigureAwait(false))
        {
            throw new AttioLeaseLostException($"The progress of outbox row {_rowId} was not saved: the lease it was claimed under is no longer the newest.");
        }
    }

    private static SortedDictionary<int, string> Parse(string? progress)
    {
        var creates = new SortedDictionary<int, string>();
        foreach (string part in (progress ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] fields = part.Split(':', 3);
            if (fields.Length == 3 && fields[0] == "create" && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int step))
            {
                creates[step] = fields[2];
            }
        }

        return creates;
    }
}
