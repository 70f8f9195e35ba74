using Microsoft.Extensions.Time.Testing;
using Northwind.Crm;

namespace Attio.Delivery.Tests.Outbox;

public sealed class OutboxDeadLetterTests
{
    private const string ValidationBody = "{\"status_code\":400,\"type\":\"invalid_request_error\",\"code\":\"validation_type\",\"message\":\"Invalid value for job_title\"}";

    [Fact]
    public async Task A_400_becomes_a_dead_letter_with_Attios_fields_and_a_retry_after_the_fix_delivers_it()
    {
        await using var env = await TestEnvironment.StartAsync();
        var outbox = new InMemoryAttioOutbox();
        await using var sender = new AttioSender(env.Client, new AttioSenderOptions { Outbox = outbox });
        env.Emulator.Faults.EnqueueResponse("PUT /v2/objects/people/records", 400, ValidationBody);

        AttioDeliveryReceipt receipt = await sender.EnqueueIdentifyAsync("refused@example.com", "u-refused");
        await sender.FlushAsync();

        AttioOutboxEntry dead = Assert.Single(await outbox.ListAsync(new AttioOutboxQuery { State = AttioOutboxState.Dead }));
        Assert.Equal(receipt.OutboxId, dead.Id);
        Assert.Equal("permanent", dead.LastError!.Kind);
        Assert.Equal(400, dead.LastError.StatusCode);
        Assert.Equal("validation_type", dead.LastError.Code);
        Assert.Equal("Invalid value for job_title", dead.LastError.Message);
        Assert.Equal(env.Emulator.Journal.Single(e => e.StatusCode == 400).ExecutionId, dead.LastError.ExecutionId);
        Assert.Equal(1, dead.Attempts);
        AttioDeliveryResult result = await receipt.Completion;
        Assert.Equal(AttioDeliveryStatus.FailedPermanently, result.Status);
        Assert.True(result.IsStored);
        Assert.Empty(env.Emulator.Store.Records("users"));

        // The cause is gone (the fault was used up): an operator's retry delivers it.
        Assert.Equal(1, await outbox.RetryDeadAsync(dead.Id, DateTimeOffset.UtcNow));
        await sender.FlushAsync();
        Assert.Equal(1, (await outbox.GetStatusAsync()).Delivered);
        Assert.Single(env.Emulator.Store.Records("users"));
    }

    [Fact]
    public async Task A_404_becomes_a_dead_letter_with_the_status_and_execution_id()
    {
        await using var env = await TestEnvironment.StartAsync();
        var outbox = new InMemoryAttioOutbox();
        await using var sender = new AttioSender(env.Client, new AttioSenderOptions { Outbox = outbox });

        await sender.EnqueuePlanAsync(AttioActions.Update("0b6f3c1e-9a55-4f9a-8c43-2f1d1c0e7a11", new Person { JobTitle = "ghost" }));
        await sender.FlushAsync();

        AttioOutboxEntry dead = Assert.Single(await outbox.ListAsync(new AttioOutboxQuery { State = AttioOutboxState.Dead }));
        Assert.Equal("permanent", dead.LastError!.Kind);
        Assert.Equal(404, dead.LastError.StatusCode);
        Assert.False(string.IsNullOrEmpty(dead.LastError.Code));
        Assert.Equal(env.Emulator.Journal.Single(e => e.StatusCode == 404).ExecutionId, dead.LastError.ExecutionId);
    }

    [Fact]
    public async Task A_stored_plan_of_an_unknown_version_is_a_dead_letter_of_kind_unreadable()
    {
        await using var env = await TestEnvironment.StartAsync();
        var outbox = new InMemoryAttioOutbox();
        long id = await outbox.EnqueueAsync(new AttioOutboxMessage("{\"version\":99,\"kind\":\"Assert\",\"steps\":[]}", ["people:x"], DateTimeOffset.UtcNow, "from a newer runtime"));
        await using var sender = new AttioSender(env.Client, new AttioSenderOptions { Outbox = outbox });

        await sender.FlushAsync();

        AttioOutboxEntry dead = Assert.Single(await outbox.ListAsync(new AttioOutboxQuery { State = AttioOutboxState.Dead }));
        Assert.Equal(id, dead.Id);
        Assert.Equal("unreadable", dead.LastError!.Kind);
        Assert.Contains("version 99", dead.LastError.Message, StringComparison.Ordinal);
        Assert.Empty(env.Emulator.Journal);
    }

