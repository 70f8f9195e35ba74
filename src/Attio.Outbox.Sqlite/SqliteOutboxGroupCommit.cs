using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Attio;

/// <summary>
/// The single writer of enqueues: whatever enqueues arrived while the previous commit was being written go into the next
/// transaction together, and each caller is completed only after that commit. One fsync then serves many producers.
/// </summary>
internal sealed class SqliteOutboxGroupCommit : IAsyncDisposable
{
    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteOutboxDatabase _database;
    private readonly TimeProvider _time;
    private readonly int _maxPerCommit;
    private readonly Task _loop;

    public SqliteOutboxGroupCommit(SqliteOutboxDatabase database, TimeProvider time, int maxPerCommit)
    {
        _database = database;
        _time = time;
        _maxPerCommit = maxPerCommit;
        _loop = Task.Run(RunAsync);
    }

    public Task<long[]> EnqueueAsync(IReadOnlyList<AttioOutboxMessage> messages, CancellationToken cancellationToken)
    {
        var request = new Request(messages, cancellationToken);
        if (!_requests.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(SqliteAttioOutbox), $"The Attio outbox '{_database.Path}' is disposed; the event was not stored.");
        }

        return request.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<Request>();
        while (await _requests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            int rows = 0;
            while (rows < _maxPerCommit && _requests.Reader.TryRead(out Request? request))
            {
                // A caller that gave up before its turn is told "not stored"; after its turn it may no longer be told.
                if (request.CancellationToken.IsCancellationRequested)
                {
                    request.Completion.TrySetCanceled(request.CancellationToken);
                    continue;
                }

                batch.Add(request);
                rows += request.Messages.Count;
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                List<long[]> ids = await _database.WriteAsync("enqueue", connection => Insert(connection, batch), CancellationToken.None).ConfigureAwait(false);
                for (int i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(ids[i]);
                }
            }
            catch (Exception exception)
            {
                foreach (Request request in batch)
                {
                    request.Completion.TrySetException(exception);
                }
            }
        }
    }

    private List<long[]> Insert(SqliteConnection connection, List<Request> batch)
    {
        long now = SqliteOutboxRows.Ticks(_time.GetUtcNow());
        using SqliteCommand insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO outbox_rows (plan_json, record_keys, event_time, description, enqueued_at, state, attempts, next_attempt_at)
            VALUES ($plan, $keys, $event, $description, $now, 0, 0, $now) RETURNING id
            """;
        SqliteParameter plan = insert.Parameters.Add("$plan", SqliteType.Text);
        SqliteParameter keys = insert.Parameters.Add("$keys", SqliteType.Text);
        SqliteParameter eventTime = insert.Parameters.Add("$event", SqliteType.Integer);
        SqliteParameter description = insert.Parameters.Add("$description", SqliteType.Text);
        insert.Parameters.AddWithValue("$now", now);
        insert.Prepare();

        var result = new List<long[]>(batch.Count);
        foreach (Request request in batch)
        {
            long[] ids = new long[request.Messages.Count];
            for (int i = 0; i < ids.Length; i++)
            {
                AttioOutboxMessage message = request.Messages[i];
                plan.Value = message.PlanJson;
                keys.Value = SqliteOutboxRows.EncodeKeys(message.RecordKeys);
                eventTime.Value = SqliteOutboxRows.Ticks(message.EventTime);
                description.Value = message.Description;
                ids[i] = (long)insert.ExecuteScalar()!;
            }

            result.Add(ids);
        }

        return result;
    }

    private sealed class Request(IReadOnlyList<AttioOutboxMessage> messages, CancellationToken cancellationToken)
    {
        public IReadOnlyList<AttioOutboxMessage> Messages { get; } = messages;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<long[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
