using Northwind.Crm;

namespace Attio.Delivery.Tests.Outbox;

public sealed class OutboxRestartTests
{
    [Fact]
    public async Task Rows_a_stopped_sender_left_are_delivered_once_by_the_next_sender_on_the_store()
    {
        await using var env = await TestEnvironment.StartAsync();
        var outbox = new InMemoryAttioOutbox();
        // The first sender's client is slow (one write per second), so stopping it at once leaves claimed and unclaimed rows.
        var slowOptions = TestEnvironment.ClientOptions(env.Emulator, 1);
        using var slowClient = new AttioClient(slowOptions);
        var first = new AttioSender(slowClient, new AttioSenderOptions { Outbox = outbox, MaxConcurrency = 4 });
        var receipts = new List<AttioDeliveryReceipt>();
        for (int i = 0; i < 20; i++)
        {
            receipts.Add(await first.EnqueueIdentifyAsync($"restart{i}@example.com", $"u-restart-{i}", new Person { JobTitle = "t" }));
        }

        IReadOnlyList<AttioDeliveryResult> left = await first.StopAsync(TimeSpan.Zero);
        Assert.NotEmpty(left);
        Assert.All(left, r =>
        {
            Assert.Equal(AttioDeliveryStatus.NotDeliveredAtShutdown, r.Status);
            Assert.True(r.IsStored, r.ToString());
            Assert.NotNull(r.OutboxId);
        });
        Assert.True((await outbox.GetStatusAsync()).Unfinished > 0);

        IAttioOutbox reopened = outbox;
        await using var second = new AttioSender(env.Client, new AttioSenderOptions { Outbox = reopened });
        await second.FlushAsync();

        AttioOutboxStatus status = await reopened.GetStatusAsync();
        Assert.Equal((0L, 0L, 20L), (status.Unfinished, status.Dead, status.Delivered));
        Assert.Equal(20, env.Emulator.Store.Records("users").Count);
        Assert.Equal(20, env.Emulator.Store.Records("people").Count);
        for (int i = 0; i < 20; i++)
        {
            JsonObjectAssert(env, i);
        }
    }

    private static void JsonObjectAssert(TestEnvironment env, int i)
    {
        var user = Stored.ByText(env.Emulator, "users", "user_id", $"u-restart-{i}");
        var person = Stored.PersonByEmail(env.Emulator, $"restart{i}@example.com");
        Assert.Equal(Stored.Id(person), Stored.String(user, "person", "target_record_id"));
    }
}