    [Fact]
    public async Task A_create_that_started_without_a_result_is_not_repeated_until_an_operator_retries_it()
    {
        await using var env = await TestEnvironment.StartAsync();
        var storeTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var outbox = new InMemoryAttioOutbox(storeTime);
        long id = await outbox.EnqueueAsync(AttioOutboxMessage.FromEvent(AttioDeliveryEvent.Plan(AttioActions.Create(new Company { Name = "Maybe Ltd" })), storeTime.GetUtcNow()));
        // A process claimed it, recorded that the create started, and died.
        AttioOutboxLease crashed = (await outbox.AcquireLeaseAsync("crashed", TimeSpan.FromSeconds(15)))!;
        await outbox.ClaimAsync(crashed, 10, storeTime.GetUtcNow());
        Assert.True(await outbox.SaveProgressAsync(crashed, id, "create:0:started"));
        storeTime.Advance(TimeSpan.FromSeconds(20));

        await using var sender = new AttioSender(env.Client, new AttioSenderOptions { Outbox = outbox });
        await sender.FlushAsync();

        AttioOutboxEntry dead = Assert.Single(await outbox.ListAsync(new AttioOutboxQuery { State = AttioOutboxState.Dead }));
        Assert.Equal("uncertain-create", dead.LastError!.Kind);
        Assert.Contains($"attio outbox retry {id}", dead.LastError.Message, StringComparison.Ordinal);
        Assert.Empty(env.Emulator.Journal);

        Assert.Equal(1, await outbox.RetryDeadAsync(id, storeTime.GetUtcNow()));
        await sender.FlushAsync();
        Assert.Single(env.Writes("POST", "/v2/objects/companies/records"));
        Assert.Single(env.Emulator.Store.Records("companies"));
        Assert.Equal(1, (await outbox.GetStatusAsync()).Delivered);
    }

    [Fact]
    public async Task A_create_stored_by_an_earlier_attempt_is_not_sent_again_and_later_steps_use_its_record()
    {
        await using var env = await TestEnvironment.StartAsync();
        AttioPlanResult earlier = await env.Client.ExecuteAsync(AttioActions.Create(new Company { Name = "Once Ltd" }));
        string recordId = earlier.Record.RecordId;
        var storeTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var outbox = new InMemoryAttioOutbox(storeTime);
        AttioWritePlan plan = AttioActions.Create(new Company { Name = "Once Ltd" }).ThenAppend(0, new Company { Description = "appended" });
        long id = await outbox.EnqueueAsync(AttioOutboxMessage.FromEvent(AttioDeliveryEvent.Plan(plan), storeTime.GetUtcNow()));
        AttioOutboxLease crashed = (await outbox.AcquireLeaseAsync("crashed", TimeSpan.FromSeconds(15)))!;
        await outbox.ClaimAsync(crashed, 10, storeTime.GetUtcNow());
        Assert.True(await outbox.SaveProgressAsync(crashed, id, $"create:0:{recordId}"));
        storeTime.Advance(TimeSpan.FromSeconds(20));

        await using var sender = new AttioSender(env.Client, new AttioSenderOptions { Outbox = outbox });
        await sender.FlushAsync();

        Assert.Single(env.Writes("POST", "/v2/objects/companies/records"));
        Assert.Single(env.Emulator.Store.Records("companies"));
        Assert.Contains(env.Emulator.Journal, e => e.Method == "PATCH" && e.Path.EndsWith(recordId, StringComparison.Ordinal));
        Assert.Equal(1, (await outbox.GetStatusAsync()).Delivered);
    }
}
