using Npgsql;
using NpgsqlTypes;

namespace Attio;

/// <summary>Fenced changes to claimed rows, and what operators read and change (status, lists, dead letters, the ledger).</summary>
public sealed partial class PostgresAttioOutbox
{
    /// <inheritdoc />
    public ValueTask<bool> SaveProgressAsync(AttioOutboxLease lease, long id, string progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return FencedAsync("save progress", lease, [id], "UPDATE", "SET progress = @progress", cmd => cmd.Parameters.Add(PostgresOutboxRows.TextParameter("progress", progress)), null, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> CompleteAsync(AttioOutboxLease lease, IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        // Delivered rows are counted and deleted: the table holds only what still matters, however long the app runs.
        return FencedAsync("mark rows delivered", lease, [.. ids], "DELETE", string.Empty, null, (c, tx, n) => CountAsync(c, tx, now, n, 0, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> RescheduleAsync(AttioOutboxLease lease, long id, DateTimeOffset nextAttemptAt, AttioOutboxError error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return FencedAsync("reschedule a row", lease, [id], "UPDATE",
            "SET state = 0, next_attempt_at = @next, attempts = attempts + 1, error_kind = @error_kind, error_status = @error_status, " +
            "error_code = @error_code, error_message = @error_message, error_execution_id = @error_execution_id",
            cmd =>
            {
                cmd.Parameters.Add(PostgresOutboxRows.TimeParameter("next", nextAttemptAt));
                PostgresOutboxRows.AddError(cmd, error);
            },
            null, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> DeadLetterAsync(AttioOutboxLease lease, long id, AttioOutboxError error, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return FencedAsync("make a row a dead letter", lease, [id], "UPDATE",
            "SET state = 3, attempts = attempts + 1, finished_at = @now, error_kind = @error_kind, error_status = @error_status, " +
            "error_code = @error_code, error_message = @error_message, error_execution_id = @error_execution_id",
            cmd =>
            {
                cmd.Parameters.Add(PostgresOutboxRows.TimeParameter("now", now));
                PostgresOutboxRows.AddError(cmd, error);
            },
            (c, tx, n) => CountAsync(c, tx, now, 0, n, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<AttioOutboxStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _db.RunAsync("read its status", async c =>
        {
            await using var command = new NpgsqlCommand($"""
                SELECT count(*) FILTER (WHERE state = 0), count(*) FILTER (WHERE state = 1), count(*) FILTER (WHERE state = 3),
                       (SELECT delivered FROM {_schema}.totals WHERE id = 1), min(enqueued_at) FILTER (WHERE state IN (0, 1))
                FROM {_schema}.messages
                """, c);
            await using NpgsqlDataReader r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await r.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new AttioOutboxStatus(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), PostgresOutboxRows.Time(r, 4));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<AttioOutboxMinute>> GetActivityAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _db.RunAsync<IReadOnlyList<AttioOutboxMinute>>("read its activity", async c =>
        {
            await using var command = new NpgsqlCommand($"SELECT minute, delivered, dead_lettered FROM {_schema}.activity WHERE minute >= @from ORDER BY minute", c);
            command.Parameters.Add(PostgresOutboxRows.TimeParameter("from", PostgresOutboxRows.MinuteOf(since)));
            var minutes = new List<AttioOutboxMinute>();
            await using NpgsqlDataReader r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                minutes.Add(new AttioOutboxMinute(PostgresOutboxRows.Time(r, 0)!.Value, r.GetInt64(1), r.GetInt64(2)));
            }

            return minutes;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<AttioOutboxEntry>> ListAsync(AttioOutboxQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        string order = query.State == AttioOutboxState.Dead ? "DESC" : "ASC";
        return await _db.RunAsync<IReadOnlyList<AttioOutboxEntry>>("list rows", async c =>
        {
            await using var command = new NpgsqlCommand(
                $"SELECT {PostgresOutboxRows.Columns} FROM {_schema}.messages WHERE id > @after AND (@state IS NULL OR state = @state) ORDER BY id {order} LIMIT @limit", c);
            command.Parameters.AddWithValue("after", query.AfterId);
            command.Parameters.Add(new NpgsqlParameter("state", NpgsqlDbType.Smallint) { Value = query.State is { } s ? (short)s : DBNull.Value });
            command.Parameters.AddWithValue("limit", Math.Max(0, query.Limit));
            var rows = new List<AttioOutboxEntry>();
            await using NpgsqlDataReader r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(PostgresOutboxRows.ReadEntry(r));
            }

            return rows;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<int> RetryDeadAsync(long? id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _db.RunAsync("retry dead letters", async c =>
        {
            // The last error stays: the sender reads it to know an operator sent an uncertain create back on purpose.
            await using var command = new NpgsqlCommand(
                $"UPDATE {_schema}.messages SET state = 0, next_attempt_at = @now, attempts = 0, finished_at = NULL WHERE state = 3 AND (@id IS NULL OR id = @id)", c);
            command.Parameters.Add(PostgresOutboxRows.TimeParameter("now", now));
            command.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Bigint) { Value = id is { } v ? v : DBNull.Value });
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<int> PurgeDeadAsync(DateTimeOffset? olderThan, CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _db.RunAsync("purge dead letters", async c =>
        {
            await using var command = new NpgsqlCommand($"DELETE FROM {_schema}.messages WHERE state = 3 AND (@older IS NULL OR finished_at < @older)", c);
            command.Parameters.Add(PostgresOutboxRows.TimeParameter("older", olderThan));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<AttioLedgerEntry>> ReadLedgerAsync(IReadOnlyCollection<string> recordKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recordKeys);
        if (recordKeys.Count == 0)
        {
            return [];
        }

        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _db.RunAsync<IReadOnlyList<AttioLedgerEntry>>("read the ledger", async c =>
        {
            await using var command = new NpgsqlCommand(
                $"SELECT record_key, attribute_slug, event_time, value_hash, delivered_at FROM {_schema}.ledger WHERE record_key = ANY(@keys)", c);
            command.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = recordKeys.ToArray() });
            var entries = new List<AttioLedgerEntry>();
            await using NpgsqlDataReader r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new AttioLedgerEntry(r.GetString(0), r.GetString(1), PostgresOutboxRows.Time(r, 2)!.Value, r.GetString(3), PostgresOutboxRows.Time(r, 4)!.Value));
            }

            return entries;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask WriteLedgerAsync(IReadOnlyList<AttioLedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        // One statement for all: the last entry per (key, attribute) wins, as with one insert-or-replace after another.
        var latest = new Dictionary<(string, string), AttioLedgerEntry>();
        foreach (AttioLedgerEntry e in entries)
        {
            latest[(e.RecordKey, e.AttributeSlug)] = e;
        }

        AttioLedgerEntry[] rows = [.. latest.Values];
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await _db.RunAsync("write the ledger", async c =>
        {
            await using var command = new NpgsqlCommand($"""
                INSERT INTO {_schema}.ledger (record_key, attribute_slug, event_time, value_hash, delivered_at)
                SELECT * FROM unnest(@keys, @slugs, @times, @hashes, @delivered)
                ON CONFLICT (record_key, attribute_slug) DO UPDATE SET
                    event_time = EXCLUDED.event_time, value_hash = EXCLUDED.value_hash, delivered_at = EXCLUDED.delivered_at
                """, c);
            command.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(e => e.RecordKey).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("slugs", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(e => e.AttributeSlug).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("times", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(e => e.EventTime.UtcDateTime).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("hashes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(e => e.ValueHash).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("delivered", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(e => e.DeliveredAt.UtcDateTime).ToArray() });
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes claimed rows when every one is InFlight under <paramref name="lease"/> and the lease still carries its token
    /// (all or nothing). The lease row is share-locked in the same statement, so a takeover cannot slip in between. The owner is checked
    /// with the token: after a database fail-over that lost the last takeover's commit, two holders could carry one token.
    /// </summary>
    private async ValueTask<bool> FencedAsync(string what, AttioOutboxLease lease, long[] ids, string verb, string set,
        Action<NpgsqlCommand>? parameters, Func<NpgsqlConnection, NpgsqlTransaction, int, Task>? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        long[] distinct = [.. ids.Distinct()];
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _db.RunAsync(what, async c =>
        {
            await using NpgsqlTransaction tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            string target = verb == "DELETE" ? $"DELETE FROM {_schema}.messages" : $"UPDATE {_schema}.messages {set}";
            await using var command = new NpgsqlCommand($"""
                WITH l AS (SELECT 1 FROM {_schema}.lease WHERE id = 1 AND token = @token AND owner = @owner FOR SHARE)
                {target} WHERE id = ANY(@ids) AND state = 1 AND claim_token = @token AND EXISTS (SELECT 1 FROM l)
                """, c, tx);
            command.Parameters.AddWithValue("token", lease.Token);
            command.Parameters.AddWithValue("owner", lease.Owner);
            command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = distinct });
            parameters?.Invoke(command);
            int changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (changed != distinct.Length || (distinct.Length == 0 && !await HoldsLeaseAsync(c, tx, lease, cancellationToken).ConfigureAwait(false)))
            {
                await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }

            if (after is not null && changed > 0)
            {
                await after(c, tx, changed).ConfigureAwait(false);
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> HoldsLeaseAsync(NpgsqlConnection c, NpgsqlTransaction tx, AttioOutboxLease lease, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT 1 FROM {_schema}.lease WHERE id = 1 AND token = @token AND owner = @owner", c, tx);
        command.Parameters.AddWithValue("token", lease.Token);
        command.Parameters.AddWithValue("owner", lease.Owner);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    private async Task CountAsync(NpgsqlConnection c, NpgsqlTransaction tx, DateTimeOffset now, int delivered, int dead, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            UPDATE {_schema}.totals SET delivered = delivered + @delivered WHERE id = 1;
            INSERT INTO {_schema}.activity (minute, delivered, dead_lettered) VALUES (@minute, @delivered, @dead)
            ON CONFLICT (minute) DO UPDATE SET delivered = activity.delivered + EXCLUDED.delivered, dead_lettered = activity.dead_lettered + EXCLUDED.dead_lettered
            """, c, tx);
        command.Parameters.Add(PostgresOutboxRows.TimeParameter("minute", PostgresOutboxRows.MinuteOf(now)));
        command.Parameters.AddWithValue("delivered", (long)delivered);
        command.Parameters.AddWithValue("dead", (long)dead);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
