using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Attio.Outbox.Tests;

/// <summary>What the SQLite store adds to the shared contract: the file keeps everything across instances.</summary>
public sealed class SqliteOutboxStoreTests : IDisposable
{
    private readonly SqliteTestFiles _files = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Rows_enqueued_by_one_instance_are_read_by_the_next_in_enqueue_order()
    {
        string path = _files.NewPath();
        IReadOnlyList<long> ids;
        await using (var first = Open(path))
        {
            ids = await first.EnqueueManyAsync([SqliteTestFiles.Message(1), SqliteTestFiles.Message(2)]);
            ids = [.. ids, await first.EnqueueAsync(SqliteTestFiles.Message(3))];
        }

        await using var second = Open(path);
        IReadOnlyList<AttioOutboxEntry> rows = await second.ListAsync(new AttioOutboxQuery());
        Assert.Equal(ids, rows.Select(row => row.Id));
        Assert.Equal(["identify user-1", "identify user-2", "identify user-3"], rows.Select(row => row.Description));
        Assert.Equal(SqliteTestFiles.Message(2).EventTime, rows[1].EventTime);
        Assert.Equal(["people:email:user-2@test"], rows[1].RecordKeys);
        Assert.All(rows, row => Assert.Equal(AttioOutboxState.Pending, row.State));
        Assert.Equal(3, (await second.GetStatusAsync()).Pending);
    }

    [Fact]
    public async Task Concurrent_producers_each_get_a_distinct_committed_id()
    {
        string path = _files.NewPath();
        await using var outbox = Open(path);
        long[][] ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(producer => Task.Run(async () =>
        {
            var mine = new long[25];
            for (int i = 0; i < mine.Length; i++)
            {
                mine[i] = await outbox.EnqueueAsync(SqliteTestFiles.Message((producer * 100) + i));
            }

            return mine;
        })));

