using System.Text;
using System.Text.Json;
using Attio.Runtime.Tests.Infrastructure;
using Xunit;
using S = Attio.Runtime.Tests.Infrastructure.Subscription;
using Attio.Internal;

namespace Attio.Runtime.Tests.Values;

/// <summary>How a clear goes on the wire: null for a single value (Attio's "null unsets"), [] for a multiselect (PUT/assert).</summary>
public sealed class ClearTests
{
    [Fact]
    public void A_single_value_clears_with_null_and_a_multiselect_with_an_empty_array()
    {
        var record = new S();
        record.Clear(S.InvoiceReference);
        record.SetMany<SelectOption>(S.Features, AttioCodecs.Select, []);
        record.SetMany<PhoneNumber>(S.BillingPhoneNumbers, AttioCodecs.PhoneNumber, null);
        record.Clear(S.Mrr);

        Assert.Equal(
            """{"data":{"values":{"invoice_reference":null,"features":[],"billing_phone_numbers":[],"mrr":null}}}""",
            Encoding.UTF8.GetString(record.ToRequestBody()));
        Assert.False(AttioFields.ClearNeedsOverwrite(S.InvoiceReference));
        Assert.True(AttioFields.ClearNeedsOverwrite(S.Features));
    }

    [Fact]
    public void Generated_style_writes_clear_a_single_value_with_null()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            AttioFields.Write(writer, S.Seats, AttioFieldState.Cleared, 0d, AttioCodecs.Number);
            AttioFields.WriteMany<string>(writer, S.BillingDomains, AttioFieldState.Cleared, null, AttioCodecs.Domain);
            AttioFields.WriteMany<string>(writer, S.BillingEmail, AttioFieldState.Cleared, null, AttioCodecs.EmailAddress);
            writer.WriteEndObject();
        }

        Assert.Equal("""{"seats":null,"billing_domains":[],"billing_email":null}""", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public async Task A_single_value_cleared_through_an_append_update_is_empty_in_the_emulator()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        var record = new S();
        record.Set(S.SubscriptionId, AttioCodecs.Text, "sub-patch-clear");
        record.Set(S.InvoiceReference, AttioCodecs.Text, "INV-9");
        record.Set(S.Seats, AttioCodecs.Number, 7);
        record.Set(S.Plan, AttioCodecs.Select, "Pro");
        record.Set(S.BillingAddress, AttioCodecs.Location, new Location { Locality = "Paris", CountryCode = "FR" });
        var stored = await client.CreateRecordAsync(record);

        var update = new S();
        update.Clear(S.InvoiceReference);
        update.Clear(S.Seats);
        update.Clear(S.Plan);
        update.Clear(S.BillingAddress);
        await client.UpdateRecordAsync(stored.RecordId, update, AttioUpdateMode.Append);

        var read = await client.GetRecordAsync("subscriptions", stored.RecordId);
        Assert.Empty(read.GetValues("invoice_reference"));
        Assert.Empty(read.GetValues("seats"));
        Assert.Empty(read.GetValues("plan"));
        Assert.Empty(read.GetValues("billing_address"));
        Assert.Equal("sub-patch-clear", read.GetString("subscription_id"));
        // An append update carries its clears in a PUT (the write plan's rule: PATCH cannot remove list values, and an
        // overwrite clears under every reading of the evidence), each single value written as null.
        var write = attio.Journal[^2];
        Assert.Equal("PUT", write.Method);
        Assert.Contains("\"invoice_reference\":null", write.Body);
    }

    [Fact]
    public async Task A_single_value_cleared_by_an_assert_is_empty_in_the_emulator()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        var record = new S();
        record.Set(S.SubscriptionId, AttioCodecs.Text, "sub-assert-clear");
        record.Set(S.AutoRenew, AttioCodecs.Checkbox, true);
        record.SetMany(S.Features, AttioCodecs.Select, ["SSO"]);
        await client.AssertRecordAsync(record, "subscription_id");

        var again = new S();
        again.Set(S.SubscriptionId, AttioCodecs.Text, "sub-assert-clear");
        again.Clear(S.AutoRenew);
        again.SetMany<SelectOption>(S.Features, AttioCodecs.Select, null);
        var stored = await client.AssertRecordAsync(again, "subscription_id");

        Assert.Empty(stored.GetValues("auto_renew"));
        Assert.Empty(stored.GetValues("features"));
    }
}
