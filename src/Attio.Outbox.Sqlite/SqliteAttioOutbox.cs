using Microsoft.Data.Sqlite;

namespace Attio;

/// <summary>
/// The embedded outbox: one SQLite file in WAL mode. An enqueue returns only after its commit (see
/// <see cref="SqliteOutboxDurability"/> for what that survives); concurrent enqueues share commits. Delivered rows are
/// deleted at once (per-minute counts remain), dead letters stay until retried or purged. Faults (corrupt, read-only,
/// locked, full) are <see cref="AttioOutboxException"/>s naming the file, never a silent drop.
/// </summary>
public sealed class SqliteAttioOutbox : IAttioOutbox
{
    private readonly SqliteAttioOutboxOptions _options;
    private readonly SqliteOutboxDatabase _database;
    private readonly SqliteOutboxGroupCommit _writer;

    /// <summary>An outbox in the file at <paramref name="path"/> (created with its directory when missing), durability Normal.</summary>
    public SqliteAttioOutbox(string path)
        : this(path, new SqliteAttioOutboxOptions())
    {
    }

    /// <summary>An outbox in the file at <paramref name="path"/> with the given settings.</summary>
    public SqliteAttioOutbox(string path, SqliteAttioOutboxOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        FilePath = Path.GetFullPath(path);
        _database = new SqliteOutboxDatabase(FilePath, options);
        _writer = new SqliteOutboxGroupCommit(_database, options.TimeProvider, options.MaxEnqueuesPerCommit);
    }

    /// <summary>The full path of the file.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public string Description => "sqlite:" + FilePath;

    /// <summary>What a completed enqueue survives.</summary>
    public SqliteOutboxDurability Durability => _options.Durability;

