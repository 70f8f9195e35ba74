using Npgsql;

namespace Attio;

/// <summary>
/// The versioned schema of the outbox. Each migration runs once, recorded in <c>schema_version</c>; all of them run in
/// one transaction under an advisory lock keyed by the schema, so instances starting together wait for each other
/// instead of racing on <c>CREATE TABLE</c>.
/// </summary>
internal static class PostgresOutboxMigrations
{
    /// <summary>The schema version this package reads and writes.</summary>
    public const int Latest = 1;

    private static readonly string[] Steps =
    [
        // 1: the queue, the lease, the counters and the ledger.
        """
        CREATE TABLE {0}.messages (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            plan_json text NOT NULL,
            record_keys jsonb NOT NULL,
            event_time timestamptz NOT NULL,
            description text NOT NULL,
            enqueued_at timestamptz NOT NULL,
            state smallint NOT NULL,
            attempts integer NOT NULL DEFAULT 0,
            next_attempt_at timestamptz NOT NULL,
            error_kind text,
            error_status integer,
            error_code text,
            error_message text,
            error_execution_id text,
            finished_at timestamptz,
            progress text,
            claim_token bigint);
        CREATE INDEX messages_unfinished ON {0}.messages (id) WHERE state IN (0, 1);
        CREATE INDEX messages_dead ON {0}.messages (id) WHERE state = 3;
        CREATE TABLE {0}.lease (
            id integer PRIMARY KEY CHECK (id = 1),
            owner text NOT NULL,
            token bigint NOT NULL,
            expires_at timestamptz);
        INSERT INTO {0}.lease (id, owner, token, expires_at) VALUES (1, '', 0, NULL);
        CREATE TABLE {0}.totals (
            id integer PRIMARY KEY CHECK (id = 1),
            delivered bigint NOT NULL);
        INSERT INTO {0}.totals (id, delivered) VALUES (1, 0);
        CREATE TABLE {0}.activity (
            minute timestamptz PRIMARY KEY,
            delivered bigint NOT NULL DEFAULT 0,
            dead_lettered bigint NOT NULL DEFAULT 0);
        CREATE TABLE {0}.ledger (
            record_key text NOT NULL,
            attribute_slug text NOT NULL,
            event_time timestamptz NOT NULL,
            value_hash text NOT NULL,
            delivered_at timestamptz NOT NULL,
            PRIMARY KEY (record_key, attribute_slug));
        """,
    ];

    /// <summary>Applies the missing migrations; returns how many ran (0 when the schema was current).</summary>
    public static async Task<int> MigrateAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using NpgsqlTransaction tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", AdvisoryKey("migrate", schema))).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, $"""
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {schema}.schema_version (
                version integer PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now());
            """, cancellationToken).ConfigureAwait(false);
        int current = await ReadVersionAsync(connection, tx, schema, cancellationToken).ConfigureAwait(false);
        ThrowIfNewer(schema, current);
        for (int version = current + 1; version <= Latest; version++)
        {
            await ExecuteAsync(connection, tx, string.Format(System.Globalization.CultureInfo.InvariantCulture, Steps[version - 1], schema), cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, tx, $"INSERT INTO {schema}.schema_version (version) VALUES (@v)", cancellationToken, ("v", version)).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Latest - current;
    }

    /// <summary>The schema's version without changing anything: 0 when the outbox tables do not exist.</summary>
    public static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string schema, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection, tx);
        exists.Parameters.AddWithValue("table", schema + ".schema_version");
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            return 0;
        }

        await using var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {schema}.schema_version", connection, tx);
        return (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>A store must not write rows whose meaning a newer package changed.</summary>
    public static void ThrowIfNewer(string schema, int version)
    {
        if (version > Latest)
        {
            throw new AttioOutboxException(
                $"The PostgreSQL outbox schema '{schema}' is at version {version}, newer than this package understands ({Latest}). Upgrade Attio.Outbox.PostgreSql.");
        }
    }

    /// <summary>The advisory lock key of one purpose in one schema (schemas are separate outboxes and never contend).</summary>
    public static long AdvisoryKey(string purpose, string schema)
    {
        // FNV-1a: stable across processes and runtimes (string.GetHashCode is randomised per process).
        ulong hash = 14695981039346656037UL;
        foreach (char c in "attio-outbox:" + purpose + ":" + schema)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        foreach ((string name, object value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
