using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace Attio;

/// <summary>
/// An outbox in PostgreSQL, shared by every instance of an app: any instance enqueues (also inside its own transaction,
/// <see cref="EnqueueAsync(AttioOutboxMessage, NpgsqlTransaction, CancellationToken)"/>), one instance at a time delivers
/// under the lease, and every change to a claimed row is fenced in SQL by the lease's token. See docs/scale-out.md.
/// </summary>
public sealed partial class PostgresAttioOutbox : IAttioOutbox
{
    private readonly PostgresAttioOutboxOptions _options;
    private readonly PostgresOutboxDatabase _db;
    private readonly PostgresEnqueueBatcher _batcher;
    private readonly string _schema;
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private volatile bool _initialized;

    /// <summary>An outbox in the schema <c>attio_outbox</c> of the database <paramref name="connectionString"/> names, created when missing.</summary>
    public PostgresAttioOutbox(string connectionString)
        : this(new PostgresAttioOutboxOptions { ConnectionString = connectionString })
    {
    }

    /// <summary>An outbox with explicit settings.</summary>
    public PostgresAttioOutbox(PostgresAttioOutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        if (!SchemaName().IsMatch(options.Schema ?? string.Empty))
        {
            throw new ArgumentException(
                $"The PostgreSQL outbox schema name '{options.Schema}' is not valid: expected a lower-case identifier (letters, digits, '_', at most 63 characters, not starting with a digit).",
                nameof(options));
        }

        if (options.ClaimScanLimit < 1 || options.MaxEnqueueBatch < 1)
        {
            throw new ArgumentException("ClaimScanLimit and MaxEnqueueBatch must be at least 1.", nameof(options));
        }

        _options = options;
        _schema = options.Schema!;
        _db = new PostgresOutboxDatabase(options.ConnectionString, _schema);
        _batcher = new PostgresEnqueueBatcher(CommitBatchAsync, options.MaxEnqueueBatch);
    }

    /// <summary>The schema version this package reads and writes (what <see cref="MigrateAsync"/> brings a schema to).</summary>
    public static int SchemaVersion => PostgresOutboxMigrations.Latest;

    /// <inheritdoc />
    public string Description => _db.Description;

