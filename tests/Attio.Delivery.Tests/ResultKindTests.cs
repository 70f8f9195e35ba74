using System.Net;
using Attio.Emulator;
using Northwind.Crm;

namespace Attio.Delivery.Tests;

public sealed class ResultKindTests
{
    [Fact]
    public async Task DeliveredCarriesTheStoredRecordId()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client);

        var batch = await sender.SendBatchAsync([AttioDeliveryEvent.Assert(new Person { EmailAddresses = ["ada@example.com"], JobTitle = "Engineer" }, "email_addresses")]);

        var result = Assert.Single(batch.Results);
        Assert.Equal(AttioDeliveryStatus.Delivered, result.Status);
        var stored = Stored.PersonByEmail(env.Emulator, "ada@example.com");
        Assert.Equal(Stored.Id(stored), result.RecordId);
        Assert.Equal(Stored.Id(stored), result.RecordIds["people"]);
        Assert.Equal("Engineer", Stored.String(stored, "job_title"));
        Assert.Equal(1, batch.Delivered);
        Assert.True(batch.AllDelivered);
    }

    [Fact]
    public async Task InvalidEventsAreRejectedWithReasonsAndDoNotBlockValidOnes()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client);

        var batch = await sender.SendBatchAsync(
        [
            AttioDeliveryEvent.Assert(new Person { EmailAddresses = ["ok1@example.com"] }, "email_addresses"),
            AttioDeliveryEvent.Assert(new Person { EmailAddresses = ["not-an-email"] }, "email_addresses"),
            AttioDeliveryEvent.Assert(new Person { JobTitle = "No key" }, "email_addresses"),
            AttioDeliveryEvent.Identify("broken@", "u-1"),
            AttioDeliveryEvent.Identify("fine@example.com", "u-2", user: new User { PrimaryEmailAddress = "broken" }),
            AttioDeliveryEvent.Group("acme.example", " "),
            AttioDeliveryEvent.Identify("person-as-user@example.com", "u-3", user: new Person()),
            AttioDeliveryEvent.Assert(new Person { EmailAddresses = ["ok2@example.com"] }, "email_addresses"),
        ]);

        Assert.Equal(
            [AttioDeliveryStatus.Delivered, AttioDeliveryStatus.RejectedBeforeSending, AttioDeliveryStatus.RejectedBeforeSending,
             AttioDeliveryStatus.RejectedBeforeSending, AttioDeliveryStatus.RejectedBeforeSending, AttioDeliveryStatus.RejectedBeforeSending,
             AttioDeliveryStatus.RejectedBeforeSending, AttioDeliveryStatus.Delivered],
            batch.Results.Select(r => r.Status));
        Assert.Contains(batch.Results[1].ValidationErrors, e => e is { ObjectSlug: "people", AttributeSlug: "email_addresses" });
        Assert.Contains(batch.Results[2].ValidationErrors, e => e.AttributeSlug == "email_addresses" && e.Expected.Contains("matching", StringComparison.Ordinal));
        Assert.Contains(batch.Results[3].ValidationErrors, e => e.AttributeSlug == "email_addresses");
        Assert.Contains(batch.Results[4].ValidationErrors, e => e is { ObjectSlug: "users", AttributeSlug: "primary_email_address" });
        Assert.Contains(batch.Results[5].ValidationErrors, e => e.AttributeSlug == "workspace_id");
        Assert.Contains(batch.Results[6].ValidationErrors, e => e.Expected.Contains("users record", StringComparison.Ordinal));
        Assert.All(batch.Results.Where(r => !r.IsDelivered), r => Assert.False(string.IsNullOrEmpty(r.Detail)));
        Assert.Equal(6, batch.RejectedBeforeSending);
        // Only the two valid events reached Attio.
        Assert.Equal(2, env.Writes("PUT", "/v2/objects/").Count);
    }

    [Fact]
    public async Task AttiosRefusalIsAPermanentFailureWithStatusCodeMessageAndExecutionId()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client);

        // job_title is not unique, so Attio refuses to assert by it.
        var batch = await sender.SendBatchAsync([AttioDeliveryEvent.Assert(new Person { JobTitle = "CTO" }, "job_title")]);

        var result = Assert.Single(batch.Results);
        Assert.Equal(AttioDeliveryStatus.FailedPermanently, result.Status);
        Assert.NotNull(result.Error);
        Assert.Equal(HttpStatusCode.BadRequest, result.Error.StatusCode);
        Assert.Equal("matching_attribute_definition_not_unique", result.Error.Code);
        Assert.False(string.IsNullOrEmpty(result.Error.Message));
        Assert.Equal(env.Emulator.Journal.Single().ExecutionId, result.Error.ExecutionId);
        Assert.IsType<AttioApiException>(result.Error.Exception);
        Assert.Null(result.RecordId);
    }

    [Fact]
    public async Task RetryableFailuresThatOutlastTheRetryBudgetAreGaveUpAfterRetries()
    {
        await using var env = await TestEnvironment.StartAsync(configure: o => o.MaxRetryAttempts = 1);
        await using var sender = new AttioSender(env.Client, new AttioSenderOptions { MaxConcurrency = 1 });
        env.Emulator.Faults.Enqueue("PUT /v2/objects/people/records", FaultKind.Status503, count: 2);
        env.Emulator.Faults.Enqueue("PUT /v2/objects/companies/records", FaultKind.DropConnection, count: 2);

        var batch = await sender.SendBatchAsync(
        [
            AttioDeliveryEvent.Assert(new Person { EmailAddresses = ["flaky@example.com"] }, "email_addresses"),
            AttioDeliveryEvent.Assert(new Company { Domains = ["dropped.example"] }, "domains"),
            AttioDeliveryEvent.Assert(new Person { EmailAddresses = ["after@example.com"] }, "email_addresses"),
        ]);

        Assert.Equal(AttioDeliveryStatus.GaveUpAfterRetries, batch.Results[0].Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, batch.Results[0].Error!.StatusCode);
        Assert.Equal(2, batch.Results[0].Error!.Attempts);
        Assert.Equal(AttioDeliveryStatus.GaveUpAfterRetries, batch.Results[1].Status);
        Assert.Null(batch.Results[1].Error!.StatusCode);
        Assert.IsType<AttioTransportException>(batch.Results[1].Error!.Exception);
        Assert.Equal(AttioDeliveryStatus.Delivered, batch.Results[2].Status);
        Assert.Equal(2, batch.GaveUpAfterRetries);
    }

    [Fact]
    public async Task StoppingWithPendingWorkReportsEveryUndeliveredEvent()
    {
        // Two fake clocks. The emulator's never moves, so the request it delays stays in flight until the sender aborts it;
        // the sender's moves past the stop's deadline once the sender has set that deadline.
        var emulatorClock = new TimerWatchingTimeProvider();
        var senderClock = new TimerWatchingTimeProvider();
        await using var env = await TestEnvironment.StartAsync(emulatorClock: emulatorClock);
        var sender = new AttioSender(env.Client, new AttioSenderOptions { MaxConcurrency = 1, TimeProvider = senderClock });
        var firstRequestHeld = emulatorClock.TimerCreated(TimeSpan.FromSeconds(5));
        env.Emulator.Faults.Enqueue("PUT /v2/objects/people/records", FaultKind.Delay, delay: TimeSpan.FromSeconds(5));
        var receipts = new List<AttioDeliveryReceipt>();
        for (int i = 0; i < 5; i++)
        {
            receipts.Add(await sender.EnqueueRecordAsync(new Person { EmailAddresses = [$"pending{i}@example.com"] }, "email_addresses"));
        }

        // One delivery is in flight and the other four wait behind the single worker.
        await firstRequestHeld.WaitAsync(TimerWatchingTimeProvider.Patience);
        var deadlineSet = senderClock.TimerCreated(TimeSpan.FromMilliseconds(300));
        var stopping = sender.StopAsync(TimeSpan.FromMilliseconds(300));
        await deadlineSet.WaitAsync(TimerWatchingTimeProvider.Patience);
        Assert.False(stopping.IsCompleted);
        senderClock.Advance(TimeSpan.FromMilliseconds(300));
        var notDelivered = await stopping.WaitAsync(TimerWatchingTimeProvider.Patience);

        Assert.Equal(5, notDelivered.Count);
        Assert.Equal(receipts.Select(r => r.Sequence), notDelivered.Select(r => r.Sequence));
        Assert.All(notDelivered, r => Assert.Equal(AttioDeliveryStatus.NotDeliveredAtShutdown, r.Status));
        Assert.Contains("in flight", notDelivered[0].Detail, StringComparison.Ordinal);
        Assert.All(notDelivered.Skip(1), r => Assert.DoesNotContain("in flight", r.Detail, StringComparison.Ordinal));
        foreach (var receipt in receipts)
        {
            Assert.Equal(AttioDeliveryStatus.NotDeliveredAtShutdown, (await receipt.Completion).Status);
        }

        Assert.Equal(0, env.Emulator.Store.Count("people"));

        // After the stop, nothing is accepted, and that is reported too.
        var late = await sender.EnqueueRecordAsync(new Person { EmailAddresses = ["late@example.com"] }, "email_addresses");
        Assert.Equal(AttioDeliveryStatus.NotDeliveredAtShutdown, (await late.Completion).Status);
        await sender.DisposeAsync();
    }

    [Fact]
    public async Task StoppingWithinTheDeadlineFlushesEverything()
    {
        await using var env = await TestEnvironment.StartAsync(writesPerSecond: 50);
        var sender = new AttioSender(env.Client, new AttioSenderOptions { Coalesce = true, CoalescingWindow = TimeSpan.FromSeconds(30) });
        var receipts = new List<AttioDeliveryReceipt>();
        for (int i = 0; i < 60; i++)
        {
            receipts.Add(await sender.EnqueueIdentifyAsync($"flush{i}@example.com", $"u-flush-{i}"));
        }

        // The 30 s coalescing window would hold them; stopping sends them at once.
        var notDelivered = await sender.StopAsync(TimeSpan.FromSeconds(20));

        Assert.Empty(notDelivered);
        Assert.All(await Task.WhenAll(receipts.Select(r => r.Completion)), r => Assert.Equal(AttioDeliveryStatus.Delivered, r.Status));
        Assert.Equal(60, env.Emulator.Store.Count("users"));
        await sender.DisposeAsync();
    }
}
