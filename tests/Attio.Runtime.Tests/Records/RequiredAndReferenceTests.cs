using System.Text.Json;
using Attio.Runtime.Tests.Infrastructure;
using Xunit;
using T = Attio.AttioAttributeType;
using Attio.Internal;

namespace Attio.Runtime.Tests.Records;

/// <summary>Required attributes are checked before a create; references by match use the target's unique attributes and their schema type.</summary>
public sealed class RequiredAndReferenceTests
{
    private static readonly AttioAttributeInfo[] PeopleKeys =
    [
        new("people", "record_id", T.Text) { IsUnique = true },
        new("people", "email_addresses", T.EmailAddress) { IsUnique = true },
    ];

    private static readonly AttioAttributeInfo[] CompanyKeys =
    [
        new("companies", "record_id", T.Text) { IsUnique = true },
        new("companies", "domains", T.Domain) { IsUnique = true },
    ];

    [Fact]
    public async Task A_deal_without_its_required_stage_fails_before_the_first_request()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        var deal = new Deal();
        deal.Set(Deal.Name, AttioCodecs.Text, "Big one");
        deal.Set(Deal.Owner, AttioCodecs.ActorReference, ActorReference.ByEmail("alice@northwind.example"));

        var ex = await Assert.ThrowsAsync<AttioValidationException>(() => client.CreateRecordAsync(deal));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("deals", "stage", T.Status), (error.ObjectSlug, error.AttributeSlug, error.AttributeType));
        Assert.Contains("required", error.Expected);
        Assert.Empty(attio.Journal);
        Assert.Equal(3, new Deal().GetCreateValidationErrors().Count);
    }

    [Fact]
    public async Task A_deal_with_its_required_values_is_created_and_a_cleared_required_value_is_refused()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        var deal = new Deal();
        deal.Set(Deal.Name, AttioCodecs.Text, "Big one");
        deal.Set(Deal.Owner, AttioCodecs.ActorReference, ActorReference.ByEmail("alice@northwind.example"));
        deal.Set(Deal.Stage, AttioCodecs.Status, (StatusOption)"Lead");
        var stored = await client.CreateRecordAsync(deal);
        Assert.Equal("Big one", stored.GetString("name"));

        var cleared = new Deal();
        cleared.Set(Deal.Name, AttioCodecs.Text, "Other");
        cleared.Set(Deal.Owner, AttioCodecs.ActorReference, ActorReference.ByEmail("alice@northwind.example"));
        cleared.Clear(Deal.Stage);
        Assert.Equal("stage", Assert.Single(cleared.GetCreateValidationErrors()).AttributeSlug);

        // An update may meet a record that already holds the required values: no create rule there.
        var update = new Deal();
        update.Set(Deal.Name, AttioCodecs.Text, "Renamed");
        Assert.Equal("Renamed", (await client.UpdateRecordAsync(stored.RecordId, update)).GetString("name"));
    }

    [Fact]
    public void A_reference_by_match_to_a_non_unique_or_unknown_attribute_is_refused_when_the_target_keys_are_known()
    {
        var company = new AttioAttributeInfo("deals", "associated_company", T.RecordReference, AllowedObjects: ["companies"]) { TargetUniqueAttributes = CompanyKeys };
        var errors = new AttioValidationErrors();

        AttioCodecs.RecordReference.Validate(company, RecordReference.ByMatch("companies", "name", "Acme"), errors);
        AttioCodecs.RecordReference.Validate(company, RecordReference.ByMatch("companies", "domain_name", "acme.com"), errors);
        AttioCodecs.RecordReference.Validate(company, RecordReference.ByMatch("companies", "domains", T.EmailAddress, "a@acme.com"), errors);

        Assert.Equal(3, errors.Errors.Count);
        Assert.Contains("a unique attribute of companies to match on: record_id (text), domains (domain)", errors.Errors[0].Expected);
        Assert.Contains("a domain value to match companies.domains on", errors.Errors[2].Expected);
    }

    [Fact]
    public void An_untyped_match_takes_its_type_from_the_schema_not_from_the_slug()
    {
        // "contact_email" reads like an email attribute; the schema says it is text, and text is what is written.
        var keys = new AttioAttributeInfo[] { new("partners", "contact_email", T.Text) { IsUnique = true }, new("partners", "site", T.Domain) { IsUnique = true } };
        var partner = new AttioAttributeInfo("deals", "partner", T.RecordReference, AllowedObjects: ["partners"]) { TargetUniqueAttributes = keys };
        var errors = new AttioValidationErrors();
        AttioCodecs.RecordReference.Validate(partner, RecordReference.ByMatch("partners", "contact_email", "P-17"), errors);
        AttioCodecs.RecordReference.Validate(partner, RecordReference.ByMatch("partners", "site", "https://Partner.example/x"), errors);
        Assert.True(errors.IsEmpty, string.Join("; ", errors.Errors));

        Assert.Equal("""{"target_object":"partners","contact_email":[{"value":"P-17"}]}""", Write(partner, RecordReference.ByMatch("partners", "contact_email", "P-17")));
        Assert.Equal("""{"target_object":"partners","site":[{"domain":"partner.example"}]}""", Write(partner, RecordReference.ByMatch("partners", "site", "https://Partner.example/x")));
    }

    [Fact]
    public void An_untyped_match_whose_type_nothing_knows_asks_for_the_type_instead_of_guessing()
    {
        var any = new AttioAttributeInfo("deals", "partner", T.RecordReference);
        var errors = new AttioValidationErrors();
        AttioCodecs.RecordReference.Validate(any, RecordReference.ByMatch("partners", "work_email", "ada@acme.com"), errors);

        Assert.Contains("RecordReference.ByMatch(\"partners\", \"work_email\", <its type>, value)", Assert.Single(errors.Errors).Expected);
        Assert.Null(RecordReference.ByMatch("partners", "work_email", "ada@acme.com").MatchingAttributeType);
    }

    [Fact]
    public async Task An_untyped_match_on_a_standard_key_is_written_in_its_type_and_resolves_in_the_emulator()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        var person = new Person();
        person.SetMany(Person.EmailAddresses, AttioCodecs.EmailAddress, ["grace@navy.example"]);
        var storedPerson = await client.AssertRecordAsync(person, "email_addresses");

        var reference = new AttioAttributeInfo("users", "person", T.RecordReference, AllowedObjects: ["people"]) { TargetUniqueAttributes = PeopleKeys };
        var user = new User();
        user.Set(User.UserId, AttioCodecs.Text, "grace");
        user.Set(User.PrimaryEmailAddress, AttioCodecs.EmailAddress, "grace@navy.example");
        user.Set(reference, AttioCodecs.RecordReference, RecordReference.ByMatch("people", "email_addresses", "Grace@Navy.example"));
        var storedUser = await client.AssertRecordAsync(user, "user_id");

        Assert.Equal(storedPerson.RecordId, storedUser.GetString("person", "target_record_id"));
        using var body = JsonDocument.Parse(attio.Journal[^1].Body!);
        Assert.Equal("Grace@Navy.example", body.RootElement.GetProperty("data").GetProperty("values").GetProperty("person")[0].GetProperty("email_addresses")[0].GetProperty("email_address").GetString());
    }

    private static string Write(AttioAttributeInfo attribute, RecordReference value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            AttioFields.Write(writer, attribute, AttioFieldState.Set, value, AttioCodecs.RecordReference);
            writer.WriteEndObject();
        }

        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.GetProperty(attribute.Slug)[0].GetRawText();
    }

    /// <summary>The standard <c>deals</c> object: name, stage and owner are required (is_required in the schema).</summary>
    private sealed class Deal : TestRecord
    {
        public static readonly AttioAttributeInfo Name = new("deals", "name", T.Text) { IsRequired = true };
        public static readonly AttioAttributeInfo Stage = new("deals", "stage", T.Status) { IsRequired = true };
        public static readonly AttioAttributeInfo Owner = new("deals", "owner", T.ActorReference) { IsRequired = true };
        public static readonly AttioAttributeInfo Value = new("deals", "value", T.Currency);

        public override string ObjectSlug => "deals";

        public override IReadOnlyList<AttioAttributeInfo> GetAttributeInfos() => [Name, Stage, Owner, Value];
    }
}