    /// <inheritdoc />
    public async ValueTask InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_initialized)
        {
            return;
        }

        await _initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_initialized)
            {
                if (_options.AutoMigrate)
                {
                    await MigrateAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await CheckVersionAsync(cancellationToken).ConfigureAwait(false);
                }

                _initialized = true;
            }
        }
        finally
        {
            _initGate.Release();
        }
    }

    /// <summary>
    /// Creates or upgrades the outbox tables (what <c>attio outbox migrate --postgres</c> runs). Safe to run again and from
    /// several instances at once. Returns how many migrations ran: 0 when the schema was already current.
    /// </summary>
    public async ValueTask<int> MigrateAsync(CancellationToken cancellationToken = default) =>
        await _db.RunAsync("migrate its tables", c => PostgresOutboxMigrations.MigrateAsync(c, _schema, cancellationToken), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<long> EnqueueAsync(AttioOutboxMessage message, CancellationToken cancellationToken = default) =>
        (await EnqueueManyAsync([message], cancellationToken).ConfigureAwait(false))[0];

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<long>> EnqueueManyAsync(IReadOnlyList<AttioOutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        PostgresOutboxRows.Validate(messages);
        if (messages.Count == 0)
        {
            return [];
        }

        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _batcher.EnqueueAsync(messages, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores <paramref name="event"/> in the caller's transaction, validated and planned as <see cref="AttioSender"/>
    /// does: the event exists if and only if the caller commits, and a sender on this outbox (in any instance) delivers it
    /// after the commit. An invalid event throws <see cref="AttioValidationException"/> before anything is written.
    /// </summary>
    public ValueTask<long> EnqueueAsync(AttioDeliveryEvent @event, NpgsqlTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@event);
        DateTimeOffset now = (_options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return EnqueueAsync(AttioOutboxMessage.FromEvent(@event, now), transaction, cancellationToken);
    }

    /// <summary>
    /// Stores <paramref name="message"/> in the caller's transaction: the row exists if and only if the caller commits
    /// (the transactional outbox). Returns its id; delivery may start once the caller commits.
    /// </summary>
    public async ValueTask<long> EnqueueAsync(AttioOutboxMessage message, NpgsqlTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await EnqueueAsync(message, transaction.Connection ?? throw new ArgumentException("The transaction is already finished.", nameof(transaction)), transaction, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores <paramref name="message"/> on the caller's open connection, in <paramref name="transaction"/> when given
    /// (else committed at once). The connection must reach the database this outbox was created for.
    /// </summary>
    public async ValueTask<long> EnqueueAsync(AttioOutboxMessage message, NpgsqlConnection connection, NpgsqlTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        PostgresOutboxRows.Validate([message]);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            long[] ids = await PostgresOutboxInserter.InsertAsync(connection, transaction, _schema, [message], Clock(), cancellationToken).ConfigureAwait(false);
            return ids[0];
        }
        catch (NpgsqlException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw _db.Fail("enqueue in the caller's transaction", ex);
        }
    }

    /// <inheritdoc />
    public async ValueTask<AttioOutboxLease?> AcquireLeaseAsync(string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "The lease duration must be positive.");
        }

        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _db.RunAsync("take the delivery lease", async c =>
        {
            await using NpgsqlTransaction tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            string holder;
            long token;
            DateTimeOffset? expires;
            DateTimeOffset now;
            await using (var read = new NpgsqlCommand($"SELECT owner, token, expires_at, coalesce(@clock, now()) FROM {_schema}.lease WHERE id = 1 FOR UPDATE", c, tx))
            {
                read.Parameters.Add(PostgresOutboxRows.TimeParameter("clock", Clock()));
                await using NpgsqlDataReader r = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new AttioOutboxException($"The Attio outbox ({Description}) has no lease row; run `attio outbox migrate --postgres`.");
                }

                (holder, token, expires, now) = (r.GetString(0), r.GetInt64(1), PostgresOutboxRows.Time(r, 2), PostgresOutboxRows.Time(r, 3)!.Value);
            }

            // The same owner renews even after expiry: nobody took over, so its token is still the newest.
            bool renewal = holder == owner;
            if (!renewal && holder.Length > 0 && expires > now)
            {
                return null;
            }

            long newToken = renewal ? token : token + 1;
            DateTimeOffset expiresAt = now + duration;
            await using (var write = new NpgsqlCommand($"UPDATE {_schema}.lease SET owner = @owner, token = @token, expires_at = @expires WHERE id = 1", c, tx))
            {
                write.Parameters.AddWithValue("owner", owner);
                write.Parameters.AddWithValue("token", newToken);
                write.Parameters.Add(PostgresOutboxRows.TimeParameter("expires", expiresAt));
                await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (!renewal)
            {
                // Rows the previous holder claimed go back to the queue, keeping their progress.
                await using var recover = new NpgsqlCommand($"UPDATE {_schema}.messages SET state = 0 WHERE state = 1 AND claim_token < @token", c, tx);
                recover.Parameters.AddWithValue("token", newToken);
                await recover.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new AttioOutboxLease(owner, newToken, expiresAt);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> ReleaseLeaseAsync(AttioOutboxLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _db.RunAsync("release the delivery lease", async c =>
        {
            // The token stays: the next holder's is still higher than every earlier one.
            await using var command = new NpgsqlCommand($"UPDATE {_schema}.lease SET owner = '', expires_at = NULL WHERE id = 1 AND token = @token AND owner = @owner", c);
            command.Parameters.AddWithValue("token", lease.Token);
            command.Parameters.AddWithValue("owner", lease.Owner);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<AttioOutboxEntry>> ClaimAsync(AttioOutboxLease lease, int maxRows, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (maxRows <= 0)
        {
            return [];
        }

        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _db.RunAsync<IReadOnlyList<AttioOutboxEntry>>("claim rows", async c =>
        {
            await using NpgsqlTransaction tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // FOR SHARE holds off a takeover until this claim commits, and a claim after a takeover finds no lease.
            await using (var guard = new NpgsqlCommand($"SELECT 1 FROM {_schema}.lease WHERE id = 1 AND token = @token AND owner = @owner FOR SHARE", c, tx))
            {
                guard.Parameters.AddWithValue("token", lease.Token);
                guard.Parameters.AddWithValue("owner", lease.Owner);
                if (await guard.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
                {
                    return [];
                }
            }

            // Reads the head of the queue, growing the window only while it yields fewer than maxRows: a claim decision
            // depends only on earlier rows, so a longer read cannot change what a shorter one picked.
            long[] ids;
            int window = Math.Min(_options.ClaimScanLimit, Math.Max(64, maxRows * 4));
            while (true)
            {
                List<(long Id, AttioOutboxState State, DateTimeOffset Due, string[] Keys)> head = await ReadHeadAsync(c, tx, window, cancellationToken).ConfigureAwait(false);
                ids = [.. AttioOutboxLanes.SelectClaimable(head, h => h.Id, h => h.State, h => h.Due, h => h.Keys, maxRows, now).Select(h => h.Id)];
                if (ids.Length >= maxRows || head.Count < window || window >= _options.ClaimScanLimit)
                {
                    break;
                }

                window = Math.Min(_options.ClaimScanLimit, window * 4);
            }

            if (ids.Length == 0)
            {
                return [];
            }

            var claimed = new List<AttioOutboxEntry>(ids.Length);
            await using (var take = new NpgsqlCommand($"UPDATE {_schema}.messages SET state = 1, claim_token = @token WHERE id = ANY(@ids) AND state = 0 RETURNING {PostgresOutboxRows.Columns}", c, tx))
            {
                take.Parameters.AddWithValue("token", lease.Token);
                take.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids });
                await using NpgsqlDataReader r = await take.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    claimed.Add(PostgresOutboxRows.ReadEntry(r));
                }
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
            return claimed;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<(long Id, AttioOutboxState State, DateTimeOffset Due, string[] Keys)>> ReadHeadAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, int limit, CancellationToken cancellationToken)
    {
        var head = new List<(long Id, AttioOutboxState State, DateTimeOffset Due, string[] Keys)>();
        await using var scan = new NpgsqlCommand($"SELECT id, state, next_attempt_at, record_keys::text FROM {_schema}.messages WHERE state IN (0, 1) ORDER BY id LIMIT @limit", c, tx);
        scan.Parameters.AddWithValue("limit", limit);
        await using NpgsqlDataReader r = await scan.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            head.Add((r.GetInt64(0), (AttioOutboxState)r.GetInt16(1), PostgresOutboxRows.Time(r, 2)!.Value, PostgresOutboxRows.ParseKeys(r.GetString(3))));
        }

        return head;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync().ConfigureAwait(false);
        _initGate.Dispose();
    }

    /// <summary>The clock parameter: null lets the database's now() decide, so instances agree whatever their own clocks say.</summary>
    private DateTimeOffset? Clock() => _options.TimeProvider?.GetUtcNow();

    private async Task CheckVersionAsync(CancellationToken cancellationToken)
    {
        int version = await _db.RunAsync("read its schema version", c => PostgresOutboxMigrations.ReadVersionAsync(c, null, _schema, cancellationToken), cancellationToken).ConfigureAwait(false);
        PostgresOutboxMigrations.ThrowIfNewer(_schema, version);
        if (version < PostgresOutboxMigrations.Latest)
        {
            throw new AttioOutboxException(
                $"The Attio outbox ({Description}) is at schema version {version}, this package needs {PostgresOutboxMigrations.Latest}, and AutoMigrate is off: run `attio outbox migrate --postgres CONN`.");
        }
    }

    private Task<long[]> CommitBatchAsync(IReadOnlyList<AttioOutboxMessage> messages) =>
        _db.RunAsync("enqueue", async c =>
        {
            await using NpgsqlTransaction tx = await c.BeginTransactionAsync().ConfigureAwait(false);
            // Serialises the store's own enqueue commits across the fleet, so ids become visible in id order and a claim
            // never passes over a lower id that commits later. (The caller-transaction overload cannot hold this lock for
            // the caller's whole transaction; there the ledger's event times keep the newer value winning.)
            await using (var order = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", c, tx))
            {
                order.Parameters.AddWithValue("key", PostgresOutboxMigrations.AdvisoryKey("enqueue", _schema));
                await order.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            long[] ids = await PostgresOutboxInserter.InsertAsync(c, tx, _schema, messages, Clock(), CancellationToken.None).ConfigureAwait(false);
            await tx.CommitAsync().ConfigureAwait(false);
            return ids;
        }, CancellationToken.None);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
