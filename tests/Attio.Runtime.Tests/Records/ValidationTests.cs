using Attio.Runtime.Tests.Infrastructure;
using Xunit;
using S = Attio.Runtime.Tests.Infrastructure.Subscription;
using Attio.Internal;

namespace Attio.Runtime.Tests.Records;

/// <summary>Invalid values are rejected before any request: the emulator's journal stays empty.</summary>
public sealed class ValidationTests
{
    private static readonly AttioAttributeInfo ReadOnlyCheckbox = new("subscriptions", "auto_renew", AttioAttributeType.Checkbox) { IsWritable = false };
    private static readonly AttioAttributeInfo ReadOnlyDate = new("subscriptions", "started_on", AttioAttributeType.Date) { IsWritable = false };

    /// <summary>For each type, at least five ways to get it wrong.</summary>
    private static readonly Dictionary<string, Action<S>[]> Cases = new()
    {
        ["text"] =
        [
            r => r.Set(S.InvoiceReference, AttioCodecs.Text, null!),
            r => r.Set(S.InvoiceReference, AttioCodecs.Text, "broken \uD800 surrogate"),
            r => r.Set(S.InvoiceReference, AttioCodecs.Text, "\uDC00 lone low surrogate"),
            r => r.Set(S.InvoiceReference, AttioCodecs.Text, new string('x', (10 * 1024 * 1024) + 1)),
            r => r.SetMany(S.InvoiceReference, AttioCodecs.Text, ["two", "values"]),
            r => r.Set(S.InvoiceReference, AttioCodecs.EmailAddress, "a@b.example"),
        ],
        ["number"] =
        [
            r => r.Set(S.Seats, AttioCodecs.Number, double.NaN),
            r => r.Set(S.Seats, AttioCodecs.Number, double.PositiveInfinity),
            r => r.Set(S.Seats, AttioCodecs.Number, double.NegativeInfinity),
            r => r.SetMany(S.Seats, AttioCodecs.Number, [1, 2]),
            r => r.Set(S.Seats, AttioCodecs.Rating, 3),
        ],
        ["checkbox"] =
        [
            r => r.SetMany(S.AutoRenew, AttioCodecs.Checkbox, [true, false]),
            r => r.SetMany(S.AutoRenew, AttioCodecs.Checkbox, [true, true, false]),
            r => r.Set(S.Seats, AttioCodecs.Checkbox, true),
            r => r.Set(ReadOnlyCheckbox, AttioCodecs.Checkbox, true),
            r => r.Clear(ReadOnlyCheckbox),
        ],
        ["currency"] =
        [
            r => r.Set(S.Mrr, AttioCodecs.Currency, 0.00001m),
            r => r.Set(S.Mrr, AttioCodecs.Currency, 1.23456m),
            r => r.Set(S.Mrr, AttioCodecs.Currency, -9.99999m),
            r => r.Set(S.Mrr, AttioCodecs.Currency, 1_234_567_890_123.4567m),
            r => r.Set(S.Mrr, AttioCodecs.Currency, 9_999_999_999_999_999m),
            r => r.SetMany(S.Mrr, AttioCodecs.Currency, [1m, 2m]),
        ],
        ["date"] =
        [
            r => r.SetMany(S.StartedOn, AttioCodecs.Date, [new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2)]),
            r => r.Set(S.RenewsAt, AttioCodecs.Date, new DateOnly(2024, 1, 1)),
            r => r.Set(S.Seats, AttioCodecs.Date, new DateOnly(2024, 1, 1)),
            r => r.Set(ReadOnlyDate, AttioCodecs.Date, new DateOnly(2024, 1, 1)),
            r => r.Clear(ReadOnlyDate),
        ],
        ["timestamp"] =
        [
            r => r.SetMany(S.RenewsAt, AttioCodecs.Timestamp, [DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1)]),
            r => r.Set(S.CreatedAt, AttioCodecs.Timestamp, DateTimeOffset.UnixEpoch),
            r => r.Clear(S.CreatedAt),
            r => r.Set(S.StartedOn, AttioCodecs.Timestamp, DateTimeOffset.UnixEpoch),
            r => r.Set(S.Seats, AttioCodecs.Timestamp, DateTimeOffset.UnixEpoch),
        ],
        ["rating"] =
        [
            r => r.Set(S.HealthScore, AttioCodecs.Rating, -1),
            r => r.Set(S.HealthScore, AttioCodecs.Rating, 6),
            r => r.Set(S.HealthScore, AttioCodecs.Rating, 100),
            r => r.Set(S.HealthScore, AttioCodecs.Rating, int.MinValue),
            r => r.SetMany(S.HealthScore, AttioCodecs.Rating, [1, 2]),
        ],
        ["status"] =
        [
            r => r.Set(S.Stage, AttioCodecs.Status, (StatusOption)""),
            r => r.Set(S.Stage, AttioCodecs.Status, default),
            r => r.Set(S.Stage, AttioCodecs.Status, (StatusOption)"\uDC00"),
            r => r.Set(S.Stage, AttioCodecs.Status, (StatusOption)"Act\uD800ive"),
            r => r.SetMany(S.Stage, AttioCodecs.Status, [(StatusOption)"Active", (StatusOption)"Trial"]),
            r => r.Set(S.Plan, AttioCodecs.Status, (StatusOption)"Pro"),
        ],
        ["select"] =
        [
            r => r.Set(S.Plan, AttioCodecs.Select, ""),
            r => r.Set(S.Plan, AttioCodecs.Select, "\uD800"),
            r => r.Set(S.Plan, AttioCodecs.Select, default),
            r => r.SetMany(S.Features, AttioCodecs.Select, ["SSO", default]),
            r => r.SetMany(S.Plan, AttioCodecs.Select, ["Pro", "Free"]),
            r => r.SetMany(S.Features, AttioCodecs.Select, ["SSO", ""]),
        ],
        ["record-reference"] =
        [
            r => r.Set(S.Workspace, AttioCodecs.RecordReference, RecordReference.User("u-1")),
            r => r.Set(S.Workspace, AttioCodecs.RecordReference, RecordReference.ById("workspaces", Guid.Empty)),
            r => r.Set(S.Workspace, AttioCodecs.RecordReference, RecordReference.ByMatch("workspaces", "", "ws-1")),
            r => r.Set(S.Workspace, AttioCodecs.RecordReference, RecordReference.ByMatch("Work Spaces!", "workspace_id", "ws-1")),
            r => r.Set(S.Workspace, AttioCodecs.RecordReference, RecordReference.Workspace("  ")),
            r => r.Set(S.Workspace, AttioCodecs.RecordReference, null!),
            r => r.SetMany(S.Workspace, AttioCodecs.RecordReference, [RecordReference.Workspace("a"), RecordReference.Workspace("b")]),
            r => r.SetMany(S.BillingUsers, AttioCodecs.RecordReference, [RecordReference.User("u-1"), RecordReference.Person("not-an-email")]),
        ],
        ["actor-reference"] =
        [
            r => r.Set(S.AccountManager, AttioCodecs.ActorReference, ActorReference.ByEmail("not-an-email")),
            r => r.Set(S.AccountManager, AttioCodecs.ActorReference, ActorReference.ByEmail("")),
            r => r.Set(S.AccountManager, AttioCodecs.ActorReference, ActorReference.ById(Guid.Empty)),
            r => r.Set(S.AccountManager, AttioCodecs.ActorReference, null!),
            r => r.Set(S.AccountManager, AttioCodecs.ActorReference, ActorReference.ByEmail("alice@@northwind.example")),
            r => r.SetMany(S.AccountManager, AttioCodecs.ActorReference, [ActorReference.ByEmail("alice@northwind.example"), ActorReference.ByEmail("bob@northwind.example")]),
        ],
        ["location"] =
        [
            r => r.Set(S.BillingAddress, AttioCodecs.Location, new Location { Locality = "Paris", CountryCode = "fr" }),
            r => r.Set(S.BillingAddress, AttioCodecs.Location, new Location { Locality = "Nowhere", CountryCode = "ZZ" }),
            r => r.Set(S.BillingAddress, AttioCodecs.Location, new Location { Locality = "Pole", Latitude = "91", Longitude = "0" }),
            r => r.Set(S.BillingAddress, AttioCodecs.Location, new Location { Locality = "Edge", Latitude = "0", Longitude = "180.5" }),
            r => r.Set(S.BillingAddress, AttioCodecs.Location, new Location { Locality = "Half", Longitude = "east" }),
            r => r.Set(S.BillingAddress, AttioCodecs.Location, new Location { Locality = "Words", Latitude = "north", Longitude = "west" }),
            r => r.Set(S.BillingAddress, AttioCodecs.Location, new Location()),
            r => r.Set(S.BillingAddress, AttioCodecs.Location, null!),
        ],
        ["domain"] =
        [
            r => r.SetMany(S.BillingDomains, AttioCodecs.Domain, ["https://"]),
            r => r.SetMany(S.BillingDomains, AttioCodecs.Domain, ["192.168.0.1"]),
            r => r.SetMany(S.BillingDomains, AttioCodecs.Domain, ["billing@acme.example"]),
            r => r.SetMany(S.BillingDomains, AttioCodecs.Domain, ["localhost"]),
            r => r.SetMany(S.BillingDomains, AttioCodecs.Domain, ["-acme.example"]),
            r => r.SetMany(S.BillingDomains, AttioCodecs.Domain, ["acme..example"]),
            r => r.SetMany(S.BillingDomains, AttioCodecs.Domain, ["acme.example:http"]),
            r => r.SetMany(S.BillingDomains, AttioCodecs.Domain, ["acme example.com"]),
        ],
        ["email-address"] =
        [
            r => r.Set(S.BillingEmail, AttioCodecs.EmailAddress, "plainaddress"),
            r => r.Set(S.BillingEmail, AttioCodecs.EmailAddress, "@no-local.example"),
            r => r.Set(S.BillingEmail, AttioCodecs.EmailAddress, "a@b"),
            r => r.Set(S.BillingEmail, AttioCodecs.EmailAddress, "a b@c.example"),
            r => r.Set(S.BillingEmail, AttioCodecs.EmailAddress, "a@b.example\n"),
            r => r.Set(S.BillingEmail, AttioCodecs.EmailAddress, ".a@b.example"),
            r => r.SetMany(S.BillingEmail, AttioCodecs.EmailAddress, ["a@b.example", "c@d.example"]),
        ],
        ["phone-number"] =
        [
            r => r.SetMany(S.BillingPhoneNumbers, AttioCodecs.PhoneNumber, [new PhoneNumber("+1")]),
            r => r.SetMany(S.BillingPhoneNumbers, AttioCodecs.PhoneNumber, [new PhoneNumber("+0123456789")]),
            r => r.SetMany(S.BillingPhoneNumbers, AttioCodecs.PhoneNumber, [new PhoneNumber("2125551234")]),
            r => r.SetMany(S.BillingPhoneNumbers, AttioCodecs.PhoneNumber, [new PhoneNumber("2125551234", "XX")]),
            r => r.SetMany(S.BillingPhoneNumbers, AttioCodecs.PhoneNumber, [new PhoneNumber("+1234567890123456")]),
            r => r.SetMany(S.BillingPhoneNumbers, AttioCodecs.PhoneNumber, [new PhoneNumber("+44 abc 123")]),
            r => r.SetMany(S.BillingPhoneNumbers, AttioCodecs.PhoneNumber, [new PhoneNumber("+447700900123"), null!]),
            r => r.SetMany(S.BillingPhoneNumbers, AttioCodecs.PhoneNumber, [new PhoneNumber("+44.20.7946.0958")]),
            r => r.SetMany(S.BillingPhoneNumbers, AttioCodecs.PhoneNumber, [new PhoneNumber("000 000 0000", "US")]),
            r => r.SetMany(S.BillingPhoneNumbers, AttioCodecs.PhoneNumber, [new PhoneNumber("123456789012345", "GB")]),
            r => r.SetMany(S.BillingPhoneNumbers, AttioCodecs.PhoneNumber, [new PhoneNumber("5551234567", "AQ")]),
        ],
        ["personal-name"] =
        [
            r => r.Set(S.Signatory, AttioCodecs.PersonalName, new PersonalName("", "")),
            r => r.Set(S.Signatory, AttioCodecs.PersonalName, new PersonalName("  ", " ")),
            r => r.Set(S.Signatory, AttioCodecs.PersonalName, new PersonalName("Ada", "Lovelace", " ")),
            r => r.Set(S.Signatory, AttioCodecs.PersonalName, new PersonalName("Ada\uD800", "Lovelace")),
            r => r.Set(S.Signatory, AttioCodecs.PersonalName, null!),
            r => r.SetMany(S.Signatory, AttioCodecs.PersonalName, [new PersonalName("Ada", "Lovelace"), new PersonalName("Charles", "Babbage")]),
        ],
        ["interaction"] =
        [
            r => r.Set(S.LastInteraction, AttioCodecs.Interaction, "2024-01-01T00:00:00Z"),
            r => r.Set(S.LastInteraction, AttioCodecs.Interaction, null),
            r => r.Set(S.LastInteraction, AttioCodecs.Interaction, new object()),
            r => r.Clear(S.LastInteraction),
            r => r.Set(new AttioAttributeInfo("subscriptions", "last_interaction", AttioAttributeType.Interaction), AttioCodecs.ReadOnly<string>(AttioAttributeType.Interaction), "x"),
        ],
    };

    public static TheoryData<string> Types => new(Cases.Keys);

    [Fact]
    public void Every_type_has_at_least_five_invalid_cases() =>
        Assert.All(Enum.GetValues<AttioAttributeType>(), t => Assert.True(Cases.TryGetValue(t.ToApiName(), out var c) && c.Length >= 5, t.ToApiName()));

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Invalid_values_are_rejected_before_anything_is_sent(string type)
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);

        foreach (var (apply, index) in Cases[type].Select((c, i) => (c, i)))
        {
            var record = new S();
            record.Set(S.SubscriptionId, AttioCodecs.Text, "sub-invalid");
            apply(record);

            var create = await Assert.ThrowsAsync<AttioValidationException>(() => client.CreateRecordAsync(record));
            var assert = await Assert.ThrowsAsync<AttioValidationException>(() => client.AssertRecordAsync(record, "subscription_id"));
            Assert.NotEmpty(create.Errors);
            Assert.Equal(create.Errors.Count, assert.Errors.Count);
            Assert.All(create.Errors, e => Assert.Equal("subscriptions", e.ObjectSlug));
            Assert.Contains("nothing was sent", create.Message);
            Assert.True(Assert.Single(create.Errors.Select(e => e.AttributeSlug).Distinct()) is { Length: > 0 }, $"{type} case {index}");
        }

        Assert.Empty(attio.Journal);
    }

    [Fact]
    public async Task All_problems_are_reported_at_once_naming_object_attribute_type_value_and_expectation()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        var record = new S();
        record.Set(S.SubscriptionId, AttioCodecs.Text, "sub-many");
        record.Set(S.HealthScore, AttioCodecs.Rating, 9);
        record.Set(S.BillingEmail, AttioCodecs.EmailAddress, "nobody-at-example");
        record.Set(S.Mrr, AttioCodecs.Currency, 10.12345m);

        var ex = await Assert.ThrowsAsync<AttioValidationException>(() => client.CreateRecordAsync(record));

        Assert.Equal(3, ex.Errors.Count);
        var rating = Assert.Single(ex.Errors, e => e.AttributeSlug == "health_score");
        Assert.Equal(AttioAttributeType.Rating, rating.AttributeType);
        Assert.Equal("9", rating.Value);
        Assert.Contains("0 to 5", rating.Expected);
        Assert.Contains("subscriptions.billing_email (email-address): 'nobody-at-example' is invalid; expected an email address", ex.Message);
        Assert.Contains("subscriptions.mrr (currency): '10.12345'", ex.Message);
        Assert.Empty(attio.Journal);
    }

    [Fact]
    public async Task An_assert_without_a_value_for_its_matching_attribute_is_not_sent()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        var record = new S();
        record.Set(S.Seats, AttioCodecs.Number, 4);

        var ex = await Assert.ThrowsAsync<AttioValidationException>(() => client.AssertRecordAsync(record, "subscription_id"));

        Assert.Equal("subscription_id", Assert.Single(ex.Errors).AttributeSlug);
        Assert.Empty(attio.Journal);
    }
}
