namespace Attio;

/// <summary>The store's counts, read at most once per poll interval: FlushAsync, the gauges and the claim loop share them.</summary>
internal sealed partial class OutboxPump
{
    private async Task RefreshStatusIfDueAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _status) is null || _statusReadAt + (long)(_options.OutboxPollInterval.TotalSeconds * _time.TimestampFrequency) <= _time.GetTimestamp())
        {
            await RefreshStatusAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AttioOutboxStatus> RefreshStatusAsync(CancellationToken cancellationToken)
    {
        AttioOutboxStatus status = await _store.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _status, status);
        Interlocked.Exchange(ref _statusReadAt, _time.GetTimestamp());
        return status;
    }
}
