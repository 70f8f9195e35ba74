using System.Threading.Channels;

namespace Attio;

/// <summary>A wake-up that is remembered until someone waits for it (several signals collapse into one).</summary>
internal sealed class AsyncSignal(TimeProvider time)
{
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Set() => _signals.Writer.TryWrite(true);

    /// <summary>Whether a signal waits to be taken.</summary>
    public bool IsSet => _signals.Reader.Count > 0;

    /// <summary>Returns when signalled or after <paramref name="timeout"/> on the provider's clock; throws when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_signals.Reader.TryRead(out _))
        {
            return;
        }

        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _signals.Reader.WaitToReadAsync(linked.Token).ConfigureAwait(false);
            _signals.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The timeout: a poll, not an error.
        }
    }
}
