using Microsoft.Extensions.Time.Testing;

namespace Attio.Delivery.Tests.Outbox;

public sealed class OutboxLeaseTests
{
    [Fact]
    public async Task A_sender_whose_lease_ran_out_while_it_waited_for_its_pace_sends_nothing()
    {
        DateTimeOffset start = DateTimeOffset.UtcNow;
        var senderTime = new FakeTimeProvider(start);
        var storeTime = new FakeTimeProvider(start);
        // One write per second on the sender's clock: the request waits for the pace, which only the test moves.
        await using var env = await TestEnvironment.StartAsync(configure: o =>
        {
            FakeClock.OnFakeClock(o, senderTime);
            o.WritesPerSecond = 1;
        });
        var outbox = new InMemoryAttioOutbox(storeTime);
        await using var sender = new AttioSender(env.Client, new AttioSenderOptions { Outbox = outbox, TimeProvider = senderTime, LeaseDuration = TimeSpan.FromSeconds(15) });

        AttioDeliveryReceipt second = await sender.EnqueueRecordAsync(new Northwind.Crm.Company { Domains = ["second.example"] }, "domains");
        await FakeClock.UntilAsync(async () => (await outbox.GetStatusAsync()).InFlight == 1,
            "the row claimed", async () => string.Join(",", (await outbox.ListAsync(new AttioOutboxQuery())).Select(r => $"{r.State} {r.LastError}")) + $" journal {env.Emulator.Journal.Count}");

        // Meanwhile the store's lease expired and another instance took over; the paused sender then resumes.
        storeTime.Advance(TimeSpan.FromSeconds(20));
        AttioOutboxLease? other = await outbox.AcquireLeaseAsync("other-instance", TimeSpan.FromHours(1));
        Assert.NotNull(other);
        senderTime.Advance(TimeSpan.FromSeconds(20));
        await FakeClock.UntilAsync(() => Task.FromResult(sender.OutboxRowsInMemory == 0), "the second delivery settled");

        Assert.Empty(env.Emulator.Journal);
        AttioOutboxEntry row = Assert.Single(await outbox.ListAsync(new AttioOutboxQuery()), r => r.Id == second.OutboxId);
        Assert.Equal(AttioOutboxState.Pending, row.State);
        Assert.False(second.Completion.IsCompleted);
    }
}
