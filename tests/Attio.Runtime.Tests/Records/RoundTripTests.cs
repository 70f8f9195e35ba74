using System.Globalization;
using System.Text.Json;
using Attio.Runtime.Tests.Infrastructure;
using Xunit;
using Attio.Internal;

namespace Attio.Runtime.Tests.Records;

/// <summary>Every writable type goes through the runtime to the emulator over HTTP and is read back in Attio's read shape.</summary>
public sealed class RoundTripTests
{
    private const string AliceId = "64097149-9481-51bb-817e-130cb37ad55c";

    [Fact]
    public async Task Every_type_of_a_subscription_is_written_and_read_back()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);

        var workspace = new WorkspaceRecord();
        workspace.Set(WorkspaceRecord.WorkspaceId, AttioCodecs.Text, "ws-1");
        workspace.Set(WorkspaceRecord.Name, AttioCodecs.Text, "Acme");
        var storedWorkspace = await client.AssertRecordAsync(workspace, "workspace_id");
        var firstUser = await AssertUserAsync(client, "u-1", "u1@acme.example");
        var secondUser = await AssertUserAsync(client, "u-2", "u2@acme.example");

        var sub = new Subscription();
        sub.Set(Subscription.SubscriptionId, AttioCodecs.Text, "sub-1");
        sub.Set(Subscription.InvoiceReference, AttioCodecs.Text, "INV-001 “ü” 🎉");
        sub.Set(Subscription.Plan, AttioCodecs.Select, SelectOption.FromTitle("Pro"));
        sub.SetMany(Subscription.Features, AttioCodecs.Select, [SelectOption.FromTitle("SSO"), "API access"]);
        sub.Set(Subscription.Stage, AttioCodecs.Status, (StatusOption)"Active");
        sub.Set(Subscription.Seats, AttioCodecs.Number, 42.5);
        sub.Set(Subscription.AutoRenew, AttioCodecs.Checkbox, true);
        sub.Set(Subscription.Mrr, AttioCodecs.Currency, 1499.99m);
        sub.Set(Subscription.StartedOn, AttioCodecs.Date, new DateOnly(2024, 2, 29));
        sub.Set(Subscription.RenewsAt, AttioCodecs.Timestamp, new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.FromHours(2)));
        sub.Set(Subscription.HealthScore, AttioCodecs.Rating, 4);
        sub.SetMany(Subscription.BillingUsers, AttioCodecs.RecordReference, [RecordReference.User("u-1"), RecordReference.ById("users", secondUser.RecordId)]);
        sub.Set(Subscription.Workspace, AttioCodecs.RecordReference, RecordReference.Workspace("ws-1"));
        sub.Set(Subscription.AccountManager, AttioCodecs.ActorReference, ActorReference.ByEmail("alice@northwind.example"));
        sub.Set(Subscription.BillingAddress, AttioCodecs.Location, new Location
        {
            Line1 = "1 Main Street", Locality = "Springfield", Region = "IL", Postcode = "62701", CountryCode = "US",
            Latitude = "39.7817", Longitude = "-89.6501",
        });
        sub.SetMany(Subscription.BillingDomains, AttioCodecs.Domain, ["acme.example", "billing.acme.example"]);
        sub.Set(Subscription.BillingEmail, AttioCodecs.EmailAddress, "Billing@Acme.example");
        sub.SetMany(Subscription.BillingPhoneNumbers, AttioCodecs.PhoneNumber, [new PhoneNumber("+44 20 7946 0958"), new PhoneNumber("2125551234", "US")]);
        sub.Set(Subscription.Signatory, AttioCodecs.PersonalName, new PersonalName("Ada", "Lovelace"));

        var asserted = await client.AssertRecordAsync(sub, "subscription_id");
        var read = await client.GetRecordAsync("subscriptions", asserted.RecordId);

        Assert.Equal("sub-1", read.GetString("subscription_id"));
        Assert.Equal("INV-001 “ü” 🎉", read.GetString("invoice_reference"));
        Assert.Equal("Pro", Field(read, "plan", "option", "title"));
        Assert.Equal(["API access", "SSO"], read.GetValues("features").Select(v => v.GetProperty("option").GetProperty("title").GetString()!).Order());
        Assert.Equal("Active", Field(read, "stage", "status", "title"));
        Assert.Equal(42.5, read.GetValues("seats")[0].GetProperty("value").GetDouble());
        Assert.True(read.GetValues("auto_renew")[0].GetProperty("value").GetBoolean());
        Assert.Equal(1499.99m, read.GetValues("mrr")[0].GetProperty("currency_value").GetDecimal());
        Assert.Equal("USD", read.GetString("mrr", "currency_code"));
        Assert.Equal("2024-02-29", read.GetString("started_on"));
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 7, 30, 0, TimeSpan.Zero), DateTimeOffset.Parse(read.GetString("renews_at")!, CultureInfo.InvariantCulture));
        Assert.Equal(4, read.GetValues("health_score")[0].GetProperty("value").GetInt32());
        Assert.Equal(new[] { firstUser.RecordId, secondUser.RecordId }.Order(), read.GetStrings("billing_users", "target_record_id").Order());
        Assert.All(read.GetStrings("billing_users", "target_object"), o => Assert.Equal("users", o));
        Assert.Equal(storedWorkspace.RecordId, read.GetString("workspace", "target_record_id"));
        Assert.Equal("workspace-member", read.GetString("account_manager", "referenced_actor_type"));
        Assert.Equal(AliceId, read.GetString("account_manager", "referenced_actor_id"));
        Assert.Equal("Springfield", read.GetString("billing_address", "locality"));
        Assert.Equal("US", read.GetString("billing_address", "country_code"));
        Assert.Equal(39.7817, double.Parse(read.GetString("billing_address", "latitude")!, CultureInfo.InvariantCulture), 6);
        Assert.Equal(-89.6501, double.Parse(read.GetString("billing_address", "longitude")!, CultureInfo.InvariantCulture), 6);
        Assert.Null(read.GetString("billing_address", "line_2"));
        Assert.Equal(["acme.example", "billing.acme.example"], read.GetStrings("billing_domains", "domain").Order());
        Assert.Equal("billing@acme.example", read.GetString("billing_email", "email_address"));
        Assert.Equal(["+12125551234", "+442079460958"], read.GetStrings("billing_phone_numbers", "phone_number").Order());
        Assert.Equal("Ada", read.GetString("signatory", "first_name"));
        Assert.Equal("Lovelace", read.GetString("signatory", "last_name"));
        Assert.Equal("Ada Lovelace", read.GetString("signatory", "full_name"));
    }

    [Fact]
    public async Task A_clear_is_null_for_a_single_value_and_an_empty_array_for_a_multiselect_and_unset_attributes_are_left_alone()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);

        var sub = new Subscription();
        sub.Set(Subscription.SubscriptionId, AttioCodecs.Text, "sub-clear");
        sub.Set(Subscription.Plan, AttioCodecs.Select, "Starter");
        sub.Set(Subscription.Seats, AttioCodecs.Number, 3);
        sub.SetMany(Subscription.Features, AttioCodecs.Select, ["SSO", "Audit log"]);
        sub.Set(Subscription.AutoRenew, AttioCodecs.Checkbox, false);
        var stored = await client.CreateRecordAsync(sub);

        var update = new Subscription();
        update.Clear(Subscription.Plan);
        update.SetMany<SelectOption>(Subscription.Features, AttioCodecs.Select, null);
        update.Clear(Subscription.AutoRenew);
        attio.ClearJournal();
        await client.UpdateRecordAsync(stored.RecordId, update, AttioUpdateMode.Overwrite);

        var request = Assert.Single(attio.Journal);
        Assert.Equal("PUT", request.Method);
        using (var body = JsonDocument.Parse(request.Body!))
        {
            var values = body.RootElement.GetProperty("data").GetProperty("values");
            Assert.Equal(["auto_renew", "features", "plan"], values.EnumerateObject().Select(p => p.Name).Order());
            Assert.Equal(JsonValueKind.Null, values.GetProperty("plan").ValueKind);
            Assert.Equal(JsonValueKind.Null, values.GetProperty("auto_renew").ValueKind);
            Assert.Equal(0, values.GetProperty("features").GetArrayLength());
        }

        var read = await client.GetRecordAsync("subscriptions", stored.RecordId);
        Assert.Empty(read.GetValues("plan"));
        Assert.Empty(read.GetValues("features"));
        Assert.Empty(read.GetValues("auto_renew"));
        Assert.Equal(3, read.GetValues("seats")[0].GetProperty("value").GetDouble());
        Assert.Equal("sub-clear", read.GetString("subscription_id"));
    }

    [Fact]
    public async Task People_and_users_are_written_with_references_by_matching_attribute_and_appended_with_patch()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);

        var company = new Company();
        company.SetMany(Company.Domains, AttioCodecs.Domain, ["lovelace.example"]);
        company.Set(Company.Name, AttioCodecs.Text, "Lovelace Ltd");
        var storedCompany = await client.AssertRecordAsync(company, "domains");

        var person = new Person();
        person.Set(Person.Name, AttioCodecs.PersonalName, PersonalName.Parse("Lovelace, Ada"));
        person.SetMany(Person.EmailAddresses, AttioCodecs.EmailAddress, ["ada@lovelace.example"]);
        person.Set(Person.JobTitle, AttioCodecs.Text, "Analyst");
        person.SetMany(Person.PhoneNumbers, AttioCodecs.PhoneNumber, [new PhoneNumber("+447700900123")]);
        person.Set(Person.PrimaryLocation, AttioCodecs.Location, new Location { Locality = "London", CountryCode = "GB" });
        person.Set(Person.Company, AttioCodecs.RecordReference, RecordReference.Company("lovelace.example"));
        var storedPerson = await client.AssertRecordAsync(person, "email_addresses");

        var user = new User();
        user.Set(User.UserId, AttioCodecs.Text, "ada");
        user.Set(User.PrimaryEmailAddress, AttioCodecs.EmailAddress, "ada@lovelace.example");
        user.Set(User.PersonRef, AttioCodecs.RecordReference, RecordReference.Person("ada@lovelace.example"));
        var storedUser = await client.AssertRecordAsync(user, "user_id");
        Assert.Equal(storedPerson.RecordId, storedUser.GetString("person", "target_record_id"));

        var more = new Person();
        more.SetMany(Person.EmailAddresses, AttioCodecs.EmailAddress, ["countess@lovelace.example"]);
        await client.UpdateRecordAsync(storedPerson.RecordId, more, AttioUpdateMode.Append);

        var read = await client.GetRecordAsync("people", storedPerson.RecordId);
        Assert.Equal("Ada", read.GetString("name", "first_name"));
        Assert.Equal("Lovelace", read.GetString("name", "last_name"));
        Assert.Equal(["ada@lovelace.example", "countess@lovelace.example"], read.GetStrings("email_addresses", "email_address").Order());
        Assert.Equal("+447700900123", read.GetString("phone_numbers", "phone_number"));
        Assert.Equal("London", read.GetString("primary_location", "locality"));
        Assert.Equal(storedCompany.RecordId, read.GetString("company", "target_record_id"));
        Assert.Equal("Analyst", read.GetString("job_title"));
    }

    private static async Task<AttioStoredRecord> AssertUserAsync(AttioClient client, string userId, string email)
    {
        var user = new User();
        user.Set(User.UserId, AttioCodecs.Text, userId);
        user.Set(User.PrimaryEmailAddress, AttioCodecs.EmailAddress, email);
        return await client.AssertRecordAsync(user, "user_id");
    }

    private static string? Field(AttioStoredRecord record, string slug, string field, string inner) =>
        record.GetValues(slug) is { Count: > 0 } values ? values[0].GetProperty(field).GetProperty(inner).GetString() : null;
}
