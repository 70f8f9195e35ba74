using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Attio.Outbox.Tests.PostgreSql;

/// <summary>What only the PostgreSQL store promises: migrations, the caller's transaction, fencing in SQL, the database clock, no password in errors.</summary>
public sealed class PostgresOutboxTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);
    private readonly List<string> _schemas = [];
    private readonly List<IAsyncDisposable> _opened = [];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private string _connectionString = string.Empty;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (IAsyncDisposable d in _opened)
        {
            await d.DisposeAsync();
        }

        if (_connectionString.Length > 0)
        {
            await PostgresTestDatabase.DropSchemasAsync(_connectionString, _schemas);
        }
    }

    [SkippableFact]
    public async Task Migration_is_versioned_and_idempotent()
    {
        PostgresAttioOutbox outbox = await OpenAsync(migrate: false);

        Assert.Equal(1, await outbox.MigrateAsync());
        Assert.Equal(0, await outbox.MigrateAsync());
        Assert.Equal(0, await (await OpenAsync(_schemas[^1], migrate: false)).MigrateAsync());
        Assert.Equal([1L], await QueryAsync<long>($"SELECT version::bigint FROM {_schemas[^1]}.schema_version ORDER BY version"));
    }

    [SkippableFact]
    public async Task Concurrent_migrators_of_one_schema_both_succeed_and_it_migrates_once()
    {
        string schema = (await OpenAsync(migrate: false)).Description.Split("schema ")[1];
        PostgresAttioOutbox[] starters = [.. await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => OpenAsync(schema, migrate: false)))];

        int[] applied = await Task.WhenAll(starters.Select(s => s.MigrateAsync().AsTask()));

        Assert.Equal(1, applied.Sum());
        Assert.Equal([1L], await QueryAsync<long>($"SELECT count(*) FROM {schema}.schema_version"));
        foreach (PostgresAttioOutbox s in starters)
        {
            await s.EnqueueAsync(Message("after migration", "k"));
        }

        Assert.Equal(starters.Length, (await starters[0].GetStatusAsync()).Pending);
    }

    [SkippableFact]
    public async Task Without_AutoMigrate_a_missing_schema_is_a_clear_error_naming_the_command()
    {
        PostgresAttioOutbox outbox = await OpenAsync(migrate: false);

        var error = await Assert.ThrowsAsync<AttioOutboxException>(async () => await outbox.InitializeAsync());

        Assert.Contains("schema version 0", error.Message);
        Assert.Contains("attio outbox migrate --postgres", error.Message);
        Assert.Contains(_schemas[^1], error.Message);
    }

    [SkippableFact]
    public async Task A_schema_newer_than_the_package_is_refused()
    {
        PostgresAttioOutbox outbox = await OpenAsync();
        await outbox.InitializeAsync();
        await QueryAsync<int>($"INSERT INTO {_schemas[^1]}.schema_version (version) VALUES (99) RETURNING version");

        var error = await Assert.ThrowsAsync<AttioOutboxException>(async () => await (await OpenAsync(_schemas[^1])).InitializeAsync());

        Assert.Contains("version 99", error.Message);
    }

    [SkippableFact]
    public async Task Enqueue_in_a_rolled_back_transaction_stores_nothing_and_in_a_committed_one_is_claimable()
    {
        PostgresAttioOutbox outbox = await OpenAsync();
        await outbox.InitializeAsync();
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();

        await using (NpgsqlTransaction rolledBack = await connection.BeginTransactionAsync())
        {
            await outbox.EnqueueAsync(Message("rolled back", "people:a"), rolledBack);
            await rolledBack.RollbackAsync();
        }

        long committedId;
        await using (NpgsqlTransaction committed = await connection.BeginTransactionAsync())
        {
            committedId = await outbox.EnqueueAsync(Message("committed", "people:b"), committed);
            // Not visible to the deliverer before the caller commits.
            AttioOutboxLease early = (await outbox.AcquireLeaseAsync("deliverer", Lease))!;
            Assert.Empty(await outbox.ClaimAsync(early, 10, _time.GetUtcNow()));
            await committed.CommitAsync();
        }

        AttioOutboxLease lease = (await outbox.AcquireLeaseAsync("deliverer", Lease))!;
        IReadOnlyList<AttioOutboxEntry> claimed = await outbox.ClaimAsync(lease, 10, _time.GetUtcNow());
        Assert.Equal([committedId], claimed.Select(c => c.Id));
        Assert.Equal("committed", claimed[0].Description);
        Assert.True(await outbox.CompleteAsync(lease, [committedId], _time.GetUtcNow()));
        Assert.Equal(new AttioOutboxStatus(0, 0, 0, 1, null), await outbox.GetStatusAsync());
    }

    [SkippableFact]
    public async Task After_a_takeover_from_another_instance_the_old_token_changes_nothing()
    {
        PostgresAttioOutbox first = await OpenAsync();
        PostgresAttioOutbox second = await OpenAsync(_schemas[^1]);
        long[] ids = [.. await first.EnqueueManyAsync([Message("a", "k1"), Message("b", "k2"), Message("c", "k3")])];
        AttioOutboxLease old = (await first.AcquireLeaseAsync("host-a:1", Lease))!;
        Assert.Equal(3, (await first.ClaimAsync(old, 10, _time.GetUtcNow())).Count);
        Assert.True(await first.SaveProgressAsync(old, ids[0], "step-1"));

        Assert.Null(await second.AcquireLeaseAsync("host-b:2", Lease));
        _time.Advance(Lease + TimeSpan.FromSeconds(1));
        AttioOutboxLease taken = (await second.AcquireLeaseAsync("host-b:2", Lease))!;

        Assert.True(taken.Token > old.Token);
        Assert.False(await first.CompleteAsync(old, [ids[0]], _time.GetUtcNow()));
        Assert.False(await first.SaveProgressAsync(old, ids[0], "overwritten"));
        Assert.False(await first.RescheduleAsync(old, ids[1], _time.GetUtcNow(), new AttioOutboxError("transient", 503, null, "down", null)));
        Assert.False(await first.DeadLetterAsync(old, ids[2], new AttioOutboxError("permanent", 400, null, "bad", null), _time.GetUtcNow()));
        Assert.Empty(await first.ClaimAsync(old, 10, _time.GetUtcNow()));
        Assert.Null(await first.AcquireLeaseAsync("host-a:1", Lease));

        IReadOnlyList<AttioOutboxEntry> reclaimed = await second.ClaimAsync(taken, 10, _time.GetUtcNow());
        Assert.Equal(ids, reclaimed.Select(r => r.Id));
        Assert.Equal("step-1", reclaimed[0].Progress);
        Assert.All(reclaimed, r => Assert.Equal(taken.Token, r.ClaimToken));
        Assert.True(await second.CompleteAsync(taken, ids, _time.GetUtcNow()));
    }

    [SkippableFact]
    public async Task Racing_takeover_and_completion_never_both_win()
    {
        // Fencing is in SQL: whatever the interleaving, a row is either completed under the old token before the
        // takeover (and gone), or recovered to Pending for the new holder - never completed after the takeover.
        PostgresAttioOutbox first = await OpenAsync();
        PostgresAttioOutbox second = await OpenAsync(_schemas[^1]);
        for (int round = 0; round < 20; round++)
        {
            long id = await first.EnqueueAsync(Message($"race {round}", $"k{round}"));
            AttioOutboxLease holder = (await first.AcquireLeaseAsync($"a-{round}", Lease))!;
            Assert.Single(await first.ClaimAsync(holder, 1, _time.GetUtcNow()));
            _time.Advance(Lease + TimeSpan.FromSeconds(1));

            Task<bool> complete = first.CompleteAsync(holder, [id], _time.GetUtcNow()).AsTask();
            Task<AttioOutboxLease?> takeover = second.AcquireLeaseAsync($"b-{round}", Lease).AsTask();
            bool completed = await complete;
            AttioOutboxLease next = (await takeover)!;

            IReadOnlyList<AttioOutboxEntry> left = await second.ClaimAsync(next, 10, _time.GetUtcNow());
            Assert.Equal(completed ? 0 : 1, left.Count);
            if (left.Count == 1)
            {
                Assert.True(await second.CompleteAsync(next, [id], _time.GetUtcNow()));
            }

            Assert.True(await second.ReleaseLeaseAsync(next));
        }

        Assert.Equal(20, (await first.GetStatusAsync()).Delivered);
    }

    [SkippableFact]
    public async Task Without_a_clock_the_lease_expires_by_the_database_clock()
    {
        PostgresAttioOutbox outbox = await OpenAsync(clock: false);
        AttioOutboxLease lease = (await outbox.AcquireLeaseAsync("db-clock", Lease))!;
        DateTime dbNow = (await QueryAsync<DateTime>("SELECT now()"))[0];

        TimeSpan left = lease.ExpiresAt - new DateTimeOffset(dbNow, TimeSpan.Zero);
        Assert.InRange(left, Lease - TimeSpan.FromSeconds(5), Lease);
        Assert.Equal(lease.ExpiresAt, (await QueryAsync<DateTime>($"SELECT expires_at FROM {_schemas[^1]}.lease")).Select(d => new DateTimeOffset(d, TimeSpan.Zero)).Single());
    }

    [SkippableFact]
    public async Task Enqueued_rows_commit_before_the_call_returns_and_group_commits_keep_each_callers_order()
    {
        PostgresAttioOutbox outbox = await OpenAsync();
        PostgresAttioOutbox reader = await OpenAsync(_schemas[^1]);
        IReadOnlyList<long>[] batches = await Task.WhenAll(Enumerable.Range(0, 20).Select(p =>
            outbox.EnqueueManyAsync([.. Enumerable.Range(0, 25).Select(i => Message($"p{p}-{i}", $"k{p}"))]).AsTask()));

        Assert.Equal(500, (await reader.GetStatusAsync()).Pending);
        Assert.Equal(500, batches.SelectMany(b => b).Distinct().Count());
        List<AttioOutboxEntry> rows = [.. await reader.ListAsync(new AttioOutboxQuery { Limit = 1000 })];
        for (int p = 0; p < 20; p++)
        {
            Assert.Equal(batches[p], rows.Where(r => r.Description.StartsWith($"p{p}-", StringComparison.Ordinal)).Select(r => r.Id));
            Assert.Equal([.. Enumerable.Range(0, 25).Select(i => $"p{p}-{i}")], rows.Where(r => batches[p].Contains(r.Id)).Select(r => r.Description));
        }
    }

    [SkippableFact]
    public async Task A_claim_looks_past_a_long_blocked_lane_up_to_the_scan_limit()
    {
        PostgresAttioOutbox outbox = await OpenAsync();
        await outbox.EnqueueManyAsync([.. Enumerable.Range(0, 300).Select(i => Message($"a{i}", "people:a"))]);
        long b = await outbox.EnqueueAsync(Message("b", "people:b"));
        AttioOutboxLease lease = (await outbox.AcquireLeaseAsync("deliverer", Lease))!;
        Assert.Equal(["a0"], (await outbox.ClaimAsync(lease, 1, _time.GetUtcNow())).Select(r => r.Description));

        // The first window (64 rows) holds only the blocked lane; the claim widens it until it finds b.
        Assert.Equal([b], (await outbox.ClaimAsync(lease, 1, _time.GetUtcNow())).Select(r => r.Id));

        await using var narrow = new PostgresAttioOutbox(new PostgresAttioOutboxOptions { ConnectionString = _connectionString, Schema = _schemas[^1], TimeProvider = _time, ClaimScanLimit = 100 });
        long c = await narrow.EnqueueAsync(Message("c", "people:c"));
        Assert.Empty(await narrow.ClaimAsync(lease, 1, _time.GetUtcNow()));
        Assert.True(c > b);
    }

    [SkippableFact]
    public async Task The_password_never_appears_in_the_description_or_an_error()
    {
        string connectionString = await PostgresTestDatabase.RequireAsync();
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Password = "s3cret-Pa55word-xyz" };
        await using var outbox = new PostgresAttioOutbox(builder.ConnectionString);

        var error = await Assert.ThrowsAsync<AttioOutboxException>(async () => await outbox.InitializeAsync());

        Assert.DoesNotContain("s3cret-Pa55word-xyz", outbox.Description);
        Assert.DoesNotContain("s3cret-Pa55word-xyz", error.ToString());
        Assert.Contains($"{builder.Host}:{builder.Port}/{builder.Database}", error.Message);
        Assert.Contains("password authentication failed", error.Message);
    }

    [SkippableFact]
    public async Task An_invalid_schema_name_is_refused_with_what_is_expected()
    {
        string connectionString = await PostgresTestDatabase.RequireAsync();

        var error = Assert.Throws<ArgumentException>(() => new PostgresAttioOutbox(new PostgresAttioOutboxOptions { ConnectionString = connectionString, Schema = "Bad-Name; DROP" }));

        Assert.Contains("'Bad-Name; DROP'", error.Message);
        Assert.Contains("lower-case identifier", error.Message);
    }

    private static AttioOutboxMessage Message(string description, params string[] keys) =>
        new("{\"version\":1}", keys, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), description);

    private async Task<PostgresAttioOutbox> OpenAsync(string? schema = null, bool migrate = true, bool clock = true)
    {
        _connectionString = await PostgresTestDatabase.RequireAsync();
        if (schema is null)
        {
            schema = PostgresTestDatabase.NewSchema("pgt");
            _schemas.Add(schema);
        }

        var outbox = new PostgresAttioOutbox(new PostgresAttioOutboxOptions
        {
            ConnectionString = _connectionString,
            Schema = schema,
            AutoMigrate = migrate,
            TimeProvider = clock ? _time : null,
        });
        _opened.Add(outbox);
        return outbox;
    }

    private async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
