using Attio.Emulator;
using Microsoft.Extensions.Time.Testing;
using Northwind.Crm;

namespace Attio.Delivery.Tests.Outbox;

public sealed class OutboxOutageTests
{
    private const int Events = 20;

    [Fact]
    public async Task A_long_503_outage_then_recovery_delivers_everything_with_no_dead_letter_and_a_probe_per_interval()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var env = await TestEnvironment.StartAsync(configure: o => FakeClock.OnFakeClock(o, time));
        var outbox = new InMemoryAttioOutbox(time);
        await using var sender = new AttioSender(env.Client, Options(outbox, time));
        env.Emulator.Faults.AddProbabilistic("PUT /v2/objects/*/records", FaultKind.Status503, 1.0, seed: 1);

        var receipts = new List<AttioDeliveryReceipt>();
        for (int i = 0; i < Events; i++)
        {
            receipts.Add(await sender.EnqueueIdentifyAsync($"outage{i}@example.com", $"u-outage-{i}", new Person { JobTitle = "t" }));
        }

        DateTimeOffset start = time.GetUtcNow();
        await FakeClock.RunUntilAsync(time, sender, () => Task.FromResult(time.GetUtcNow() - start >= TimeSpan.FromHours(6)),
            TimeSpan.FromSeconds(10), TimeSpan.FromHours(7), "six hours of outage", () => Describe(outbox, sender, env));
        int outageRequests = env.Emulator.Journal.Count(e => e.Fault == FaultKind.Status503);
        Assert.Equal(0, (await outbox.GetStatusAsync()).Dead);
        Assert.All(receipts, r => Assert.False(r.Completion.IsCompleted));

        env.Emulator.Faults.Clear();
        await FakeClock.RunUntilAsync(time, sender, async () => (await outbox.GetStatusAsync()).Unfinished == 0,
            TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), "delivery after the outage");

        AttioOutboxStatus status = await outbox.GetStatusAsync();
        Assert.Equal((0L, (long)Events), (status.Dead, status.Delivered));
        Assert.Equal(Events, env.Emulator.Store.Records("users").Count);
        Assert.Equal(Events, env.Emulator.Store.Records("people").Count);
        foreach (AttioDeliveryReceipt receipt in receipts)
        {
            AttioDeliveryResult result = await receipt.Completion;
            Assert.True(result.IsDelivered, result.ToString());
        }

        // Six hours of per-row retries would be thousands of requests; paused claiming probes with one row per backoff (<= 5 min).
        Assert.True(outageRequests >= Events, $"{outageRequests} requests during the outage");
        Assert.True(outageRequests <= Events + 6 * 60 / 4 + 10, $"{outageRequests} requests during the outage");
    }

    [Fact]
    public async Task Past_the_horizon_a_row_becomes_a_dead_letter_of_kind_horizon_with_the_503()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var env = await TestEnvironment.StartAsync(configure: o => FakeClock.OnFakeClock(o, time));
        var outbox = new InMemoryAttioOutbox(time);
        AttioSenderOptions options = Options(outbox, time);
        options.RetryHorizon = TimeSpan.FromHours(1);
        await using var sender = new AttioSender(env.Client, options);
        env.Emulator.Faults.AddProbabilistic("PUT /v2/objects/*/records", FaultKind.Status503, 1.0, seed: 1);

        var receipts = new List<AttioDeliveryReceipt>();
        for (int i = 0; i < 5; i++)
        {
            receipts.Add(await sender.EnqueueIdentifyAsync($"late{i}@example.com", $"u-late-{i}"));
        }

        await FakeClock.RunUntilAsync(time, sender, async () => (await outbox.GetStatusAsync()).Dead == 5,
            TimeSpan.FromSeconds(10), TimeSpan.FromHours(2), "dead letters at the horizon", () => Describe(outbox, sender, env));

        var dead = await outbox.ListAsync(new AttioOutboxQuery { State = AttioOutboxState.Dead });
        Assert.All(dead, row =>
        {
            Assert.Equal("horizon", row.LastError!.Kind);
            Assert.Equal(503, row.LastError.StatusCode);
            Assert.NotNull(row.LastError.ExecutionId);
            Assert.True(row.FinishedAt - row.EnqueuedAt >= TimeSpan.FromHours(1), $"died after {row.FinishedAt - row.EnqueuedAt}");
            Assert.True(row.Attempts >= 2);
        });
        foreach (AttioDeliveryReceipt receipt in receipts)
        {
            AttioDeliveryResult result = await receipt.Completion;
            Assert.Equal(AttioDeliveryStatus.GaveUpAfterRetries, result.Status);
            Assert.True(result.IsStored);
            Assert.Equal(receipt.OutboxId, result.OutboxId);
            Assert.Contains("horizon", result.Detail, StringComparison.Ordinal);
        }

        Assert.Empty(env.Emulator.Store.Records("users"));
    }

    private static string Describe(InMemoryAttioOutbox outbox, AttioSender sender, TestEnvironment env) =>
        $"in memory {sender.OutboxRowsInMemory}, queue {sender.QueueLength}, requests {env.Emulator.Journal.Count}; rows: "
        + string.Join(" | ", outbox.ListAsync(new AttioOutboxQuery()).AsTask().Result.Select(r => $"{r.Id} {r.State} a{r.Attempts} next {r.NextAttemptAt:HH:mm:ss} {r.LastError?.Kind}"));

    private static AttioSenderOptions Options(IAttioOutbox outbox, TimeProvider time) => new()
    {
        Outbox = outbox,
        TimeProvider = time,
        MaxConcurrency = 4,
        // Far beyond the simulated steps: the test is about retries, not lease renewals.
        LeaseDuration = TimeSpan.FromDays(30),
    };
}
