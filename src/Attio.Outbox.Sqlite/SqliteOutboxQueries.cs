using Microsoft.Data.Sqlite;

namespace Attio;

/// <summary>The read side: status, activity, lists and the ledger.</summary>
internal static class SqliteOutboxQueries
{
    public static AttioOutboxStatus Status(SqliteConnection connection)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT
              (SELECT COUNT(*) FROM outbox_rows WHERE state = 0),
              (SELECT COUNT(*) FROM outbox_rows WHERE state = 1),
              (SELECT COUNT(*) FROM outbox_rows WHERE state = 3),
              (SELECT value FROM outbox_meta WHERE key = 'delivered_total'),
              (SELECT MIN(enqueued_at) FROM outbox_rows WHERE state IN (0, 1))
            """;
        using SqliteDataReader reader = command.ExecuteReader();
        reader.Read();
        return new AttioOutboxStatus(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            reader.IsDBNull(4) ? null : SqliteOutboxRows.Time(reader.GetInt64(4)));
    }

    public static IReadOnlyList<AttioOutboxMinute> Activity(SqliteConnection connection, DateTimeOffset since)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT minute, delivered, dead FROM outbox_activity WHERE minute >= $since ORDER BY minute";
        command.Parameters.AddWithValue("$since", since.UtcTicks / TimeSpan.TicksPerMinute);
        var minutes = new List<AttioOutboxMinute>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            minutes.Add(new AttioOutboxMinute(SqliteOutboxRows.Time(reader.GetInt64(0) * TimeSpan.TicksPerMinute), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return minutes;
    }

    public static IReadOnlyList<AttioOutboxEntry> List(SqliteConnection connection, AttioOutboxQuery query)
    {
        using SqliteCommand command = connection.CreateCommand();
        string filter = query.State is null ? string.Empty : " AND state = $state";
        string order = query.State == AttioOutboxState.Dead ? "DESC" : "ASC";
        command.CommandText = $"SELECT {SqliteOutboxRows.Columns} FROM outbox_rows WHERE id > $after{filter} ORDER BY id {order} LIMIT $limit";
        command.Parameters.AddWithValue("$after", query.AfterId);
        command.Parameters.AddWithValue("$state", (object?)(int?)query.State ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", Math.Max(0, query.Limit));
        return SqliteOutboxRows.ReadAll(command);
    }

    public static IReadOnlyList<AttioLedgerEntry> ReadLedger(SqliteConnection connection, IReadOnlyCollection<string> recordKeys)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT record_key, attribute, event_time, value_hash, delivered_at FROM outbox_ledger
            WHERE record_key IN (SELECT value FROM json_each($keys)) ORDER BY record_key, attribute
            """;
        command.Parameters.AddWithValue("$keys", SqliteOutboxRows.EncodeKeys([.. recordKeys]));
        var entries = new List<AttioLedgerEntry>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new AttioLedgerEntry(reader.GetString(0), reader.GetString(1), SqliteOutboxRows.Time(reader.GetInt64(2)),
                reader.GetString(3), SqliteOutboxRows.Time(reader.GetInt64(4))));
        }

        return entries;
    }

    public static bool WriteLedger(SqliteConnection connection, IReadOnlyList<AttioLedgerEntry> entries)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR REPLACE INTO outbox_ledger (record_key, attribute, event_time, value_hash, delivered_at)
            VALUES ($key, $attribute, $event, $hash, $delivered)
            """;
        SqliteParameter key = command.Parameters.Add("$key", SqliteType.Text);
        SqliteParameter attribute = command.Parameters.Add("$attribute", SqliteType.Text);
        SqliteParameter eventTime = command.Parameters.Add("$event", SqliteType.Integer);
        SqliteParameter hash = command.Parameters.Add("$hash", SqliteType.Text);
        SqliteParameter delivered = command.Parameters.Add("$delivered", SqliteType.Integer);
        foreach (AttioLedgerEntry entry in entries)
        {
            key.Value = entry.RecordKey;
            attribute.Value = entry.AttributeSlug;
            eventTime.Value = entry.EventTime.UtcTicks;
            hash.Value = entry.ValueHash;
            delivered.Value = entry.DeliveredAt.UtcTicks;
            command.ExecuteNonQuery();
        }

        return true;
    }
}
