namespace Attio;

/// <summary>
/// Group commit: enqueues that arrive while a commit is running wait for the next one and share it, so many concurrent
/// producers cost a few round trips instead of one commit each. Nobody is answered before their commit succeeded.
/// </summary>
internal sealed class PostgresEnqueueBatcher(Func<IReadOnlyList<AttioOutboxMessage>, Task<long[]>> commit, int maxBatch)
{
    private readonly Lock _gate = new();
    private readonly List<Waiting> _waiting = [];
    private bool _flushing;

    public async Task<IReadOnlyList<long>> EnqueueAsync(IReadOnlyList<AttioOutboxMessage> messages, CancellationToken cancellationToken)
    {
        var waiting = new Waiting(messages, new TaskCompletionSource<IReadOnlyList<long>>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool lead;
        lock (_gate)
        {
            _waiting.Add(waiting);
            lead = !_flushing;
            _flushing = true;
        }

        if (lead)
        {
            _ = Task.Run(FlushAsync, CancellationToken.None);
        }

        // A caller that stops waiting may still find its event stored: the commit it joined is not interrupted.
        return await waiting.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task FlushAsync()
    {
        while (true)
        {
            List<Waiting> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                batch = Take();
            }

            var all = new List<AttioOutboxMessage>();
            foreach (Waiting w in batch)
            {
                all.AddRange(w.Messages);
            }

            try
            {
                long[] ids = await commit(all).ConfigureAwait(false);
                int at = 0;
                foreach (Waiting w in batch)
                {
                    w.Done.TrySetResult(ids[at..(at + w.Messages.Count)]);
                    at += w.Messages.Count;
                }
            }
            catch (Exception ex)
            {
                foreach (Waiting w in batch)
                {
                    w.Done.TrySetException(ex);
                }
            }
        }
    }

    private List<Waiting> Take()
    {
        // Whole callers only (their EnqueueMany is all or nothing); the first always goes, however large.
        var batch = new List<Waiting>();
        int size = 0;
        int i = 0;
        while (i < _waiting.Count && (batch.Count == 0 || size + _waiting[i].Messages.Count <= maxBatch))
        {
            size += _waiting[i].Messages.Count;
            batch.Add(_waiting[i++]);
        }

        _waiting.RemoveRange(0, i);
        return batch;
    }

    private sealed record Waiting(IReadOnlyList<AttioOutboxMessage> Messages, TaskCompletionSource<IReadOnlyList<long>> Done);
}
