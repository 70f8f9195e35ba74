using Attio.Cli.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Attio.Cli.Tests;

/// <summary><c>attio outbox</c> against real SQLite outbox files written by the store itself.</summary>
public sealed class OutboxCommandTests : IDisposable
{
    private const string PlanSecret = "sk_live_0123456789abcdef0123456789abcdef";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Status_prints_counts_and_the_oldest_pending_age()
    {
        string path = await WriteOutboxAsync();

        CliResult result = await Tool.RunAsync("outbox", "status", "--sqlite", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("pending:      3", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("dead letters: 2", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("delivered:    1", result.Stdout, StringComparison.Ordinal);
        // The oldest pending event was stored 2h 30m before the tool's clock.
        Assert.Contains("oldest pending: 2h 30m (enqueued 2026-01-31T07:00:00Z)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_dead_shows_attios_fields_newest_first_and_never_the_plan()
    {
        string path = await WriteOutboxAsync();

        CliResult dead = await Tool.RunAsync("outbox", "list", "--dead", "--sqlite", path);
        CliResult pending = await Tool.RunAsync("outbox", "list", "--limit", "2", "--sqlite", path);

        Assert.True(dead.ExitCode == 0, dead.ToString());
        string[] lines = dead.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("6  dead  identify user-6  attempts 1", lines[0], StringComparison.Ordinal);
        Assert.Equal("    permanent: 400 value_not_found: Select option 'gold' not found. (execution id exec-400)", lines[1]);
        Assert.StartsWith("5  dead  identify user-5  attempts 1", lines[2], StringComparison.Ordinal);
        Assert.Equal("    horizon: 503 service_unavailable: Attio is down. (execution id exec-503)", lines[3]);
        Assert.Equal(["identify user-2", "identify user-3"], pending.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith(' ')).Select(line => line.Split("  ")[2]));
        Assert.Contains("    transient: 503 service_unavailable: Attio is down. (execution id exec-1)", pending.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(PlanSecret, dead.AllOutput + pending.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_live", dead.AllOutput + pending.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_one_returns_it_to_pending_and_an_unknown_id_is_not_found()
    {
        string path = await WriteOutboxAsync();

        CliResult retried = await Tool.RunAsync("outbox", "retry", "6", "--sqlite", path);
        CliResult missing = await Tool.RunAsync("outbox", "retry", "2", "--sqlite", path);

        Assert.True(retried.ExitCode == 0, retried.ToString());
        Assert.Contains("Returned 1 dead letter(s) to pending.", retried.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
        Assert.Contains("No dead letter with id 2", missing.Stderr, StringComparison.Ordinal);
        await using var outbox = new SqliteAttioOutbox(path);
        AttioOutboxEntry row = (await outbox.ListAsync(new AttioOutboxQuery())).Single(r => r.Id == 6);
        Assert.Equal((AttioOutboxState.Pending, 0, Tool.FixedNow), (row.State, row.Attempts, row.NextAttemptAt));
        Assert.Equal(1, (await outbox.GetStatusAsync()).Dead);
    }

    [Fact]
    public async Task Retry_all_and_purge_older_than_act_on_dead_letters_only()
    {
        string first = await WriteOutboxAsync("a.db");
        string second = await WriteOutboxAsync("b.db");

        CliResult retried = await Tool.RunAsync("outbox", "retry", "--all", "--sqlite", first);
        // Dead letters died at 08:00 and 09:00; the tool's clock says 09:30: only the first is older than 1h.
        CliResult purged = await Tool.RunAsync("outbox", "purge", "--dead", "--older-than", "1h", "--sqlite", second);

        Assert.Contains("Returned 2 dead letter(s) to pending.", retried.Stdout, StringComparison.Ordinal);
        Assert.Contains("Purged 1 dead letter(s).", purged.Stdout, StringComparison.Ordinal);
        await using var outbox = new SqliteAttioOutbox(second);
        AttioOutboxStatus status = await outbox.GetStatusAsync();
        Assert.Equal((3L, 1L), (status.Pending, status.Dead));
        Assert.Equal(6, Assert.Single(await outbox.ListAsync(new AttioOutboxQuery { State = AttioOutboxState.Dead })).Id);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("retry", "--all", "1")]
    [InlineData("retry")]
    [InlineData("purge")]
    [InlineData("purge", "--dead", "--older-than", "soon")]
    [InlineData("list", "--limit", "0")]
    public async Task Incomplete_or_contradictory_arguments_are_usage_errors(params string[] args)
    {
        string path = await WriteOutboxAsync();
        string[] full = args[0] == "status" ? ["outbox", .. args] : ["outbox", .. args, "--sqlite", path];

        CliResult result = await Tool.RunAsync(full);

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_not_found_and_is_not_created()
    {
        string path = _dir.File("typo.db");

        CliResult result = await Tool.RunAsync("outbox", "status", "--sqlite", path);

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains(path, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_corrupt_or_locked_file_is_a_store_error_naming_it()
    {
        string corrupt = _dir.File("corrupt.db");
        await File.WriteAllTextAsync(corrupt, new string('z', 10_000));
        string locked = await WriteOutboxAsync("locked.db");
        using var other = new SqliteConnection($"Data Source={locked};Pooling=False");
        other.Open();
        using (SqliteCommand exclusive = other.CreateCommand())
        {
            // Exclusive in WAL mode still lets readers in; the retry below needs the write lock.
            exclusive.CommandText = "BEGIN IMMEDIATE";
            exclusive.ExecuteNonQuery();
        }

        CliResult broken = await Tool.RunAsync("outbox", "status", "--sqlite", corrupt);
        CliResult busy = await Tool.RunAsync("outbox", "retry", "--all", "--sqlite", locked);

        Assert.Equal(ExitCodes.OutboxStoreError, broken.ExitCode);
        Assert.Contains(corrupt, broken.Stderr, StringComparison.Ordinal);
        Assert.Contains("corrupt", broken.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.OutboxStoreError, busy.ExitCode);
        Assert.Contains("locked by another process", busy.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// An outbox as a sender leaves it: row 1 delivered, rows 2-4 pending (the oldest enqueued 07:00), row 5 dead past
    /// the horizon at 08:00, row 6 refused by Attio at 09:00. Every plan carries a token-like value.
    /// </summary>
    private async Task<string> WriteOutboxAsync(string name = "outbox.db")
    {
        string path = _dir.File(name);
        var clock = new SettableClock(new DateTimeOffset(2026, 1, 31, 7, 0, 0, TimeSpan.Zero));
        await using var outbox = new SqliteAttioOutbox(path, new SqliteAttioOutboxOptions { TimeProvider = clock });
        for (int i = 1; i <= 6; i++)
        {
            await outbox.EnqueueAsync(new AttioOutboxMessage(
                $$"""{"version":1,"note":"{{PlanSecret}}","n":{{i}}}""", [$"users:user_id:u-{i}"], clock.GetUtcNow(), $"identify user-{i}"));
        }

        AttioOutboxLease lease = (await outbox.AcquireLeaseAsync("test", TimeSpan.FromHours(12)))!;
        IReadOnlyList<AttioOutboxEntry> rows = await outbox.ClaimAsync(lease, 10, clock.GetUtcNow());
        await outbox.CompleteAsync(lease, [rows[0].Id], clock.GetUtcNow());
        foreach (AttioOutboxEntry row in rows.Skip(1).Take(3))
        {
            await outbox.RescheduleAsync(lease, row.Id, clock.GetUtcNow(), new AttioOutboxError("transient", 503, "service_unavailable", "Attio is down", "exec-1"));
        }

        clock.Now = new DateTimeOffset(2026, 1, 31, 8, 0, 0, TimeSpan.Zero);
        await outbox.DeadLetterAsync(lease, rows[4].Id, new AttioOutboxError("horizon", 503, "service_unavailable", "Attio is down", "exec-503"), clock.GetUtcNow());
        clock.Now = new DateTimeOffset(2026, 1, 31, 9, 0, 0, TimeSpan.Zero);
        await outbox.DeadLetterAsync(lease, rows[5].Id, new AttioOutboxError("permanent", 400, "value_not_found", "Select option 'gold' not found", "exec-400"), clock.GetUtcNow());
        await outbox.ReleaseLeaseAsync(lease);
        return path;
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
