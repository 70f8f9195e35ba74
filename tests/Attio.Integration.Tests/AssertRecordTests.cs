using Northwind.Crm;

namespace Attio.Integration.Tests;

public sealed class AssertRecordTests(EmulatorFixture attio) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task AssertPersonCreatesThenUpdatesTheSameRecordByEmail()
    {
        var created = await attio.Client.AssertPersonAsync(new Person { EmailAddresses = ["Grace.Hopper@Navy.example"], JobTitle = "Rear admiral" });
        var updated = await attio.Client.AssertPersonAsync(new Person { EmailAddresses = ["grace.hopper@navy.example"], JobTitle = "Computer scientist" });

        Assert.Equal(created.RecordId, updated.RecordId);
        var stored = await attio.Client.GetPersonAsync(created.RecordId);
        Assert.Equal("Computer scientist", stored.GetString("job_title"));
        Assert.Equal("grace.hopper@navy.example", stored.GetString("email_addresses", "email_address"));
        Assert.Equal("navy.example", stored.GetString("email_addresses", "email_domain"));
        Assert.Equal("grace.hopper", stored.GetString("email_addresses", "email_local_specifier"));
    }

    [Fact]
    public async Task TheRequestIsThePutAssertWithBearerAuthAndOnlyTheSetAttributes()
    {
        attio.Emulator.ClearJournal();
        await attio.Client.AssertPersonAsync(new Person { EmailAddresses = ["journal@example.com"], Twitter = "@journal" });

        var entry = Assert.Single(attio.Emulator.Journal);
        Assert.Equal("PUT", entry.Method);
        Assert.Equal("/v2/objects/people/records", entry.Path);
        Assert.Equal("?matching_attribute=email_addresses", entry.QueryString);
        Assert.Equal(200, entry.StatusCode);
        Assert.Equal("""{"data":{"values":{"email_addresses":[{"email_address":"journal@example.com"}],"twitter":[{"value":"@journal"}]}}}""", entry.Body);
    }

    [Fact]
    public async Task AssigningNullClearsTheValueInAttio()
    {
        var created = await attio.Client.AssertPersonAsync(new Person { EmailAddresses = ["clear@example.com"], JobTitle = "Temporary" });
        await attio.Client.AssertPersonAsync(new Person { EmailAddresses = ["clear@example.com"], JobTitle = null });

        var stored = await attio.Client.GetPersonAsync(created.RecordId);
        Assert.Empty(stored.GetValues("job_title"));
    }

    [Fact]
    public async Task InvalidValuesAreRejectedBeforeAnyRequest()
    {
        attio.Emulator.ClearJournal();
        var person = new Person { EmailAddresses = ["not an email"], PhoneNumbers = [new PhoneNumber("12345")] };

        var ex = await Assert.ThrowsAsync<AttioValidationException>(() => attio.Client.AssertPersonAsync(person));

        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e is { ObjectSlug: "people", AttributeSlug: "email_addresses", AttributeType: AttioAttributeType.EmailAddress, Value: "not an email" });
        Assert.Contains(ex.Errors, e => e is { AttributeSlug: "phone_numbers", AttributeType: AttioAttributeType.PhoneNumber });
        Assert.Empty(attio.Emulator.Journal);
    }

    [Fact]
    public async Task AnAssertWithoutTheMatchingValueIsRejectedBeforeAnyRequest()
    {
        attio.Emulator.ClearJournal();
        var ex = await Assert.ThrowsAsync<AttioValidationException>(() => attio.Client.AssertPersonAsync(new Person { JobTitle = "Nobody" }));
        Assert.Contains("email_addresses", ex.Message);
        Assert.Empty(attio.Emulator.Journal);
    }

    [Fact]
    public async Task TheCustomObjectIsAssertedByItsFirstUniqueAttribute()
    {
        var stored = await attio.Client.AssertSubscriptionAsync(new Subscription
        {
            SubscriptionId = "sub_001",
            Plan = Subscription.PlanOptions.Pro,
            Features = [Subscription.FeaturesOptions.SSO, Subscription.FeaturesOptions.AuditLog],
            Stage = Subscription.StageStatuses.Active,
            Seats = 12,
            AutoRenew = true,
            Mrr = 1234.5m,
            StartedOn = new DateOnly(2025, 3, 1),
            HealthScore = 4,
            BillingEmail = "Billing@Acme.example",
        });

        Assert.Equal("sub_001", stored.GetString("subscription_id"));
        Assert.Equal(["SSO", "Audit log"], stored.GetValues("features").Select(v => v.GetProperty("option").GetProperty("title").GetString()));
        Assert.Equal("Active", stored.GetValues("stage").Single().GetProperty("status").GetProperty("title").GetString());
        Assert.Equal("billing@acme.example", stored.GetString("billing_email", "email_address"));
    }

    [Fact]
    public async Task AttioErrorsSurfaceWithTheirCodeAndExecutionId()
    {
        var ex = await Assert.ThrowsAsync<AttioApiException>(() => attio.Client.AssertSubscriptionAsync(new Subscription { SubscriptionId = "sub_bad", Plan = "Platinum" }));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("value_not_found", ex.Code);
        Assert.False(string.IsNullOrEmpty(ex.ExecutionId));
        Assert.DoesNotContain(attio.Emulator.ApiToken, ex.ToString());
    }
}
