using Attio.Cli.Tests.Infrastructure;
using Attio.Outbox.Tests.PostgreSql;
using Npgsql;

namespace Attio.Cli.Tests;

/// <summary><c>attio outbox ... --postgres CONN</c> and <c>attio outbox migrate</c> against a real PostgreSQL; the password is never printed.</summary>
public sealed class OutboxPostgresCommandTests : IAsyncLifetime
{
    private readonly List<string> _schemas = [];
    private string _connectionString = string.Empty;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_connectionString.Length > 0)
        {
            await PostgresTestDatabase.DropSchemasAsync(_connectionString, _schemas);
        }
    }

    [SkippableFact]
    public async Task Migrate_creates_the_tables_once_and_then_reports_up_to_date()
    {
        string schema = await NewSchemaAsync();

        CliResult first = await Tool.RunAsync("outbox", "migrate", "--postgres", _connectionString, "--schema", schema);
        CliResult again = await Tool.RunAsync("outbox", "migrate", "--postgres", _connectionString, "--schema", schema);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"Applied 1 migration(s) to PostgreSQL", first.Stdout);
        Assert.Contains($"schema {schema}: schema version 1", first.Stdout);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("is up to date (schema version 1)", again.Stdout);
        AssertNoPassword(first, again);
    }

    [SkippableFact]
    public async Task Status_list_retry_and_purge_work_on_a_postgres_outbox()
    {
        string schema = await NewSchemaAsync();
        await using (var outbox = new PostgresAttioOutbox(new PostgresAttioOutboxOptions { ConnectionString = _connectionString, Schema = schema }))
        {
            IReadOnlyList<long> ids = await outbox.EnqueueManyAsync([Message("identify user-1", "k1"), Message("identify user-2", "k2"), Message("identify user-3", "k3")]);
            AttioOutboxLease lease = (await outbox.AcquireLeaseAsync("cli-test", TimeSpan.FromSeconds(15)))!;
            await outbox.ClaimAsync(lease, 1, DateTimeOffset.UtcNow.AddMinutes(1));
            Assert.True(await outbox.DeadLetterAsync(lease, ids[0], new AttioOutboxError("permanent", 400, "validation_type", "Bad email", "exec-42"), DateTimeOffset.UtcNow));
        }

        CliResult status = await Tool.RunAsync("outbox", "status", "--postgres", _connectionString, "--schema", schema);
        CliResult dead = await Tool.RunAsync("outbox", "list", "--dead", "--postgres", _connectionString, "--schema", schema);
        CliResult retry = await Tool.RunAsync("outbox", "retry", "--all", "--postgres", _connectionString, "--schema", schema);
        CliResult after = await Tool.RunAsync("outbox", "status", "--postgres", _connectionString, "--schema", schema);
        CliResult purge = await Tool.RunAsync("outbox", "purge", "--dead", "--postgres", _connectionString, "--schema", schema);

        Assert.Equal(0, status.ExitCode);
        Assert.Contains("pending:      2", status.Stdout);
        Assert.Contains("dead letters: 1", status.Stdout);
        Assert.Equal(0, dead.ExitCode);
        Assert.Contains("identify user-1", dead.Stdout);
        Assert.Contains("validation_type", dead.Stdout);
        Assert.Contains("exec-42", dead.Stdout);
        Assert.Contains("Returned 1 dead letter(s) to pending.", retry.Stdout);
        Assert.Contains("pending:      3", after.Stdout);
        Assert.Contains("Purged 0 dead letter(s).", purge.Stdout);
        AssertNoPassword(status, dead, retry, after, purge);
    }

    [SkippableFact]
    public async Task A_schema_that_was_never_migrated_is_an_error_naming_migrate_and_nothing_is_created()
    {
        string schema = await NewSchemaAsync();

        CliResult result = await Tool.RunAsync("outbox", "status", "--postgres", _connectionString, "--schema", schema);

        Assert.Equal(8, result.ExitCode);
        Assert.Contains("attio outbox migrate --postgres", result.Stderr);
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM information_schema.schemata WHERE schema_name = @s", connection);
        exists.Parameters.AddWithValue("s", schema);
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
        AssertNoPassword(result);
    }

    [SkippableFact]
    public async Task A_wrong_password_or_a_misspelt_option_never_prints_the_password()
    {
        await NewSchemaAsync();
        const string Secret = "Wr0ng-pa55word-for-the-cli";
        string wrong = new NpgsqlConnectionStringBuilder(_connectionString) { Password = Secret }.ConnectionString;

        CliResult refused = await Tool.RunAsync("outbox", "status", "--postgres", wrong);
        CliResult misspelt = await Tool.RunAsync("outbox", "status", "--postgress", wrong);
        CliResult joined = await Tool.RunAsync("outbox", "status", "--postgress=" + wrong);

        Assert.Equal(8, refused.ExitCode);
        Assert.Contains("password authentication failed", refused.Stderr);
        Assert.Equal(3, misspelt.ExitCode);
        Assert.Equal(3, joined.ExitCode);
        foreach (CliResult result in new[] { refused, misspelt, joined })
        {
            Assert.DoesNotContain(Secret, result.AllOutput);
        }

        Assert.Contains("***", misspelt.Stderr);
    }

    [SkippableFact]
    public async Task Sqlite_and_postgres_together_is_a_usage_error()
    {
        await NewSchemaAsync();

        CliResult result = await Tool.RunAsync("outbox", "status", "--sqlite", "outbox.db", "--postgres", _connectionString);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("not both", result.Stderr);
        AssertNoPassword(result);
    }

    private static AttioOutboxMessage Message(string description, string key) =>
        new("{\"version\":1}", [key], DateTimeOffset.UtcNow, description);

    private async Task<string> NewSchemaAsync()
    {
        _connectionString = await PostgresTestDatabase.RequireAsync();
        string schema = PostgresTestDatabase.NewSchema("cli");
        _schemas.Add(schema);
        return schema;
    }

    private void AssertNoPassword(params CliResult[] results)
    {
        string password = new NpgsqlConnectionStringBuilder(_connectionString).Password!;
        foreach (CliResult result in results)
        {
            Assert.DoesNotContain(password, result.AllOutput);
        }
    }
}
