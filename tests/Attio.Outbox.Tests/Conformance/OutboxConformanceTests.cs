using Microsoft.Extensions.Time.Testing;

namespace Attio.Outbox.Tests.Conformance;

/// <summary>
/// What every <see cref="IAttioOutbox"/> promises, run against each store by a subclass. Stores that need a clock take
/// <see cref="Time"/>; the tests move it instead of waiting.
/// </summary>
public abstract class OutboxConformanceTests : IAsyncLifetime
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);
    private readonly List<IAttioOutbox> _opened = [];

    /// <summary>The clock stores are built on; starts at a fixed instant so minute buckets are predictable.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A fresh, empty store on <see cref="Time"/>.</summary>
    protected abstract Task<IAttioOutbox> CreateOutboxAsync();

    /// <summary>A second handle on the same storage (durability); stores without storage return the same instance.</summary>
    protected virtual Task<IAttioOutbox> ReopenAsync(IAttioOutbox outbox) => Task.FromResult(outbox);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (IAttioOutbox outbox in _opened.Distinct())
        {
            await outbox.DisposeAsync();
        }
    }

    protected DateTimeOffset Now => Time.GetUtcNow();

    protected static AttioOutboxMessage Message(string description, params string[] keys) =>
        new("{\"version\":1,\"label\":\"" + description + "\"}", keys, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), description);

    private async Task<IAttioOutbox> NewAsync()
    {
        IAttioOutbox outbox = await CreateOutboxAsync();
        _opened.Add(outbox);
        await outbox.InitializeAsync();
        return outbox;
    }

    private async Task<IAttioOutbox> AgainAsync(IAttioOutbox outbox)
    {
        IAttioOutbox again = await ReopenAsync(outbox);
        _opened.Add(again);
        return again;
    }

    private static async Task<AttioOutboxLease> LeaseAsync(IAttioOutbox outbox, string owner = "owner-a") =>
        await outbox.AcquireLeaseAsync(owner, LeaseDuration) ?? throw new InvalidOperationException("lease refused");

    private static async Task<List<AttioOutboxEntry>> AllAsync(IAttioOutbox outbox, AttioOutboxState? state = null) =>
        [.. await outbox.ListAsync(new AttioOutboxQuery { State = state, Limit = 10_000 })];

    private static async Task<AttioOutboxEntry> RowAsync(IAttioOutbox outbox, long id) =>
        (await AllAsync(outbox)).Single(r => r.Id == id);

    // Records holding lists compare lists by reference; a store that reads rows back builds new lists.
    private static List<string> Snapshot(IEnumerable<AttioOutboxEntry> rows) =>
        [.. rows.Select(r => $"{r.Id}|{r.State}|{r.Attempts}|{r.NextAttemptAt:O}|{r.LastError}|{r.Progress}|{r.ClaimToken}|{r.FinishedAt:O}|{string.Join(',', r.RecordKeys)}")];

    private static AttioOutboxError Error(string kind = "transient") => new(kind, 503, "service_unavailable", "Attio is down", "exec-1");

    [Fact]
    public async Task Enqueue_returns_increasing_ids_and_the_rows_read_back_as_stored()
    {
        IAttioOutbox outbox = await NewAsync();
        AttioOutboxMessage first = Message("identify user-1", "people:email:a@x.io", "users:user_id:user-1");
        long a = await outbox.EnqueueAsync(first);
        long b = await outbox.EnqueueAsync(Message("track user-2", "users:user_id:user-2"));

        Assert.True(b > a);
        AttioOutboxEntry row = await RowAsync(outbox, a);
        Assert.Equal(first.PlanJson, row.PlanJson);
        Assert.Equal(first.RecordKeys, row.RecordKeys);
        Assert.Equal(first.EventTime, row.EventTime);
        Assert.Equal("identify user-1", row.Description);
        Assert.Equal(Now, row.EnqueuedAt);
        Assert.Equal(AttioOutboxState.Pending, row.State);
        Assert.Equal(0, row.Attempts);
        Assert.Null(row.LastError);
        Assert.Null(row.Progress);
        Assert.True(row.NextAttemptAt <= Now);
    }

    [Fact]
    public async Task EnqueueMany_returns_ids_in_the_order_given()
    {
        IAttioOutbox outbox = await NewAsync();
        IReadOnlyList<long> ids = await outbox.EnqueueManyAsync([Message("e1", "k1"), Message("e2", "k2"), Message("e3", "k3")]);

        Assert.Equal(3, ids.Count);
        Assert.True(ids[0] < ids[1] && ids[1] < ids[2]);
        Assert.Equal(["e1", "e2", "e3"], (await AllAsync(outbox)).Select(r => r.Description));
    }

    [Fact]
    public async Task EnqueueMany_stores_nothing_when_one_message_is_invalid()
    {
        IAttioOutbox outbox = await NewAsync();
        await Assert.ThrowsAnyAsync<Exception>(async () =>
            await outbox.EnqueueManyAsync([Message("e1", "k1"), null!, Message("e3", "k3")]));

        Assert.Empty(await AllAsync(outbox));
        Assert.Equal(0, (await outbox.GetStatusAsync()).Pending);
    }

    [Fact]
    public async Task Concurrent_producers_get_distinct_ids_and_nothing_is_lost()
    {
        IAttioOutbox outbox = await NewAsync();
        const int producers = 8, perProducer = 200;
        long[][] ids = await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
        {
            var mine = new long[perProducer];
            for (int i = 0; i < perProducer; i++)
            {
                mine[i] = await outbox.EnqueueAsync(Message($"p{p}-{i}", $"k{p}-{i}"));
            }

            return mine;
        })));

        long[] all = [.. ids.SelectMany(x => x)];
        Assert.Equal(producers * perProducer, all.Distinct().Count());
        foreach (long[] mine in ids)
        {
            Assert.Equal(mine.Order(), mine);
        }

        Assert.Equal(producers * perProducer, (await outbox.GetStatusAsync()).Pending);
        Assert.Equal(producers * perProducer, (await AllAsync(outbox)).Count);
    }

    [Fact]
    public async Task Claim_takes_due_rows_in_id_order_up_to_the_limit_and_marks_them_in_flight()
    {
        IAttioOutbox outbox = await NewAsync();
        IReadOnlyList<long> ids = await outbox.EnqueueManyAsync([Message("e1", "k1"), Message("e2", "k2"), Message("e3", "k3")]);
        AttioOutboxLease lease = await LeaseAsync(outbox);

        IReadOnlyList<AttioOutboxEntry> first = await outbox.ClaimAsync(lease, 2, Now);
        Assert.Equal([ids[0], ids[1]], first.Select(r => r.Id));
        Assert.All(first, r => Assert.Equal(AttioOutboxState.InFlight, r.State));
        Assert.All(first, r => Assert.Equal(lease.Token, r.ClaimToken));

        IReadOnlyList<AttioOutboxEntry> second = await outbox.ClaimAsync(lease, 10, Now);
        Assert.Equal([ids[2]], second.Select(r => r.Id));
        Assert.Empty(await outbox.ClaimAsync(lease, 10, Now));
        AttioOutboxStatus status = await outbox.GetStatusAsync();
        Assert.Equal((0, 3), (status.Pending, status.InFlight));
    }

    [Fact]
    public async Task Claim_leaves_rows_that_are_not_due()
    {
        IAttioOutbox outbox = await NewAsync();
        long id = await outbox.EnqueueAsync(Message("e1", "k1"));
        AttioOutboxLease lease = await LeaseAsync(outbox);
        await outbox.ClaimAsync(lease, 1, Now);
        Assert.True(await outbox.RescheduleAsync(lease, id, Now.AddMinutes(5), Error()));

        Assert.Empty(await outbox.ClaimAsync(lease, 10, Now.AddMinutes(4)));
        Assert.Equal([id], (await outbox.ClaimAsync(lease, 10, Now.AddMinutes(5))).Select(r => r.Id));
    }

    [Fact]
    public async Task An_earlier_row_not_due_blocks_later_rows_of_its_record_but_not_other_records()
    {
        IAttioOutbox outbox = await NewAsync();
        long early = await outbox.EnqueueAsync(Message("e1", "shared"));
        AttioOutboxLease lease = await LeaseAsync(outbox);
        await outbox.ClaimAsync(lease, 1, Now);
        await outbox.RescheduleAsync(lease, early, Now.AddMinutes(1), Error());
        IReadOnlyList<long> later = await outbox.EnqueueManyAsync([Message("e2", "other", "shared"), Message("e3", "free")]);

        IReadOnlyList<AttioOutboxEntry> claimed = await outbox.ClaimAsync(lease, 10, Now);
        Assert.Equal([later[1]], claimed.Select(r => r.Id));
    }

    [Fact]
    public async Task An_in_flight_row_blocks_later_rows_of_its_record()
    {
        IAttioOutbox outbox = await NewAsync();
        long first = await outbox.EnqueueAsync(Message("e1", "shared"));
        AttioOutboxLease lease = await LeaseAsync(outbox);
        Assert.Single(await outbox.ClaimAsync(lease, 10, Now));
        long second = await outbox.EnqueueAsync(Message("e2", "shared"));

        Assert.Empty(await outbox.ClaimAsync(lease, 10, Now));
        Assert.True(await outbox.CompleteAsync(lease, [first], Now));
        Assert.Equal([second], (await outbox.ClaimAsync(lease, 10, Now)).Select(r => r.Id));
    }

    [Fact]
    public async Task Rows_of_one_record_may_be_claimed_together_but_not_past_the_limit()
    {
        IAttioOutbox outbox = await NewAsync();
        IReadOnlyList<long> ids = await outbox.EnqueueManyAsync([Message("e1", "r"), Message("e2", "r"), Message("e3", "r"), Message("e4", "s")]);
        AttioOutboxLease lease = await LeaseAsync(outbox);

        // The third row of lane r is beyond the limit, so it blocks nothing but itself; lane s is free.
        IReadOnlyList<AttioOutboxEntry> claimed = await outbox.ClaimAsync(lease, 2, Now);
        Assert.Equal([ids[0], ids[1]], claimed.Select(r => r.Id));
        Assert.Equal([ids[3]], (await outbox.ClaimAsync(lease, 10, Now)).Select(r => r.Id));
    }

    [Fact]
    public async Task A_second_owner_is_refused_while_the_lease_is_valid_and_the_holder_renews_with_the_same_token()
    {
        IAttioOutbox outbox = await NewAsync();
        AttioOutboxLease a = await LeaseAsync(outbox, "owner-a");
        Assert.Null(await outbox.AcquireLeaseAsync("owner-b", LeaseDuration));

        Time.Advance(TimeSpan.FromSeconds(10));
        AttioOutboxLease renewed = await LeaseAsync(outbox, "owner-a");
        Assert.Equal(a.Token, renewed.Token);
        Assert.True(renewed.ExpiresAt > a.ExpiresAt);

        Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(await outbox.AcquireLeaseAsync("owner-b", LeaseDuration));
    }

    [Fact]
    public async Task After_expiry_another_owner_takes_over_with_a_higher_token_and_recovers_rows_in_flight_with_their_progress()
    {
        IAttioOutbox outbox = await NewAsync();
        IReadOnlyList<long> ids = await outbox.EnqueueManyAsync([Message("e1", "k1"), Message("e2", "k2")]);
        AttioOutboxLease a = await LeaseAsync(outbox, "owner-a");
        Assert.Equal(2, (await outbox.ClaimAsync(a, 10, Now)).Count);
        Assert.True(await outbox.SaveProgressAsync(a, ids[0], "step 0 -> rec-1"));

        Time.Advance(LeaseDuration + TimeSpan.FromSeconds(1));
        AttioOutboxLease b = await LeaseAsync(outbox, "owner-b");
        Assert.True(b.Token > a.Token);

        List<AttioOutboxEntry> rows = await AllAsync(outbox);
        Assert.All(rows, r => Assert.Equal(AttioOutboxState.Pending, r.State));
        Assert.Equal("step 0 -> rec-1", rows.Single(r => r.Id == ids[0]).Progress);
        IReadOnlyList<AttioOutboxEntry> reclaimed = await outbox.ClaimAsync(b, 10, Now);
        Assert.Equal(ids, reclaimed.Select(r => r.Id));
        Assert.All(reclaimed, r => Assert.Equal(b.Token, r.ClaimToken));
    }

    [Fact]
    public async Task A_stale_token_changes_nothing()
    {
        IAttioOutbox outbox = await NewAsync();
        IReadOnlyList<long> ids = await outbox.EnqueueManyAsync([Message("e1", "k1"), Message("e2", "k2"), Message("e3", "k3"), Message("e4", "k4")]);
        AttioOutboxLease a = await LeaseAsync(outbox, "owner-a");
        await outbox.ClaimAsync(a, 10, Now);
        Time.Advance(LeaseDuration + TimeSpan.FromSeconds(1));
        AttioOutboxLease b = await LeaseAsync(outbox, "owner-b");
        List<string> before = Snapshot(await AllAsync(outbox));

        Assert.False(await outbox.CompleteAsync(a, [ids[0]], Now));
        Assert.False(await outbox.RescheduleAsync(a, ids[1], Now.AddMinutes(1), Error()));
        Assert.False(await outbox.DeadLetterAsync(a, ids[2], Error("permanent"), Now));
        Assert.False(await outbox.SaveProgressAsync(a, ids[3], "stale"));
        Assert.Empty(await outbox.ClaimAsync(a, 10, Now));
        Assert.False(await outbox.ReleaseLeaseAsync(a));

        Assert.Equal(before, Snapshot(await AllAsync(outbox)));
        AttioOutboxStatus status = await outbox.GetStatusAsync();
        Assert.Equal((4L, 0L, 0L, 0L), (status.Pending, status.InFlight, status.Dead, status.Delivered));

        // Claimed by the new holder, the rows still refuse the old token.
        await outbox.ClaimAsync(b, 10, Now);
        Assert.False(await outbox.CompleteAsync(a, [ids[0]], Now));
        Assert.False(await outbox.SaveProgressAsync(a, ids[3], "stale"));
        Assert.True(await outbox.CompleteAsync(b, [ids[0]], Now));
    }

    [Fact]
    public async Task Changes_to_a_row_that_is_not_claimed_return_false()
    {
        IAttioOutbox outbox = await NewAsync();
        long id = await outbox.EnqueueAsync(Message("e1", "k1"));
        AttioOutboxLease lease = await LeaseAsync(outbox);

        Assert.False(await outbox.CompleteAsync(lease, [id], Now));
        Assert.False(await outbox.DeadLetterAsync(lease, id, Error("permanent"), Now));
        Assert.False(await outbox.CompleteAsync(lease, [id + 1000], Now));
        Assert.Equal(AttioOutboxState.Pending, (await RowAsync(outbox, id)).State);
    }

    [Fact]
    public async Task Released_lease_lets_another_owner_take_over_at_once()
    {
        IAttioOutbox outbox = await NewAsync();
        long id = await outbox.EnqueueAsync(Message("e1", "k1"));
        AttioOutboxLease a = await LeaseAsync(outbox, "owner-a");
        await outbox.ClaimAsync(a, 10, Now);

        Assert.True(await outbox.ReleaseLeaseAsync(a));
        AttioOutboxLease b = await LeaseAsync(outbox, "owner-b");
        Assert.True(b.Token > a.Token);
        Assert.Equal([id], (await outbox.ClaimAsync(b, 10, Now)).Select(r => r.Id));
    }

    [Fact]
    public async Task Reschedule_counts_the_attempt_keeps_the_error_and_the_progress()
    {
        IAttioOutbox outbox = await NewAsync();
        long id = await outbox.EnqueueAsync(Message("e1", "k1"));
        AttioOutboxLease lease = await LeaseAsync(outbox);
        await outbox.ClaimAsync(lease, 1, Now);
        await outbox.SaveProgressAsync(lease, id, "p1");
        Assert.True(await outbox.RescheduleAsync(lease, id, Now.AddSeconds(2), Error()));
        await outbox.ClaimAsync(lease, 1, Now.AddSeconds(2));
        Assert.True(await outbox.RescheduleAsync(lease, id, Now.AddSeconds(6), new AttioOutboxError("transient", 429, "rate_limit", "slow down", "exec-2")));

        AttioOutboxEntry row = await RowAsync(outbox, id);
        Assert.Equal(AttioOutboxState.Pending, row.State);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(Now.AddSeconds(6), row.NextAttemptAt);
        Assert.Equal(new AttioOutboxError("transient", 429, "rate_limit", "slow down", "exec-2"), row.LastError);
        Assert.Equal("p1", row.Progress);
    }

    [Fact]
    public async Task A_dead_letter_keeps_Attios_answer_and_the_attempts()
    {
        IAttioOutbox outbox = await NewAsync();
        long id = await outbox.EnqueueAsync(Message("e1", "k1"));
        AttioOutboxLease lease = await LeaseAsync(outbox);
        await outbox.ClaimAsync(lease, 1, Now);
        await outbox.RescheduleAsync(lease, id, Now, Error());
        await outbox.ClaimAsync(lease, 1, Now);
        var error = new AttioOutboxError("permanent", 400, "validation_type", "Expected a number for 'employees'", "exec-400");
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await outbox.DeadLetterAsync(lease, id, error, Now));

        AttioOutboxEntry row = Assert.Single(await AllAsync(outbox, AttioOutboxState.Dead));
        Assert.Equal(id, row.Id);
        Assert.Equal(error, row.LastError);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(Now, row.FinishedAt);
        AttioOutboxStatus status = await outbox.GetStatusAsync();
        Assert.Equal((0L, 0L, 1L), (status.Pending, status.InFlight, status.Dead));
        Assert.Empty(await outbox.ClaimAsync(lease, 10, Now));
    }

    [Fact]
    public async Task A_dead_letter_does_not_block_later_rows_of_its_record()
    {
        IAttioOutbox outbox = await NewAsync();
        long first = await outbox.EnqueueAsync(Message("e1", "r"));
        AttioOutboxLease lease = await LeaseAsync(outbox);
        await outbox.ClaimAsync(lease, 1, Now);
        await outbox.DeadLetterAsync(lease, first, Error("permanent"), Now);
        long second = await outbox.EnqueueAsync(Message("e2", "r"));

        Assert.Equal([second], (await outbox.ClaimAsync(lease, 10, Now)).Select(r => r.Id));
    }

    [Fact]
    public async Task Dead_letters_list_newest_first()
    {
        IAttioOutbox outbox = await NewAsync();
        IReadOnlyList<long> ids = await outbox.EnqueueManyAsync([Message("e1", "k1"), Message("e2", "k2"), Message("e3", "k3")]);
        AttioOutboxLease lease = await LeaseAsync(outbox);
        await outbox.ClaimAsync(lease, 10, Now);
        await outbox.DeadLetterAsync(lease, ids[0], Error("permanent"), Now);
        await outbox.DeadLetterAsync(lease, ids[2], Error("permanent"), Now);

        Assert.Equal([ids[2], ids[0]], (await AllAsync(outbox, AttioOutboxState.Dead)).Select(r => r.Id));
        Assert.Equal([ids[1]], (await AllAsync(outbox, AttioOutboxState.InFlight)).Select(r => r.Id));
    }

    [Fact]
    public async Task List_pages_by_id_and_limit()
    {
        IAttioOutbox outbox = await NewAsync();
        IReadOnlyList<long> ids = await outbox.EnqueueManyAsync([.. Enumerable.Range(0, 5).Select(i => Message($"e{i}", $"k{i}"))]);

        IReadOnlyList<AttioOutboxEntry> page1 = await outbox.ListAsync(new AttioOutboxQuery { Limit = 2 });
        IReadOnlyList<AttioOutboxEntry> page2 = await outbox.ListAsync(new AttioOutboxQuery { Limit = 2, AfterId = page1[^1].Id });
        Assert.Equal(ids.Take(2), page1.Select(r => r.Id));
        Assert.Equal(ids.Skip(2).Take(2), page2.Select(r => r.Id));
    }

    [Fact]
    public async Task Retry_returns_one_or_all_dead_letters_to_pending_due_now_with_attempts_reset()
    {
        IAttioOutbox outbox = await NewAsync();
        IReadOnlyList<long> ids = await outbox.EnqueueManyAsync([Message("e1", "k1"), Message("e2", "k2"), Message("e3", "k3")]);
        AttioOutboxLease lease = await LeaseAsync(outbox);
        await outbox.ClaimAsync(lease, 10, Now);
        foreach (long id in ids)
        {
            await outbox.DeadLetterAsync(lease, id, Error("permanent"), Now);
        }

        Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await outbox.RetryDeadAsync(ids[1], Now));
        AttioOutboxEntry retried = await RowAsync(outbox, ids[1]);
        Assert.Equal(AttioOutboxState.Pending, retried.State);
        Assert.Equal(0, retried.Attempts);
        Assert.True(retried.NextAttemptAt <= Now);
        Assert.Equal(0, await outbox.RetryDeadAsync(ids[1], Now));
        Assert.Equal([ids[1]], (await outbox.ClaimAsync(lease, 10, Now)).Select(r => r.Id));

        Assert.Equal(2, await outbox.RetryDeadAsync(null, Now));
        Assert.Equal(0, (await outbox.GetStatusAsync()).Dead);
    }

    [Fact]
    public async Task Purge_deletes_dead_letters_older_than_the_cutoff_or_all()
    {
        IAttioOutbox outbox = await NewAsync();
        IReadOnlyList<long> ids = await outbox.EnqueueManyAsync([Message("e1", "k1"), Message("e2", "k2"), Message("e3", "k3")]);
        AttioOutboxLease lease = await LeaseAsync(outbox);
        await outbox.ClaimAsync(lease, 10, Now);
        await outbox.DeadLetterAsync(lease, ids[0], Error("permanent"), Now);
        DateTimeOffset cutoff = Now.AddHours(1);
        await outbox.DeadLetterAsync(lease, ids[1], Error("permanent"), Now.AddHours(2));

        Assert.Equal(1, await outbox.PurgeDeadAsync(cutoff));
        Assert.Equal([ids[1]], (await AllAsync(outbox, AttioOutboxState.Dead)).Select(r => r.Id));
        Assert.Equal(1, await outbox.PurgeDeadAsync(null));
        Assert.Empty(await AllAsync(outbox, AttioOutboxState.Dead));
        Assert.Equal(1, (await outbox.GetStatusAsync()).InFlight);
    }

    [Fact]
    public async Task Status_counts_every_state_and_the_oldest_unfinished_row()
    {
        IAttioOutbox outbox = await NewAsync();
        long first = await outbox.EnqueueAsync(Message("e1", "k1"));
        DateTimeOffset firstAt = Now;
        Time.Advance(TimeSpan.FromSeconds(30));
        IReadOnlyList<long> more = await outbox.EnqueueManyAsync([Message("e2", "k2"), Message("e3", "k3"), Message("e4", "k4")]);
        AttioOutboxLease lease = await LeaseAsync(outbox);
        await outbox.ClaimAsync(lease, 3, Now);
        await outbox.CompleteAsync(lease, [more[0]], Now);
        await outbox.DeadLetterAsync(lease, more[1], Error("permanent"), Now);

        AttioOutboxStatus status = await outbox.GetStatusAsync();
        Assert.Equal((1L, 1L, 1L, 1L), (status.Pending, status.InFlight, status.Dead, status.Delivered));
        Assert.Equal(2, status.Unfinished);
        Assert.Equal(firstAt, status.OldestPendingEnqueuedAt);
        Assert.Equal(TimeSpan.FromSeconds(30), status.OldestPendingAge(Now));

        await outbox.CompleteAsync(lease, [first], Now);
        Assert.Equal(Now, (await outbox.GetStatusAsync()).OldestPendingEnqueuedAt);
    }

    [Fact]
    public async Task Empty_store_reports_nothing_unfinished()
    {
        IAttioOutbox outbox = await NewAsync();
        AttioOutboxStatus status = await outbox.GetStatusAsync();
        Assert.Equal(0, status.Unfinished);
        Assert.Null(status.OldestPendingEnqueuedAt);
        Assert.Equal(TimeSpan.Zero, status.OldestPendingAge(Now));
    }

    [Fact]
    public async Task Activity_counts_deliveries_and_dead_letters_per_minute()
    {
        IAttioOutbox outbox = await NewAsync();
        IReadOnlyList<long> ids = await outbox.EnqueueManyAsync([.. Enumerable.Range(0, 5).Select(i => Message($"e{i}", $"k{i}"))]);
        AttioOutboxLease lease = await LeaseAsync(outbox);
        await outbox.ClaimAsync(lease, 10, Now);
        DateTimeOffset minute0 = Now;
        await outbox.CompleteAsync(lease, [ids[0], ids[1]], minute0.AddSeconds(5));
        await outbox.DeadLetterAsync(lease, ids[2], Error("permanent"), minute0.AddSeconds(50));
        await outbox.CompleteAsync(lease, [ids[3]], minute0.AddMinutes(2).AddSeconds(1));

        IReadOnlyList<AttioOutboxMinute> all = await outbox.GetActivityAsync(minute0.AddMinutes(-10));
        Assert.Equal([new AttioOutboxMinute(minute0, 2, 1), new AttioOutboxMinute(minute0.AddMinutes(2), 1, 0)], all);
        Assert.Equal([new AttioOutboxMinute(minute0.AddMinutes(2), 1, 0)], await outbox.GetActivityAsync(minute0.AddMinutes(1)));
    }

    [Fact]
    public async Task Ledger_upserts_by_record_and_attribute_and_reads_by_record()
    {
        IAttioOutbox outbox = await NewAsync();
        var t = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        await outbox.WriteLedgerAsync([
            new AttioLedgerEntry("people:email:a", "name", t, "h1", Now),
            new AttioLedgerEntry("people:email:a", "phone", t, "h2", Now),
            new AttioLedgerEntry("people:email:b", "name", t, "h3", Now),
        ]);
        await outbox.WriteLedgerAsync([new AttioLedgerEntry("people:email:a", "name", t.AddMinutes(1), "h4", Now.AddMinutes(1))]);

        IReadOnlyList<AttioLedgerEntry> a = await outbox.ReadLedgerAsync(["people:email:a"]);
        Assert.Equal(2, a.Count);
        AttioLedgerEntry name = a.Single(e => e.AttributeSlug == "name");
        Assert.Equal(new AttioLedgerEntry("people:email:a", "name", t.AddMinutes(1), "h4", Now.AddMinutes(1)), name);
        Assert.Equal(3, (await outbox.ReadLedgerAsync(["people:email:a", "people:email:b", "people:email:none"])).Count);
        Assert.Empty(await outbox.ReadLedgerAsync(["people:email:none"]));
    }

    [Fact]
    public async Task Rows_dead_letters_progress_and_the_ledger_survive_a_reopen()
    {
        IAttioOutbox outbox = await NewAsync();
        IReadOnlyList<long> ids = await outbox.EnqueueManyAsync([Message("e1", "k1"), Message("e2", "k2"), Message("e3", "k3")]);
        AttioOutboxLease lease = await LeaseAsync(outbox);
        await outbox.ClaimAsync(lease, 10, Now);
        await outbox.SaveProgressAsync(lease, ids[0], "step 0 -> rec-1");
        await outbox.DeadLetterAsync(lease, ids[1], Error("permanent"), Now);
        await outbox.CompleteAsync(lease, [ids[2]], Now);
        await outbox.WriteLedgerAsync([new AttioLedgerEntry("k1", "name", Now, "h", Now)]);

        IAttioOutbox again = await AgainAsync(outbox);
        await again.InitializeAsync();
        Assert.Equal("step 0 -> rec-1", (await RowAsync(again, ids[0])).Progress);
        Assert.Equal(Error("permanent"), (await RowAsync(again, ids[1])).LastError);
        Assert.Single(await again.ReadLedgerAsync(["k1"]));
        AttioOutboxStatus status = await again.GetStatusAsync();
        Assert.Equal((1L, 1L, 1L), (status.InFlight, status.Dead, status.Delivered));

        // The first handle's holder is gone: after expiry a new owner recovers its row.
        Time.Advance(LeaseDuration + TimeSpan.FromSeconds(1));
        AttioOutboxLease next = await LeaseAsync(again, "owner-b");
        Assert.Equal([ids[0]], (await again.ClaimAsync(next, 10, Now)).Select(r => r.Id));
        Assert.True(ids[2] < await again.EnqueueAsync(Message("e4", "k4")));
    }
}
