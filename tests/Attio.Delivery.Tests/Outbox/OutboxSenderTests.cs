using Northwind.Crm;

namespace Attio.Delivery.Tests.Outbox;

public sealed class OutboxSenderTests
{
    [Fact]
    public async Task A_sender_on_an_outbox_stores_before_returning_delivers_each_identify_exactly_once_and_flushes()
    {
        await using var env = await TestEnvironment.StartAsync();
        var outbox = new InMemoryAttioOutbox();
        await using var sender = new AttioSender(env.Client, new AttioSenderOptions { Outbox = outbox, MaxConcurrency = 4 });

        var receipts = new List<AttioDeliveryReceipt>();
        for (int i = 0; i < 30; i++)
        {
            AttioDeliveryReceipt receipt = await sender.EnqueueIdentifyAsync($"ob{i}@example.com", $"u-ob-{i}", new Person { JobTitle = $"T{i}" });
            Assert.NotNull(receipt.OutboxId);
            receipts.Add(receipt);
        }

        await sender.FlushAsync();

        AttioOutboxStatus status = await outbox.GetStatusAsync();
        Assert.Equal((0L, 30L), (status.Unfinished, status.Delivered));
        Assert.Equal(30, env.Emulator.Store.Records("users").Count);
        Assert.Equal(30, env.Emulator.Store.Records("people").Count);
        Assert.Equal(30, env.Writes("PUT", "/v2/objects/users/records").Count);
        Assert.Equal(30, env.Writes("PUT", "/v2/objects/people/records").Count);
        for (int i = 0; i < 30; i++)
        {
            AttioDeliveryResult result = await receipts[i].Completion;
            Assert.True(result.IsDelivered, result.ToString());
            Assert.Equal(receipts[i].OutboxId, result.OutboxId);
            Assert.Equal(Stored.Id(Stored.ByText(env.Emulator, "users", "user_id", $"u-ob-{i}")), result.RecordId);
        }
    }

    [Fact]
    public async Task An_invalid_event_is_rejected_at_enqueue_and_nothing_is_stored()
    {
        await using var env = await TestEnvironment.StartAsync();
        var outbox = new InMemoryAttioOutbox();
        await using var sender = new AttioSender(env.Client, new AttioSenderOptions { Outbox = outbox });

        AttioDeliveryReceipt receipt = await sender.EnqueueIdentifyAsync("not-an-email", "u-1");

        Assert.True(receipt.IsRejected);
        Assert.Null(receipt.OutboxId);
        Assert.Empty(await outbox.ListAsync(new AttioOutboxQuery()));
    }
}