        Assert.Equal(1_000, ids.SelectMany(x => x).Distinct().Count());
        // Each producer's own enqueues are in its order.
        Assert.All(ids, mine => Assert.Equal(mine.Order(), mine));
        // Committed means visible to a separate connection at once, not only to this instance.
        using var other = new SqliteConnection($"Data Source={path};Pooling=False");
        other.Open();
        using SqliteCommand count = other.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM outbox_rows";
        Assert.Equal(1_000L, count.ExecuteScalar());
    }

    [Fact]
    public async Task A_new_instance_recovers_rows_in_flight_under_a_dead_instance_with_their_progress()
    {
        string path = _files.NewPath();
        await using (var dead = Open(path))
        {
            await dead.EnqueueManyAsync([SqliteTestFiles.Message(1), SqliteTestFiles.Message(2)]);
            AttioOutboxLease lease = (await dead.AcquireLeaseAsync("host-a:1", TimeSpan.FromSeconds(30)))!;
            IReadOnlyList<AttioOutboxEntry> claimed = await dead.ClaimAsync(lease, 10, _time.GetUtcNow());
            Assert.Equal(2, claimed.Count);
            Assert.True(await dead.SaveProgressAsync(lease, claimed[0].Id, "person-done"));
        }

        await using var next = Open(path);
        Assert.Null(await next.AcquireLeaseAsync("host-b:2", TimeSpan.FromSeconds(30)));
        _time.Advance(TimeSpan.FromSeconds(31));
        AttioOutboxLease taken = (await next.AcquireLeaseAsync("host-b:2", TimeSpan.FromSeconds(30)))!;
        Assert.Equal(2, taken.Token);
        IReadOnlyList<AttioOutboxEntry> again = await next.ClaimAsync(taken, 10, _time.GetUtcNow());
        Assert.Equal(2, again.Count);
        Assert.Equal("person-done", again[0].Progress);
        Assert.Null(again[1].Progress);
        Assert.All(again, row => Assert.Equal(2, row.ClaimToken));
        Assert.False(await next.CompleteAsync(new AttioOutboxLease("host-a:1", 1, _time.GetUtcNow()), [again[0].Id], _time.GetUtcNow()));
        Assert.Equal(2, (await next.GetStatusAsync()).InFlight);
    }

    [Fact]
    public async Task Delivered_rows_leave_the_table_and_are_counted_per_minute()
    {
        string path = _files.NewPath();
        await using var outbox = Open(path);
        await outbox.EnqueueManyAsync([SqliteTestFiles.Message(1), SqliteTestFiles.Message(2), SqliteTestFiles.Message(3)]);
        AttioOutboxLease lease = (await outbox.AcquireLeaseAsync("host", TimeSpan.FromMinutes(5)))!;
        IReadOnlyList<AttioOutboxEntry> claimed = await outbox.ClaimAsync(lease, 10, _time.GetUtcNow());
        Assert.True(await outbox.CompleteAsync(lease, [claimed[0].Id, claimed[1].Id], _time.GetUtcNow()));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await outbox.DeadLetterAsync(lease, claimed[2].Id, new AttioOutboxError("permanent", 400, "validation_type", "bad", "exec-1"), _time.GetUtcNow()));

        AttioOutboxStatus status = await outbox.GetStatusAsync();
        Assert.Equal((0L, 0L, 1L, 2L), (status.Pending, status.InFlight, status.Dead, status.Delivered));
        Assert.Equal([claimed[2].Id], (await outbox.ListAsync(new AttioOutboxQuery())).Select(row => row.Id));
        IReadOnlyList<AttioOutboxMinute> minutes = await outbox.GetActivityAsync(_time.GetUtcNow().AddHours(-1));
        Assert.Equal(
            [new AttioOutboxMinute(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), 2, 0), new AttioOutboxMinute(new DateTimeOffset(2026, 3, 1, 12, 1, 0, TimeSpan.Zero), 0, 1)],
            minutes);
    }

    [Fact]
    public async Task A_claim_walks_past_a_long_blocked_lane_to_the_free_rows_behind_it()
    {
        string path = _files.NewPath();
        await using var outbox = Open(path);
        // 600 events on one record whose head is in flight, then 5 on other records: only the 5 are claimable.
        await outbox.EnqueueManyAsync([.. Enumerable.Range(0, 600).Select(i => SqliteTestFiles.Message(i, "people:email:busy@test"))]);
        await outbox.EnqueueManyAsync([.. Enumerable.Range(1_000, 5).Select(i => SqliteTestFiles.Message(i))]);
        AttioOutboxLease lease = (await outbox.AcquireLeaseAsync("host", TimeSpan.FromMinutes(5)))!;
        Assert.Equal("identify user-0", Assert.Single(await outbox.ClaimAsync(lease, 1, _time.GetUtcNow())).Description);

        IReadOnlyList<AttioOutboxEntry> claimed = await outbox.ClaimAsync(lease, 10, _time.GetUtcNow());

        Assert.Equal([.. Enumerable.Range(1_000, 5).Select(i => $"identify user-{i}")], claimed.Select(row => row.Description));
    }

    [Fact]
    public async Task The_ledger_is_kept_in_the_file_and_replaced_by_record_and_attribute()
    {
        string path = _files.NewPath();
        DateTimeOffset t = _time.GetUtcNow();
        await using (var first = Open(path))
        {
            await first.WriteLedgerAsync([new AttioLedgerEntry("people:a", "name", t, "h1", t), new AttioLedgerEntry("people:b", "name", t, "h2", t)]);
            await first.WriteLedgerAsync([new AttioLedgerEntry("people:a", "name", t.AddMinutes(1), "h3", t.AddMinutes(2))]);
        }

        await using var second = Open(path);
        Assert.Equal([new AttioLedgerEntry("people:a", "name", t.AddMinutes(1), "h3", t.AddMinutes(2))], await second.ReadLedgerAsync(["people:a", "people:c"]));
    }

    [Fact]
    public async Task A_file_written_by_a_newer_schema_is_refused_with_both_versions()
    {
        string path = _files.NewPath();
        await using (var outbox = Open(path))
        {
            await outbox.InitializeAsync();
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand bump = connection.CreateCommand();
            bump.CommandText = "UPDATE outbox_meta SET value = 99 WHERE key = 'schema_version'";
            bump.ExecuteNonQuery();
        }

        await using var reopened = Open(path);
        var error = await Assert.ThrowsAsync<AttioOutboxException>(async () => await reopened.EnqueueAsync(SqliteTestFiles.Message(1)));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_durability_setting_is_the_files_synchronous_pragma()
    {
        string path = _files.NewPath();
        await using var normal = Open(path);
        await normal.InitializeAsync();
        Assert.Equal(SqliteOutboxDurability.Normal, normal.Durability);
        Assert.Equal("sqlite:" + path, normal.Description);
        await using var full = new SqliteAttioOutbox(_files.NewPath("full.db"), new SqliteAttioOutboxOptions { Durability = SqliteOutboxDurability.Full });
        Assert.Equal(SqliteOutboxDurability.Full, full.Durability);
        Assert.Throws<ArgumentException>(() => new SqliteAttioOutbox(path, new SqliteAttioOutboxOptions { Durability = (SqliteOutboxDurability)7 }));
        // The journal mode persists in the file: another connection sees WAL.
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using SqliteCommand mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", mode.ExecuteScalar());
    }

    private SqliteAttioOutbox Open(string path) => new(path, new SqliteAttioOutboxOptions { TimeProvider = _time });
}
