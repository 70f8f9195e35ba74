using System.Buffers;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Attio;

/// <summary>How rows and values travel between the outbox tables and the contract's records.</summary>
internal static class PostgresOutboxRows
{
    /// <summary>The columns <see cref="ReadEntry"/> expects, in its order.</summary>
    public const string Columns =
        "id, plan_json, record_keys::text, event_time, description, enqueued_at, state, attempts, next_attempt_at, " +
        "error_kind, error_status, error_code, error_message, error_execution_id, finished_at, progress, claim_token";

    public static AttioOutboxEntry ReadEntry(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        PlanJson = reader.GetString(1),
        RecordKeys = ParseKeys(reader.GetString(2)),
        EventTime = Time(reader, 3)!.Value,
        Description = reader.GetString(4),
        EnqueuedAt = Time(reader, 5)!.Value,
        State = (AttioOutboxState)reader.GetInt16(6),
        Attempts = reader.GetInt32(7),
        NextAttemptAt = Time(reader, 8)!.Value,
        LastError = reader.IsDBNull(9) ? null : new AttioOutboxError(
            reader.GetString(9),
            reader.IsDBNull(10) ? null : reader.GetInt32(10),
            reader.IsDBNull(11) ? null : reader.GetString(11),
            reader.IsDBNull(12) ? string.Empty : reader.GetString(12),
            reader.IsDBNull(13) ? null : reader.GetString(13)),
        FinishedAt = Time(reader, 14),
        Progress = reader.IsDBNull(15) ? null : reader.GetString(15),
        ClaimToken = reader.IsDBNull(16) ? null : reader.GetInt64(16),
    };

    public static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    /// <summary>Record keys as a JSON array: any text is a valid key, so no separator could be safe.</summary>
    public static string FormatKeys(IReadOnlyList<string> keys)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (string key in keys)
            {
                writer.WriteStringValue(key);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string[] ParseKeys(string json)
    {
        var keys = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                keys.Add(reader.GetString()!);
            }
        }

        return [.. keys];
    }

    /// <summary>Npgsql writes only UTC offsets to timestamptz; callers may pass any offset.</summary>
    public static NpgsqlParameter TimeParameter(string name, DateTimeOffset? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = value is { } v ? v.ToUniversalTime() : DBNull.Value };

    public static NpgsqlParameter TextParameter(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter IntParameter(string name, int? value) =>
        new(name, NpgsqlDbType.Integer) { Value = (object?)value ?? DBNull.Value };

    public static void AddError(NpgsqlCommand command, AttioOutboxError error)
    {
        command.Parameters.Add(TextParameter("error_kind", error.Kind));
        command.Parameters.Add(IntParameter("error_status", error.StatusCode));
        command.Parameters.Add(TextParameter("error_code", error.Code));
        command.Parameters.Add(TextParameter("error_message", error.Message));
        command.Parameters.Add(TextParameter("error_execution_id", error.ExecutionId));
    }

    public static DateTimeOffset MinuteOf(DateTimeOffset at)
    {
        DateTimeOffset utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
    }

    public static void Validate(IReadOnlyList<AttioOutboxMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        for (int i = 0; i < messages.Count; i++)
        {
            AttioOutboxMessage m = messages[i];
            if (m is null || string.IsNullOrEmpty(m.PlanJson) || m.RecordKeys is null || m.Description is null)
            {
                throw new ArgumentException($"Outbox message {i} is incomplete: it needs plan JSON, record keys and a description.", nameof(messages));
            }
        }
    }
}
