using Microsoft.Extensions.Time.Testing;
using Northwind.Crm;

namespace Attio.Delivery.Tests;

/// <summary>Skipping unchanged writes, against the emulator over loopback: what reaches Attio is read from its journal.</summary>
public sealed class ChangeLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(T0);

    [Fact]
    public async Task AnIdentifyWhosePersonUserAndLinkAreUnchangedSendsNothingAndReportsUnchanged()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client, Options());

        var first = await Identify(sender, "same@example.com", "u-same", "Engineer", T0);
        var second = await Identify(sender, "same@example.com", "u-same", "Engineer", T0.AddMinutes(1));

        Assert.Equal(AttioDeliveryStatus.Delivered, first.Status);
        Assert.Equal(2, first.Requests);
        Assert.Equal(AttioDeliveryStatus.Unchanged, second.Status);
        Assert.True(second.IsDelivered);
        Assert.Equal(0, second.Requests);
        Assert.Equal(first.RecordId, second.RecordId);
        Assert.Equal(first.RecordIds["people"], second.RecordIds["people"]);
        Assert.Contains("unchanged", second.Detail, StringComparison.Ordinal);
        Assert.Single(env.Writes("PUT", "/v2/objects/people/records"));
        Assert.Single(env.Writes("PUT", "/v2/objects/users/records"));
        Assert.Equal(2, sender.RequestsSent);
    }

    [Fact]
    public async Task OneChangedAttributeSendsOnlyThatAttributeAndTheMatchingKey()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client, Options());
        var person = new Person { JobTitle = "Engineer", Description = "likes tea", Linkedin = "li-1" };
        await (await sender.EnqueueIdentifyAsync("partial@example.com", "u-partial", person, timestamp: T0)).Completion;

        var changed = new Person { JobTitle = "Manager", Description = "likes tea", Linkedin = "li-1" };
        var result = await (await sender.EnqueueIdentifyAsync("partial@example.com", "u-partial", changed, timestamp: T0.AddMinutes(1))).Completion;

        Assert.Equal(AttioDeliveryStatus.Delivered, result.Status);
        Assert.Equal(1, result.Requests);
        var puts = env.Writes("PUT", "/v2/objects/people/records");
        Assert.Equal(2, puts.Count);
        Assert.Equal(["email_addresses", "job_title"], Stored.Body(puts[1]).Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Manager", Stored.BodyString(puts[1], "job_title"));
        Assert.Single(env.Writes("PUT", "/v2/objects/users/records"));
        Assert.Contains("people.description", result.Detail, StringComparison.Ordinal);
        var stored = Stored.PersonByEmail(env.Emulator, "partial@example.com");
        Assert.Equal("Manager", Stored.String(stored, "job_title"));
        Assert.Equal("likes tea", Stored.String(stored, "description"));
    }

    [Fact]
    public async Task AClearAfterAValueIsAChange()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client, Options());
        await Write(new Person { EmailAddresses = ["clear@example.com"], JobTitle = "Engineer" }, sender, T0);

        var cleared = await Write(new Person { EmailAddresses = ["clear@example.com"], JobTitle = null }, sender, T0.AddMinutes(1));
        var again = await Write(new Person { EmailAddresses = ["clear@example.com"], JobTitle = null }, sender, T0.AddMinutes(2));

        Assert.Equal(AttioDeliveryStatus.Delivered, cleared.Status);
        Assert.Equal(AttioDeliveryStatus.Unchanged, again.Status);
        Assert.Equal(2, env.Writes("PUT", "/v2/objects/people/records").Count);
        Assert.Empty(Stored.Values(Stored.PersonByEmail(env.Emulator, "clear@example.com"), "job_title"));
    }

    [Fact]
    public async Task AMatchingAttributeThatGainsAValueIsSentAndTheSameListIsNot()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client, Options());
        await Write(new Company { Domains = ["acme.example"] }, sender, T0, "domains");

        var grown = await Write(new Company { Domains = ["acme.example", "acme-labs.example"] }, sender, T0.AddMinutes(1), "domains");
        var same = await Write(new Company { Domains = ["acme.example", "acme-labs.example"] }, sender, T0.AddMinutes(2), "domains");

        Assert.Equal(AttioDeliveryStatus.Delivered, grown.Status);
        Assert.Equal(AttioDeliveryStatus.Unchanged, same.Status);
        Assert.Equal(2, env.Writes("PUT", "/v2/objects/companies/records").Count);
        var acme = Assert.Single(env.Emulator.Store.Records("companies"));
        Assert.Equal(["acme-labs.example", "acme.example"], Stored.Strings(acme, "domains", "domain").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnUnchangedGroupSendsNothingAndANewMemberOnlyItsAppend()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client, Options());
        await Identify(sender, "member1@example.com", "u-m1", "Engineer", T0);
        await Identify(sender, "member2@example.com", "u-m2", "Engineer", T0);
        int before = env.Emulator.Journal.Count;
        var first = await (await sender.EnqueueGroupAsync("group.example", "w-1", userId: "u-m1", timestamp: T0.AddMinutes(1))).Completion;
        int afterFirst = env.Emulator.Journal.Count;

        var same = await (await sender.EnqueueGroupAsync("group.example", "w-1", userId: "u-m1", timestamp: T0.AddMinutes(2))).Completion;
        var other = await (await sender.EnqueueGroupAsync("group.example", "w-1", userId: "u-m2", timestamp: T0.AddMinutes(3))).Completion;

        Assert.Equal(AttioDeliveryStatus.Delivered, first.Status);
        Assert.Equal(3, afterFirst - before);
        Assert.Equal(AttioDeliveryStatus.Unchanged, same.Status);
        Assert.Equal(AttioDeliveryStatus.Delivered, other.Status);
        Assert.Equal(1, other.Requests);
        var last = env.Emulator.Journal[^1];
        Assert.Equal("PATCH", last.Method);
        Assert.Equal(afterFirst + 1, env.Emulator.Journal.Count);
        var workspace = Assert.Single(env.Emulator.Store.Records("workspaces"));
        Assert.Equal(2, Stored.Values(workspace, "users").Count);
    }

    [Fact]
    public async Task AfterResendUnchangedAfterTheSameValuesAreSentAgain()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client, Options(o => o.ResendUnchangedAfter = TimeSpan.FromHours(6)));
        await Identify(sender, "resend@example.com", "u-resend", "Engineer", T0);

        _time.Advance(TimeSpan.FromHours(6) - TimeSpan.FromSeconds(1));
        var before = await Identify(sender, "resend@example.com", "u-resend", "Engineer", T0.AddHours(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        var after = await Identify(sender, "resend@example.com", "u-resend", "Engineer", T0.AddHours(2));
        var again = await Identify(sender, "resend@example.com", "u-resend", "Engineer", T0.AddHours(3));

        Assert.Equal(AttioDeliveryStatus.Unchanged, before.Status);
        Assert.Equal(AttioDeliveryStatus.Delivered, after.Status);
        Assert.Equal(2, after.Requests);
        Assert.Equal(AttioDeliveryStatus.Unchanged, again.Status);
        Assert.Equal(2, env.Writes("PUT", "/v2/objects/people/records").Count);
    }

    [Fact]
    public async Task WithResendUnchangedAfterZeroEveryEventIsSent()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client, Options(o => o.ResendUnchangedAfter = TimeSpan.Zero));

        for (int i = 0; i < 3; i++)
        {
            var result = await Identify(sender, "always@example.com", "u-always", "Engineer", T0.AddMinutes(i));
            Assert.Equal(AttioDeliveryStatus.Delivered, result.Status);
            Assert.Equal(2, result.Requests);
        }

        Assert.Equal(3, env.Writes("PUT", "/v2/objects/people/records").Count);
        Assert.Equal(3, env.Writes("PUT", "/v2/objects/users/records").Count);
    }

    [Fact]
    public async Task AStaleValueIsStillDroppedAfterAnUnchangedEventCarriedANewerTime()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var sender = new AttioSender(env.Client, Options());
        await Write(new Person { EmailAddresses = ["late@example.com"], JobTitle = "A" }, sender, T0);
        var unchanged = await Write(new Person { EmailAddresses = ["late@example.com"], JobTitle = "A" }, sender, T0.AddMinutes(10));

        var late = await Write(new Person { EmailAddresses = ["late@example.com"], JobTitle = "B" }, sender, T0.AddMinutes(5));

        Assert.Equal(AttioDeliveryStatus.Unchanged, unchanged.Status);
        Assert.True(late.IsSuperseded);
        Assert.Equal(0, late.Requests);
        Assert.Equal("A", Stored.String(Stored.PersonByEmail(env.Emulator, "late@example.com"), "job_title"));
    }

    [Fact]
    public async Task TheLedgerInTheOutboxSurvivesANewSenderOnTheSameStore()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using var outbox = new InMemoryAttioOutbox(_time);
        await using (var first = new AttioSender(env.Client, Options(o => o.Outbox = outbox)))
        {
            var delivered = await Identify(first, "restart@example.com", "u-restart", "Engineer", T0);
            Assert.Equal(AttioDeliveryStatus.Delivered, delivered.Status);
        }

        var personKey = AttioPlanKeys.RecordKey("people", "email_addresses", "restart@example.com");
        var stored = await outbox.ReadLedgerAsync([personKey]);
        Assert.Contains(stored, e => e.AttributeSlug == "job_title" && e.EventTime == T0);

        await using var second = new AttioSender(env.Client, Options(o => o.Outbox = outbox));
        var unchanged = await Identify(second, "restart@example.com", "u-restart", "Engineer", T0.AddMinutes(1));
        var changed = await Identify(second, "restart@example.com", "u-restart", "Manager", T0.AddMinutes(2));

        Assert.Equal(AttioDeliveryStatus.Unchanged, unchanged.Status);
        Assert.Equal(AttioDeliveryStatus.Delivered, changed.Status);
        Assert.Equal(1, changed.Requests);
        Assert.Equal(2, env.Writes("PUT", "/v2/objects/people/records").Count);
        Assert.Single(env.Writes("PUT", "/v2/objects/users/records"));
        Assert.Equal(0, (await outbox.GetStatusAsync()).Pending);
    }

    [Fact]
    public async Task WithoutAStoreANewSenderSendsAgain()
    {
        await using var env = await TestEnvironment.StartAsync();
        await using (var first = new AttioSender(env.Client, Options()))
        {
            await Identify(first, "forget@example.com", "u-forget", "Engineer", T0);
        }

        await using var second = new AttioSender(env.Client, Options());
        var result = await Identify(second, "forget@example.com", "u-forget", "Engineer", T0.AddMinutes(1));

        Assert.Equal(AttioDeliveryStatus.Delivered, result.Status);
        Assert.Equal(2, env.Writes("PUT", "/v2/objects/people/records").Count);
    }

    [Fact]
    public void ResendUnchangedAfterDefaultsToADayAndRejectsNegativeValues()
    {
        Assert.Equal(TimeSpan.FromHours(24), new AttioSenderOptions().ResendUnchangedAfter);
        var error = Assert.Throws<ArgumentException>(() => new AttioSenderOptions { ResendUnchangedAfter = TimeSpan.FromSeconds(-1) }.Validate());
        Assert.Contains("ResendUnchangedAfter", error.Message, StringComparison.Ordinal);
    }

    private AttioSenderOptions Options(Action<AttioSenderOptions>? configure = null)
    {
        var options = new AttioSenderOptions { TimeProvider = _time };
        configure?.Invoke(options);
        return options;
    }

    private static async Task<AttioDeliveryResult> Identify(AttioSender sender, string email, string userId, string jobTitle, DateTimeOffset at) =>
        await (await sender.EnqueueIdentifyAsync(email, userId, new Person { JobTitle = jobTitle }, timestamp: at)).Completion;

    private static async Task<AttioDeliveryResult> Write(AttioRecord record, AttioSender sender, DateTimeOffset at, string matching = "email_addresses") =>
        await (await sender.EnqueueRecordAsync(record, matching, at)).Completion;
}
