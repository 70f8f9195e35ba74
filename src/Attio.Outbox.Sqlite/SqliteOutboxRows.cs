using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;

namespace Attio;

/// <summary>Reading and writing outbox rows: column lists, time and key encodings.</summary>
internal static class SqliteOutboxRows
{
    public const string Columns =
        "id, plan_json, record_keys, event_time, description, enqueued_at, state, attempts, next_attempt_at, " +
        "error_kind, error_status, error_code, error_message, error_execution_id, finished_at, progress, claim_token";

    public static long Ticks(DateTimeOffset time) => time.UtcTicks;

    public static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    public static string EncodeKeys(IReadOnlyList<string> keys) =>
        JsonSerializer.Serialize(keys as string[] ?? [.. keys], SqliteOutboxJson.Default.StringArray);

    public static string[] DecodeKeys(string json) => JsonSerializer.Deserialize(json, SqliteOutboxJson.Default.StringArray) ?? [];

    public static AttioOutboxEntry Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        PlanJson = reader.GetString(1),
        RecordKeys = DecodeKeys(reader.GetString(2)),
        EventTime = Time(reader.GetInt64(3)),
        Description = reader.GetString(4),
        EnqueuedAt = Time(reader.GetInt64(5)),
        State = (AttioOutboxState)reader.GetInt32(6),
        Attempts = reader.GetInt32(7),
        NextAttemptAt = Time(reader.GetInt64(8)),
        LastError = reader.IsDBNull(9)
            ? null
            : new AttioOutboxError(
                reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetInt32(10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? string.Empty : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetString(13)),
        FinishedAt = reader.IsDBNull(14) ? null : Time(reader.GetInt64(14)),
        Progress = reader.IsDBNull(15) ? null : reader.GetString(15),
        ClaimToken = reader.IsDBNull(16) ? null : reader.GetInt64(16),
    };

    public static List<AttioOutboxEntry> ReadAll(SqliteCommand command)
    {
        var entries = new List<AttioOutboxEntry>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    /// <summary>Sets $kind, $status, $code, $message, $execution for an error.</summary>
    public static void AddError(SqliteCommand command, AttioOutboxError error)
    {
        command.Parameters.AddWithValue("$kind", error.Kind);
        command.Parameters.AddWithValue("$status", (object?)error.StatusCode ?? DBNull.Value);
        command.Parameters.AddWithValue("$code", (object?)error.Code ?? DBNull.Value);
        command.Parameters.AddWithValue("$message", error.Message);
        command.Parameters.AddWithValue("$execution", (object?)error.ExecutionId ?? DBNull.Value);
    }

    public const string ErrorAssignments =
        "error_kind = $kind, error_status = $status, error_code = $code, error_message = $message, error_execution_id = $execution";
}

/// <summary>Record keys are stored as a JSON array; generated serialization keeps the package trimming-safe.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class SqliteOutboxJson : JsonSerializerContext;