    /// <inheritdoc />
    public async ValueTask InitializeAsync(CancellationToken cancellationToken = default) =>
        await _database.RunAsync("open", _ => true, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<long> EnqueueAsync(AttioOutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        long[] ids = await _writer.EnqueueAsync([message], cancellationToken).ConfigureAwait(false);
        return ids[0];
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<long>> EnqueueManyAsync(IReadOnlyList<AttioOutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return messages.Count == 0 ? [] : await _writer.EnqueueAsync(messages, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<AttioOutboxLease?> AcquireLeaseAsync(string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        DateTimeOffset now = _options.TimeProvider.GetUtcNow();
        return _database.WriteAsync("acquire lease", connection => SqliteOutboxLeases.Acquire(connection, owner, duration, now), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> ReleaseLeaseAsync(AttioOutboxLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return _database.WriteAsync("release lease", connection => SqliteOutboxLeases.Release(connection, lease), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AttioOutboxEntry>> ClaimAsync(AttioOutboxLease lease, int maxRows, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return _database.WriteAsync("claim", connection => SqliteOutboxLeases.Claim(connection, lease, maxRows, now), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> SaveProgressAsync(AttioOutboxLease lease, long id, string progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return ChangeClaimedAsync("save progress", lease, id, "progress = $progress", command => command.Parameters.AddWithValue("$progress", progress), cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<bool> CompleteAsync(AttioOutboxLease lease, IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(ids);
        try
        {
            return await CompleteClaimedAsync(lease, ids, now, cancellationToken).ConfigureAwait(false);
        }
        catch (CompletionRefused)
        {
            return false;
        }
    }

    private ValueTask<bool> CompleteClaimedAsync(AttioOutboxLease lease, IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken cancellationToken) =>
        _database.WriteAsync("complete", connection =>
        {
            if (!SqliteOutboxLeases.IsCurrent(connection, lease))
            {
                return false;
            }

            // All or nothing: a list naming a row this lease does not hold changes no row (the transaction rolls back).
            using SqliteCommand delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM outbox_rows WHERE state = 1 AND claim_token = $token AND id IN (SELECT value FROM json_each($ids))";
            delete.Parameters.AddWithValue("$token", lease.Token);
            delete.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids) + "]");
            int deleted = delete.ExecuteNonQuery();
            if (deleted != ids.Distinct().Count())
            {
                throw new CompletionRefused();
            }

            Count(connection, now, deleted, 0);
            using SqliteCommand total = connection.CreateCommand();
            total.CommandText = "UPDATE outbox_meta SET value = value + $n WHERE key = 'delivered_total'";
            total.Parameters.AddWithValue("$n", deleted);
            total.ExecuteNonQuery();
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> RescheduleAsync(AttioOutboxLease lease, long id, DateTimeOffset nextAttemptAt, AttioOutboxError error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return ChangeClaimedAsync("reschedule", lease, id, "state = 0, attempts = attempts + 1, next_attempt_at = $next, " + SqliteOutboxRows.ErrorAssignments, command =>
        {
            command.Parameters.AddWithValue("$next", SqliteOutboxRows.Ticks(nextAttemptAt));
            SqliteOutboxRows.AddError(command, error);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> DeadLetterAsync(AttioOutboxLease lease, long id, AttioOutboxError error, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return ChangeClaimedAsync("dead letter", lease, id, "state = 3, attempts = attempts + 1, finished_at = $now, " + SqliteOutboxRows.ErrorAssignments, command =>
        {
            command.Parameters.AddWithValue("$now", SqliteOutboxRows.Ticks(now));
            SqliteOutboxRows.AddError(command, error);
        }, cancellationToken, deadAt: now);
    }

    /// <inheritdoc />
    public ValueTask<AttioOutboxStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        _database.RunAsync("status", SqliteOutboxQueries.Status, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AttioOutboxMinute>> GetActivityAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        _database.RunAsync("activity", connection => SqliteOutboxQueries.Activity(connection, since), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AttioOutboxEntry>> ListAsync(AttioOutboxQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _database.RunAsync("list", connection => SqliteOutboxQueries.List(connection, query), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<int> RetryDeadAsync(long? id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        _database.WriteAsync("retry dead letters", connection =>
        {
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "UPDATE outbox_rows SET state = 0, attempts = 0, next_attempt_at = $now, finished_at = NULL WHERE state = 3" +
                (id is null ? string.Empty : " AND id = $id");
            command.Parameters.AddWithValue("$now", SqliteOutboxRows.Ticks(now));
            command.Parameters.AddWithValue("$id", (object?)id ?? DBNull.Value);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask<int> PurgeDeadAsync(DateTimeOffset? olderThan, CancellationToken cancellationToken = default) =>
        _database.WriteAsync("purge dead letters", connection =>
        {
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "DELETE FROM outbox_rows WHERE state = 3" + (olderThan is null ? string.Empty : " AND finished_at < $before");
            command.Parameters.AddWithValue("$before", olderThan is { } before ? SqliteOutboxRows.Ticks(before) : DBNull.Value);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AttioLedgerEntry>> ReadLedgerAsync(IReadOnlyCollection<string> recordKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recordKeys);
        return recordKeys.Count == 0
            ? ValueTask.FromResult<IReadOnlyList<AttioLedgerEntry>>([])
            : _database.RunAsync("read ledger", connection => SqliteOutboxQueries.ReadLedger(connection, recordKeys), cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask WriteLedgerAsync(IReadOnlyList<AttioLedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count > 0)
        {
            await _database.WriteAsync("write ledger", connection => SqliteOutboxQueries.WriteLedger(connection, entries), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for enqueues already accepted to commit, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        _database.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    private ValueTask<bool> ChangeClaimedAsync(string operation, AttioOutboxLease lease, long id, string assignments,
        Action<SqliteCommand> parameters, CancellationToken cancellationToken, DateTimeOffset? deadAt = null)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return _database.WriteAsync(operation, connection =>
        {
            if (!SqliteOutboxLeases.IsCurrent(connection, lease))
            {
                return false;
            }

            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = $"UPDATE outbox_rows SET {assignments} WHERE id = $id AND state = 1 AND claim_token = $token";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$token", lease.Token);
            parameters(command);
            bool changed = command.ExecuteNonQuery() == 1;
            if (changed && deadAt is { } now)
            {
                Count(connection, now, 0, 1);
            }

            return changed;
        }, cancellationToken);
    }

    /// <summary>Rolls a completion back when one of its rows is not held by the lease.</summary>
    private sealed class CompletionRefused : Exception;

    private static void Count(SqliteConnection connection, DateTimeOffset now, int delivered, int dead)
    {
        if (delivered == 0 && dead == 0)
        {
            return;
        }

        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO outbox_activity (minute, delivered, dead) VALUES ($minute, $delivered, $dead)
            ON CONFLICT (minute) DO UPDATE SET delivered = delivered + excluded.delivered, dead = dead + excluded.dead
            """;
        command.Parameters.AddWithValue("$minute", now.UtcTicks / TimeSpan.TicksPerMinute);
        command.Parameters.AddWithValue("$delivered", delivered);
        command.Parameters.AddWithValue("$dead", dead);
        command.ExecuteNonQuery();
    }
}
