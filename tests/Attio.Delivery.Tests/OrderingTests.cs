using Attio.Emulator;
using Northwind.Crm;

namespace Attio.Delivery.Tests;

public sealed class OrderingTests
{
    [Fact]
    public async Task IdentifyWritesThePersonBeforeTheUserAndLinksThem()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client, new AttioSenderOptions { MaxConcurrency = 8 });

        var batch = await sender.SendBatchAsync(Enumerable.Range(0, 40).Select(i =>
            (AttioDeliveryEvent)AttioDeliveryEvent.Identify($"Order{i}@Example.com", $"u-order-{i}", new Person { JobTitle = $"T{i}" })));

        Assert.True(batch.AllDelivered, batch.ToString());
        var journal = env.Emulator.Journal.ToList();
        for (int i = 0; i < 40; i++)
        {
            int person = journal.FindIndex(e => e.Path == "/v2/objects/people/records" && e.Body!.Contains($"order{i}@example.com", StringComparison.OrdinalIgnoreCase));
            int user = journal.FindIndex(e => e.Path == "/v2/objects/users/records" && e.Body!.Contains($"\"u-order-{i}\"", StringComparison.Ordinal));
            Assert.True(person >= 0 && user > person, $"identify {i}: person at {person}, user at {user}");
            var stored = Stored.ByText(env.Emulator, "users", "user_id", $"u-order-{i}");
            var personRecord = Stored.PersonByEmail(env.Emulator, $"order{i}@example.com");
            Assert.Equal(Stored.Id(personRecord), Stored.String(stored, "person", "target_record_id"));
            Assert.Equal($"order{i}@example.com", Stored.String(stored, "primary_email_address", "email_address"));
            Assert.Equal(Stored.Id(stored), batch.Results[i].RecordId);
            Assert.Equal(Stored.Id(personRecord), batch.Results[i].RecordIds["people"]);
        }
    }

    [Fact]
    public async Task GroupWritesCompanyThenWorkspaceThenMembershipAfterTheUsersIdentify()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client, new AttioSenderOptions { MaxConcurrency = 8 });

        var batch = await sender.SendBatchAsync(
        [
            AttioDeliveryEvent.Identify("owner@acme.example", "u-owner"),
            AttioDeliveryEvent.Group("acme.example", "ws-acme", new Company { Name = "Acme" }, new Workspace { Name = "Acme HQ" }, userId: "u-owner"),
            AttioDeliveryEvent.Identify("second@acme.example", "u-second"),
            AttioDeliveryEvent.Group("ACME.example", "ws-acme", userId: "u-second"),
        ], coalesce: false);

        Assert.True(batch.AllDelivered, batch.ToString());
        var journal = env.Emulator.Journal.ToList();
        int ownerUser = journal.FindIndex(e => e.Path == "/v2/objects/users/records" && e.Body!.Contains("u-owner", StringComparison.Ordinal));
        int company = journal.FindIndex(e => e.Path == "/v2/objects/companies/records");
        int workspace = journal.FindIndex(e => e.Path == "/v2/objects/workspaces/records" && e.Method == "PUT");
        var patches = journal.Select((e, i) => (e, i)).Where(x => x.e.Method == "PATCH").Select(x => x.i).ToList();
        Assert.True(company < workspace && workspace < patches[0], $"company {company}, workspace {workspace}, patch {patches[0]}");
        Assert.True(ownerUser < patches[0], "the membership waited for the identify of its user");
        Assert.Equal(2, patches.Count);

        var storedWorkspace = Stored.ByText(env.Emulator, "workspaces", "workspace_id", "ws-acme");
        var storedCompany = Assert.Single(env.Emulator.Store.Records("companies"));
        Assert.Equal(Stored.Id(storedCompany), Stored.String(storedWorkspace, "company", "target_record_id"));
        Assert.Equal(2, Stored.Values(storedWorkspace, "users").Count);
        Assert.Equal("Acme HQ", Stored.String(storedWorkspace, "name"));
        Assert.Equal(Stored.Id(storedWorkspace), batch.Results[1].RecordId);
        Assert.Equal(Stored.Id(storedCompany), batch.Results[3].RecordIds["companies"]);
    }

    [Fact]
    public async Task OperationsOnOneRecordRunOneAtATimeInEnqueueOrder()
    {
        await using var env = await TestEnvironment.StartAsync();
        // Coalescing off (the default before it was on): the four writes of one record must stay four, in order.
        await using var sender = new AttioSender(env.Client, new AttioSenderOptions { MaxConcurrency = 8, Coalesce = false });
        // Every person write takes 150 ms: overlapping writes of one record would arrive within a few ms of each other.
        env.Emulator.Faults.AddProbabilistic("PUT /v2/objects/people/records", FaultKind.Delay, 1.0, seed: 1, delay: TimeSpan.FromMilliseconds(150));

        var receipts = new List<AttioDeliveryReceipt>();
        for (int i = 0; i < 4; i++)
        {
            receipts.Add(await sender.EnqueueRecordAsync(new Person { EmailAddresses = ["same@example.com"], JobTitle = $"v{i}" }, "email_addresses"));
            receipts.Add(await sender.EnqueueRecordAsync(new Person { EmailAddresses = [$"other{i}@example.com"], JobTitle = "x" }, "email_addresses"));
        }

        await Task.WhenAll(receipts.Select(r => r.Completion));

        var same = env.Emulator.Journal.Where(e => e.Body!.Contains("same@example.com", StringComparison.Ordinal)).ToList();
        Assert.Equal(["v0", "v1", "v2", "v3"], same.Select(e => Stored.BodyString(e, "job_title")));
        for (int i = 1; i < same.Count; i++)
        {
            Assert.True(same[i].At - same[i - 1].At >= TimeSpan.FromMilliseconds(140), $"write {i} of one record started {(same[i].At - same[i - 1].At).TotalMilliseconds} ms after the previous one");
        }

        var others = env.Emulator.Journal.Where(e => e.Body!.Contains("other", StringComparison.Ordinal)).ToList();
        Assert.True(others.Max(e => e.At) - others.Min(e => e.At) < TimeSpan.FromMilliseconds(140), "different records were written concurrently");
        Assert.Equal("v3", Stored.String(Stored.PersonByEmail(env.Emulator, "same@example.com"), "job_title"));
    }
}
