using Npgsql;

namespace Attio.Outbox.Tests.PostgreSql;

/// <summary>
/// The PostgreSQL the tests run against: ATTIO_TEST_POSTGRES (set by <c>.ci/run</c> from build/postgres.sh). Absent on a
/// developer machine, the tests skip with how to start one; in CI (CI=true) absent or unreachable is a failure, so a
/// broken database can never turn into a quiet gap. Each test class works in schemas of its own and drops them.
/// </summary>
internal static class PostgresTestDatabase
{
    public const string Variable = "ATTIO_TEST_POSTGRES";
    private static readonly Lazy<Task<string?>> Reachable = new(CheckAsync);

    /// <summary>The connection string, or a skip (developer machine) / failure (CI) with the reason.</summary>
    public static async Task<string> RequireAsync()
    {
        string? problem = await Reachable.Value;
        if (problem is null)
        {
            return Environment.GetEnvironmentVariable(Variable)!;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"CI=true and {problem}: .ci/run starts PostgreSQL with build/postgres.sh and exports {Variable}.");
        }

        throw new SkipException($"{problem}. To run the PostgreSQL tests: eval \"$(bash build/postgres.sh start)\" (exports {Variable}).");
    }

    /// <summary>A schema name no other test uses.</summary>
    public static string NewSchema(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];

    public static async Task DropSchemasAsync(string connectionString, IEnumerable<string> schemas)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (string schema in schemas.Distinct())
        {
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<string?> CheckAsync()
    {
        string? connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"{Variable} is not set";
        }

        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or TimeoutException)
        {
            string password = new NpgsqlConnectionStringBuilder { ConnectionString = connectionString }.Password ?? "\0";
            return $"{Variable} is set but PostgreSQL is unreachable ({ex.Message.Replace(password, "***", StringComparison.Ordinal)})";
        }
    }
}
