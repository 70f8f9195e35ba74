using Microsoft.Data.Sqlite;

namespace Attio;

/// <summary>The file's tables. Times are UTC ticks (exact round trip of DateTimeOffset); states are AttioOutboxState values.</summary>
internal static class SqliteOutboxSchema
{
    public const int Version = 1;

    // Delivered rows are deleted (the per-minute counts keep what the dashboard needs), so outbox_rows holds only unfinished
    // rows and dead letters. The partial index is the claim's walk: unfinished rows in id order, nothing else.
    // AUTOINCREMENT: ids are never reused after a delete, so an id printed by the CLI always means one event.
    private const string Create = """
        CREATE TABLE IF NOT EXISTS outbox_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS outbox_rows (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            plan_json TEXT NOT NULL,
            record_keys TEXT NOT NULL,
            event_time INTEGER NOT NULL,
            description TEXT NOT NULL,
            enqueued_at INTEGER NOT NULL,
            state INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            error_kind TEXT, error_status INTEGER, error_code TEXT, error_message TEXT, error_execution_id TEXT,
            finished_at INTEGER,
            progress TEXT,
            claim_token INTEGER);
        CREATE INDEX IF NOT EXISTS outbox_unfinished ON outbox_rows (id) WHERE state IN (0, 1);
        CREATE INDEX IF NOT EXISTS outbox_dead ON outbox_rows (finished_at) WHERE state = 3;
        CREATE TABLE IF NOT EXISTS outbox_lease (
            slot INTEGER PRIMARY KEY CHECK (slot = 1), owner TEXT, token INTEGER NOT NULL, expires_at INTEGER NOT NULL);
        INSERT OR IGNORE INTO outbox_lease (slot, owner, token, expires_at) VALUES (1, NULL, 0, 0);
        CREATE TABLE IF NOT EXISTS outbox_activity (
            minute INTEGER PRIMARY KEY, delivered INTEGER NOT NULL DEFAULT 0, dead INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS outbox_ledger (
            record_key TEXT NOT NULL, attribute TEXT NOT NULL, event_time INTEGER NOT NULL, value_hash TEXT NOT NULL,
            delivered_at INTEGER NOT NULL, PRIMARY KEY (record_key, attribute)) WITHOUT ROWID;
        INSERT OR IGNORE INTO outbox_meta (key, value) VALUES ('delivered_total', 0);
        """;

    /// <summary>Creates the tables of a new file, or checks the version of an existing one.</summary>
    public static void CreateOrCheck(SqliteConnection connection, string path)
    {
        using SqliteTransaction transaction = connection.BeginTransaction();
        long? version = null;
        if (TableExists(connection, "outbox_meta"))
        {
            using SqliteCommand read = connection.CreateCommand();
            read.CommandText = "SELECT value FROM outbox_meta WHERE key = 'schema_version'";
            version = read.ExecuteScalar() is long v ? v : null;
        }

        if (version > Version)
        {
            throw new AttioOutboxException(
                $"The Attio outbox '{path}' has schema version {version}, newer than this package understands ({Version}); " +
                "update Attio.Outbox.Sqlite instead of opening it with an older version.");
        }

        using SqliteCommand create = connection.CreateCommand();
        create.CommandText = Create + $"INSERT OR REPLACE INTO outbox_meta (key, value) VALUES ('schema_version', {Version});";
        create.ExecuteNonQuery();
        transaction.Commit();
    }

    private static bool TableExists(SqliteConnection connection, string name)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", name);
        return command.ExecuteScalar() is not null;
    }
}
