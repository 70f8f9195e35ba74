using System.Text;
using System.Text.Json;
using Attio.Runtime.Tests.Infrastructure;
using Xunit;
using S = Attio.Runtime.Tests.Infrastructure.Subscription;
using Attio.Internal;

namespace Attio.Runtime.Tests.Values;

/// <summary>Values in messages are capped and escaped; request bodies are UTF-8, not \u escapes; sizes are checked before sending.</summary>
public sealed class MessageAndSizeTests
{
    private const string Forged = "x\r\n[ERROR] forged";

    private static readonly string Huge = new('a', 1024 * 1024);

    private static readonly Dictionary<string, Action<S>> HugeCases = Cases(Huge);

    public static TheoryData<string> HugeValues => new(HugeCases.Keys);

    private static Dictionary<string, Action<S>> Cases(string huge) =>
        new()
        {
            { "location", r => r.Set(S.BillingAddress, AttioCodecs.Location, new Location { Line1 = "1 Main St", Latitude = huge }) },
            { "personal name", r => r.Set(S.Signatory, AttioCodecs.PersonalName, new PersonalName(string.Empty, string.Empty, huge)) },
            { "select title", r => r.Set(S.Plan, AttioCodecs.Select, huge + "\uD800") },
            { "record reference", r => r.Set(S.Workspace, AttioCodecs.RecordReference, RecordReference.ByMatch("workspaces", "workspace_id", AttioAttributeType.EmailAddress, huge)) },
            { "email", r => r.Set(S.BillingEmail, AttioCodecs.EmailAddress, huge) },
            { "actor", r => r.Set(S.AccountManager, AttioCodecs.ActorReference, ActorReference.ByEmail(huge)) },
        };

    [Theory]
    [MemberData(nameof(HugeValues))]
    public void A_huge_value_is_quoted_short_with_its_length(string what)
    {
        var record = new S();
        HugeCases[what](record);
        var ex = Assert.Throws<AttioValidationException>(record.Validate);
        Assert.True(ex.Message.Length < 2_000, $"{what}: {ex.Message.Length} characters");
        Assert.All(ex.Errors, e => Assert.True(e.Value is null || e.Value.Length < 200, what));
        Assert.Contains("characters)", ex.Message);
    }

    public static TheoryData<string> ForgedValues => new(ForgedCases.Keys);

    private static readonly Dictionary<string, Action<S>> ForgedCases = new()
    {
        { "email", r => r.Set(S.BillingEmail, AttioCodecs.EmailAddress, Forged) },
        { "location", r => r.Set(S.BillingAddress, AttioCodecs.Location, new Location { Locality = "Paris", Latitude = Forged }) },
        { "personal name", r => r.Set(S.Signatory, AttioCodecs.PersonalName, new PersonalName(string.Empty, string.Empty, Forged)) },
        { "select", r => r.Set(S.Seats, AttioCodecs.Select, Forged) },
        { "record reference", r => r.Set(S.Workspace, AttioCodecs.RecordReference, RecordReference.ByMatch("workspaces", "workspace_id", AttioAttributeType.EmailAddress, Forged)) },
        { "domain", r => r.SetMany(S.BillingDomains, AttioCodecs.Domain, [Forged]) },
    };

    [Theory]
    [MemberData(nameof(ForgedValues))]
    public void Control_characters_in_a_value_cannot_forge_a_log_line(string what)
    {
        var record = new S();
        ForgedCases[what](record);
        var ex = Assert.Throws<AttioValidationException>(record.Validate);
        Assert.Single(ex.Errors);
        Assert.DoesNotContain('\r', ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Contains("x\\r\\n[ERROR] forged", ex.Message);
        Assert.DoesNotContain('\n', ex.Errors[0].ToString());
    }

    [Fact]
    public async Task A_hostile_matching_attribute_cannot_forge_a_log_line_either()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        var record = new S();
        record.Set(S.Seats, AttioCodecs.Number, 1);

        // The matching attribute becomes part of the URL, so the path-segment check refuses it before any validation.
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.AssertRecordAsync(record, Forged));

        Assert.DoesNotContain('\n', ex.Message);
        Assert.Contains("x\\r\\n[ERROR] forged", ex.Message);
        Assert.Empty(attio.Journal);
    }

    [Fact]
    public void A_record_id_that_is_not_a_uuid_is_quoted_short_and_escaped()
    {
        var ex = Assert.Throws<ArgumentException>(() => RecordReference.ById("users", Forged + new string('z', 5000)));
        Assert.DoesNotContain('\n', ex.Message);
        Assert.True(ex.Message.Length < 400, ex.Message);
    }

    [Fact]
    public void Request_bodies_write_non_ascii_text_as_utf8_and_still_escape_what_json_requires()
    {
        var record = new S();
        record.Set(S.InvoiceReference, AttioCodecs.Text, "é ü 日本 <b>&'\"\\\n\u0001 🎉");
        string body = Encoding.UTF8.GetString(record.ToRequestBody());

        Assert.Contains("é ü 日本 <b>&'", body);
        Assert.Contains("\\\"\\\\\\n\\u0001", body);
        Assert.DoesNotContain("\\u00E9", body);
        using var parsed = JsonDocument.Parse(body);
        Assert.Equal("é ü 日本 <b>&'\"\\\n\u0001 🎉", parsed.RootElement.GetProperty("data").GetProperty("values").GetProperty("invoice_reference")[0].GetProperty("value").GetString());
    }

    [Fact]
    public void Six_megabytes_of_accented_text_stay_about_twelve_megabytes_on_the_wire()
    {
        var record = new S();
        string text = new('é', 3 * 1024 * 1024);
        record.Set(S.InvoiceReference, AttioCodecs.Text, text);
        Assert.Empty(record.GetValidationErrors());
        int size = record.ToRequestBody().Length;
        Assert.InRange(size, 6 * 1024 * 1024, (6 * 1024 * 1024) + 200);
    }

    [Fact]
    public void Name_and_address_parts_are_bounded_like_text()
    {
        string tooLong = new('x', (10 * 1024 * 1024) + 1);
        var name = new S();
        name.Set(S.Signatory, AttioCodecs.PersonalName, new PersonalName("Ada", tooLong));
        Assert.Contains(name.GetValidationErrors(), e => e.Expected.Contains("10 MB", StringComparison.Ordinal));

        var address = new S();
        address.Set(S.BillingAddress, AttioCodecs.Location, new Location { Line1 = tooLong });
        Assert.Contains(address.GetValidationErrors(), e => e.Expected.Contains("10 MB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Utf8_text_round_trips_through_the_emulator()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        const string text = "Café Zürich <b>&'\" 日本 🎉";
        var record = new S();
        record.Set(S.SubscriptionId, AttioCodecs.Text, "sub-utf8");
        record.Set(S.InvoiceReference, AttioCodecs.Text, text);
        var stored = await client.CreateRecordAsync(record);

        Assert.Equal(text, (await client.GetRecordAsync("subscriptions", stored.RecordId)).GetString("invoice_reference"));
        Assert.Contains("Café Zürich <b>&'", attio.Journal[0].Body, StringComparison.Ordinal);
    }
}
