using Npgsql;
using NpgsqlTypes;

namespace Attio;

/// <summary>Inserts messages with one statement (arrays unnested server-side), in the store's or the caller's transaction.</summary>
internal static class PostgresOutboxInserter
{
    public static async Task<long[]> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string schema,
        IReadOnlyList<AttioOutboxMessage> messages, DateTimeOffset? clock, CancellationToken cancellationToken)
    {
        int count = messages.Count;
        var plans = new string[count];
        var keys = new string[count];
        var times = new DateTime[count];
        var descriptions = new string[count];
        for (int i = 0; i < count; i++)
        {
            AttioOutboxMessage m = messages[i];
            plans[i] = m.PlanJson;
            keys[i] = PostgresOutboxRows.FormatKeys(m.RecordKeys);
            times[i] = m.EventTime.UtcDateTime;
            descriptions[i] = m.Description;
        }

        // The identity is drawn in ORDER BY o order, so sorting the returned ids gives the caller's order back.
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {schema}.messages (plan_json, record_keys, event_time, description, enqueued_at, state, attempts, next_attempt_at)
            SELECT u.p, u.k::jsonb, u.t, u.d, c.now, 0, 0, c.now
            FROM unnest(@plans, @keys, @times, @descriptions) WITH ORDINALITY AS u(p, k, t, d, o)
            CROSS JOIN (SELECT coalesce(@clock, now()) AS now) c
            ORDER BY u.o
            RETURNING id
            """, connection, tx);
        command.Parameters.Add(new NpgsqlParameter("plans", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = plans });
        command.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys });
        command.Parameters.Add(new NpgsqlParameter("times", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = times });
        command.Parameters.Add(new NpgsqlParameter("descriptions", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = descriptions });
        command.Parameters.Add(PostgresOutboxRows.TimeParameter("clock", clock));
        var ids = new long[count];
        int n = 0;
        await using (NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids[n++] = reader.GetInt64(0);
            }
        }

        Array.Sort(ids);
        return ids;
    }
}
