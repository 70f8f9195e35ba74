using Microsoft.Data.Sqlite;

namespace Attio;

/// <summary>The lease row and the claim walk; every method runs inside the caller's write transaction.</summary>
internal static class SqliteOutboxLeases
{
    public static AttioOutboxLease? Acquire(SqliteConnection connection, string owner, TimeSpan duration, DateTimeOffset now)
    {
        string? holder;
        long token, expiresAt;
        using (SqliteCommand read = connection.CreateCommand())
        {
            read.CommandText = "SELECT owner, token, expires_at FROM outbox_lease WHERE slot = 1";
            using SqliteDataReader reader = read.ExecuteReader();
            reader.Read();
            holder = reader.IsDBNull(0) ? null : reader.GetString(0);
            token = reader.GetInt64(1);
            expiresAt = reader.GetInt64(2);
        }

        bool held = holder is not null && expiresAt > SqliteOutboxRows.Ticks(now);
        if (held && holder != owner)
        {
            return null;
        }

        // A renewal keeps the token; anything else is a new holder, whose token fences off every earlier one.
        bool renewal = held && holder == owner;
        long newToken = renewal ? token : token + 1;
        DateTimeOffset expires = now + duration;
        using (SqliteCommand write = connection.CreateCommand())
        {
            write.CommandText = "UPDATE outbox_lease SET owner = $owner, token = $token, expires_at = $expires WHERE slot = 1";
            write.Parameters.AddWithValue("$owner", owner);
            write.Parameters.AddWithValue("$token", newToken);
            write.Parameters.AddWithValue("$expires", SqliteOutboxRows.Ticks(expires));
            write.ExecuteNonQuery();
        }

        if (!renewal)
        {
            // Rows claimed under older tokens lost their deliverer: back to Pending, due at once, their progress kept.
            using SqliteCommand recover = connection.CreateCommand();
            recover.CommandText = "UPDATE outbox_rows SET state = 0, next_attempt_at = MIN(next_attempt_at, $now) WHERE state = 1 AND (claim_token IS NULL OR claim_token < $token)";
            recover.Parameters.AddWithValue("$now", SqliteOutboxRows.Ticks(now));
            recover.Parameters.AddWithValue("$token", newToken);
            recover.ExecuteNonQuery();
        }

        return new AttioOutboxLease(owner, newToken, expires);
    }

    public static bool Release(SqliteConnection connection, AttioOutboxLease lease)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "UPDATE outbox_lease SET owner = NULL, expires_at = 0 WHERE slot = 1 AND token = $token AND owner = $owner";
        command.Parameters.AddWithValue("$token", lease.Token);
        command.Parameters.AddWithValue("$owner", lease.Owner);
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Whether <paramref name="lease"/> is still the newest: a fenced-off deliverer changes nothing.</summary>
    public static bool IsCurrent(SqliteConnection connection, AttioOutboxLease lease)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT token FROM outbox_lease WHERE slot = 1";
        return command.ExecuteScalar() is long token && token == lease.Token;
    }

    public static IReadOnlyList<AttioOutboxEntry> Claim(SqliteConnection connection, AttioOutboxLease lease, int maxRows, DateTimeOffset now)
    {
        if (maxRows < 1 || !IsCurrent(connection, lease))
        {
            return [];
        }

        List<long> ids = SelectClaimable(connection, maxRows, now);
        if (ids.Count == 0)
        {
            return [];
        }

        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE outbox_rows SET state = 1, claim_token = $token WHERE id = $id";
        update.Parameters.AddWithValue("$token", lease.Token);
        SqliteParameter id = update.Parameters.Add("$id", SqliteType.Integer);
        foreach (long claimed in ids)
        {
            id.Value = claimed;
            update.ExecuteNonQuery();
        }

        using var read = connection.CreateCommand();
        read.CommandText = $"SELECT {SqliteOutboxRows.Columns} FROM outbox_rows WHERE id IN (SELECT value FROM json_each($ids)) ORDER BY id";
        read.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids) + "]");
        return SqliteOutboxRows.ReadAll(read);
    }

    // The lane rule only looks backwards, so the rule applied to the first n unfinished rows gives exactly the claims among
    // them; once that is maxRows the rest cannot matter. Walking a growing prefix keeps a claim cheap with a deep backlog.
    private static List<long> SelectClaimable(SqliteConnection connection, int maxRows, DateTimeOffset now)
    {
        int prefix = Math.Max(64, maxRows * 4);
        while (true)
        {
            List<Lane> lanes = ReadLanes(connection, prefix);
            List<Lane> claimed = AttioOutboxLanes.SelectClaimable(
                lanes, lane => lane.Id, lane => lane.State, lane => lane.NextAttemptAt, lane => lane.Keys, maxRows, now);
            if (claimed.Count >= maxRows || lanes.Count < prefix)
            {
                return claimed.ConvertAll(lane => lane.Id);
            }

            prefix = checked(prefix * 4);
        }
    }

    private static List<Lane> ReadLanes(SqliteConnection connection, int limit)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT id, state, next_attempt_at, record_keys FROM outbox_rows WHERE state IN (0, 1) ORDER BY id LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        var lanes = new List<Lane>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            lanes.Add(new Lane(reader.GetInt64(0), (AttioOutboxState)reader.GetInt32(1), SqliteOutboxRows.Time(reader.GetInt64(2)),
                SqliteOutboxRows.DecodeKeys(reader.GetString(3))));
        }

        return lanes;
    }

    private sealed record Lane(long Id, AttioOutboxState State, DateTimeOffset NextAttemptAt, string[] Keys);
}
