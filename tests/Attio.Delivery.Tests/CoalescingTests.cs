using Northwind.Crm;

namespace Attio.Delivery.Tests;

public sealed class CoalescingTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SingleValuesAreLastWriteWinsByEventTimeEvenWhenEnqueuedOutOfOrder()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client);

        var batch = await sender.SendBatchAsync(
        [
            AttioDeliveryEvent.Assert(new Person { EmailAddresses = ["lww@example.com"], JobTitle = "newest", Description = "d-newest" }, "email_addresses", T0.AddMinutes(10)),
            AttioDeliveryEvent.Assert(new Person { EmailAddresses = ["LWW@example.com"], JobTitle = "oldest", Linkedin = "li-old" }, "email_addresses", T0.AddMinutes(5)),
            AttioDeliveryEvent.Assert(new Person { EmailAddresses = ["lww@example.com"], Description = "d-middle" }, "email_addresses", T0.AddMinutes(7)),
        ]);

        Assert.True(batch.AllDelivered);
        var put = Assert.Single(env.Writes("PUT", "/v2/objects/people/records"));
        Assert.Equal(1, batch.Deliveries);
        Assert.Equal(1, batch.Requests);
        var stored = Stored.PersonByEmail(env.Emulator, "lww@example.com");
        Assert.Equal("newest", Stored.String(stored, "job_title"));
        Assert.Equal("d-newest", Stored.String(stored, "description"));
        Assert.Equal("li-old", Stored.String(stored, "linkedin"));
        Assert.Single(Stored.Values(stored, "email_addresses"));
        Assert.Equal(["lww@example.com"], Stored.Body(put)["email_addresses"]!.AsArray().Select(v => v!["email_address"]!.GetValue<string>()));

        Assert.All(batch.Results, r => Assert.Equal(batch.Results[0].DeliveryId, r.DeliveryId));
        Assert.All(batch.Results, r => Assert.Equal(3, r.CoalescedEvents));
        Assert.All(batch.Results, r => Assert.Equal(Stored.Id(stored), r.RecordId));
        Assert.Empty(batch.Results[0].SupersededAttributes);
        Assert.Equal(["people.job_title"], batch.Results[1].SupersededAttributes);
        Assert.False(batch.Results[1].IsSuperseded);
        Assert.True(batch.Results[2].IsSuperseded);
        Assert.Equal(1, batch.Superseded);
    }

    [Fact]
    public async Task MultiselectValuesAreReplacedByTheNewerListOrAppendedAsAUnion()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client);

        var batch = await sender.SendBatchAsync(
        [
            // categories is replaced by an assert: the newer list wins, whatever the enqueue order.
            // domains is the matching attribute, which Attio appends: the union, case-insensitively, first-seen order kept.
            AttioDeliveryEvent.Assert(new Company { Domains = ["acme.example"], Categories = ["B2B", "B2C"] }, "domains", T0.AddMinutes(1)),
            AttioDeliveryEvent.Assert(new Company { Domains = ["ACME.example", "acme-labs.example"], Categories = ["Technology"] }, "domains", T0.AddMinutes(2)),
            AttioDeliveryEvent.Assert(new Company { Domains = ["globex.example"], Categories = ["Internet"] }, "domains", T0.AddMinutes(9)),
            AttioDeliveryEvent.Assert(new Company { Domains = ["globex.example", "globex.example.org"], Categories = ["B2B", "Marketplace"] }, "domains", T0.AddMinutes(3)),
        ]);

        Assert.True(batch.AllDelivered);
        Assert.Equal(2, env.Writes("PUT", "/v2/objects/companies/records").Count);
        var acme = env.Emulator.Store.Records("companies").Single(c => Stored.Strings(c, "domains", "domain").Contains("acme.example"));
        Assert.Equal(["acme.example", "acme-labs.example"], Stored.Strings(acme, "domains", "domain"));
        Assert.Equal(["Technology"], Stored.Values(acme, "categories").Select(v => v!["option"]!["title"]!.GetValue<string>()));
        var globex = env.Emulator.Store.Records("companies").Single(c => Stored.Strings(c, "domains", "domain").Contains("globex.example"));
        Assert.Equal(["globex.example", "globex.example.org"], Stored.Strings(globex, "domains", "domain"));
        Assert.Equal(["Internet"], Stored.Values(globex, "categories").Select(v => v!["option"]!["title"]!.GetValue<string>()));
        Assert.True(batch.Results[3].IsSuperseded);
    }

    [Fact]
    public async Task IdentifiesOfOneUserCoalesceIntoOnePersonAndOneUserWrite()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client);

        var batch = await sender.SendBatchAsync(
        [
            AttioDeliveryEvent.Identify("Grace@Navy.example", "u-grace", new Person { JobTitle = "Rear admiral" }, timestamp: T0.AddMinutes(2)),
            AttioDeliveryEvent.Identify("grace@navy.example", "u-grace", new Person { JobTitle = "Captain" }, timestamp: T0.AddMinutes(1)),
            AttioDeliveryEvent.Identify("grace@navy.example", "u-grace", new Person { Description = "COBOL" }, timestamp: T0.AddMinutes(3)),
        ]);

        Assert.True(batch.AllDelivered);
        Assert.Single(env.Writes("PUT", "/v2/objects/people/records"));
        Assert.Single(env.Writes("PUT", "/v2/objects/users/records"));
        var person = Stored.PersonByEmail(env.Emulator, "grace@navy.example");
        Assert.Equal("Rear admiral", Stored.String(person, "job_title"));
        Assert.Equal("COBOL", Stored.String(person, "description"));
        Assert.True(batch.Results[1].IsSuperseded);
        Assert.All(batch.Results, r => Assert.Equal(batch.Results[0].RecordId, r.RecordId));
    }

    [Fact]
    public async Task AnOlderEventNeverOverwritesANewerOneAlreadyDelivered()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client);

        var first = await sender.SendBatchAsync([AttioDeliveryEvent.Assert(new Person { EmailAddresses = ["stale@example.com"], JobTitle = "new" }, "email_addresses", T0.AddHours(2))]);
        var late = await sender.SendBatchAsync([AttioDeliveryEvent.Assert(new Person { EmailAddresses = ["stale@example.com"], JobTitle = "old" }, "email_addresses", T0.AddHours(1))]);
        var mixed = await sender.SendBatchAsync([AttioDeliveryEvent.Assert(new Person { EmailAddresses = ["stale@example.com"], JobTitle = "older", Twitter = "@fresh" }, "email_addresses", T0.AddHours(1))]);

        var personId = first.Results[0].RecordId;
        var superseded = late.Results[0];
        Assert.Equal(AttioDeliveryStatus.Delivered, superseded.Status);
        Assert.True(superseded.IsSuperseded);
        Assert.Equal(0, superseded.Requests);
        Assert.Equal(personId, superseded.RecordId);
        Assert.Contains("superseded", superseded.Detail, StringComparison.Ordinal);
        Assert.Equal(["people.job_title"], mixed.Results[0].SupersededAttributes);
        Assert.False(mixed.Results[0].IsSuperseded);

        var puts = env.Writes("PUT", "/v2/objects/people/records");
        Assert.Equal(2, puts.Count);
        Assert.False(Stored.Body(puts[1]).ContainsKey("job_title"));
        var stored = Stored.PersonByEmail(env.Emulator, "stale@example.com");
        Assert.Equal("new", Stored.String(stored, "job_title"));
        Assert.Equal("@fresh", Stored.String(stored, "twitter"));
    }

    [Fact]
    public async Task WithoutCoalescingEveryEventIsItsOwnRequest()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client);

        var batch = await sender.SendBatchAsync(Enumerable.Range(0, 5).Select(i =>
            (AttioDeliveryEvent)AttioDeliveryEvent.Assert(new Person { EmailAddresses = ["solo@example.com"], JobTitle = $"v{i}" }, "email_addresses")), coalesce: false);

        Assert.Equal(5, batch.Deliveries);
        Assert.Equal(5, env.Writes("PUT", "/v2/objects/people/records").Count);
        Assert.Equal("v4", Stored.String(Stored.PersonByEmail(env.Emulator, "solo@example.com"), "job_title"));
    }

    [Fact]
    public async Task AStreamingSenderCoalescesEventsArrivingWithinTheWindow()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client, new AttioSenderOptions { Coalesce = true, CoalescingWindow = TimeSpan.FromMilliseconds(400) });
        var reported = new List<AttioDeliveryResult>();
        sender.ResultReported += r =>
        {
            lock (reported)
            {
                reported.Add(r);
            }
        };

        var receipts = new List<AttioDeliveryReceipt>();
        for (int i = 0; i < 5; i++)
        {
            receipts.Add(await sender.EnqueueRecordAsync(new Person { EmailAddresses = ["stream@example.com"], JobTitle = $"t{i}" }, "email_addresses"));
        }

        // A batch without coalescing is not held by the window: it is sent while the older, coalescing delivery still waits.
        var urgent = await sender.SendBatchAsync([AttioDeliveryEvent.Assert(new Person { EmailAddresses = ["urgent@example.com"] }, "email_addresses")], coalesce: false);
        Assert.False(receipts[0].Completion.IsCompleted);
        var results = await Task.WhenAll(receipts.Select(r => r.Completion));

        Assert.All(results, r => Assert.Equal(5, r.CoalescedEvents));
        Assert.Equal(2, env.Writes("PUT", "/v2/objects/people/records").Count);
        Assert.Equal("t4", Stored.String(Stored.PersonByEmail(env.Emulator, "stream@example.com"), "job_title"));
        Assert.True(urgent.AllDelivered);
        lock (reported)
        {
            Assert.Equal(6, reported.Count);
        }
    }
}
