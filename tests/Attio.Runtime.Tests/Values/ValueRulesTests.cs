using System.Text;
using System.Text.Json;
using Attio.Runtime.Tests.Infrastructure;
using Xunit;
using S = Attio.Runtime.Tests.Infrastructure.Subscription;
using Attio.Internal;

namespace Attio.Runtime.Tests.Values;

/// <summary>Local rules as strict as Attio's documented ones and no stricter: limits Attio does not have are gone.</summary>
public sealed class ValueRulesTests
{
    private static IReadOnlyList<AttioValidationError> Errors(Action<S> apply)
    {
        var record = new S();
        apply(record);
        return record.GetValidationErrors();
    }

    private static JsonElement Written(Action<S> apply, string slug)
    {
        var record = new S();
        apply(record);
        using var body = JsonDocument.Parse(record.ToRequestBody());
        return body.RootElement.GetProperty("data").GetProperty("values").GetProperty(slug)[0].Clone();
    }

    [Theory]
    [InlineData("99999999999.9999")]
    [InlineData("100000000000")]
    [InlineData("-250000000000000")]
    [InlineData("999999999999999")]
    [InlineData("12345678901.2345")]
    public void Currency_amounts_beyond_a_hundred_billion_are_accepted_when_a_float_keeps_them(string amount)
    {
        decimal value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Empty(Errors(r => r.Set(S.Mrr, AttioCodecs.Currency, value)));
        Assert.Equal(value, Written(r => r.Set(S.Mrr, AttioCodecs.Currency, value), "mrr").GetProperty("currency_value").GetDecimal());
    }

    [Fact]
    public void A_currency_amount_a_float_would_change_is_refused_not_rounded()
    {
        var error = Assert.Single(Errors(r => r.Set(S.Mrr, AttioCodecs.Currency, 1_234_567_890_123.4567m)));
        Assert.Equal("1234567890123.4567", error.Value);
        Assert.Contains("15 significant digits", error.Expected);
    }

    [Theory]
    [InlineData(1.23456789)]
    [InlineData(0.00001)]
    [InlineData(123456.78912)]
    public void Numbers_are_written_exactly_never_rounded(double value)
    {
        Assert.Empty(Errors(r => r.Set(S.Seats, AttioCodecs.Number, value)));
        Assert.Equal(value, Written(r => r.Set(S.Seats, AttioCodecs.Number, value), "seats").GetProperty("value").GetDouble());
    }

    [Fact]
    public void Latitude_and_longitude_are_each_optional()
    {
        Assert.Empty(Errors(r => r.Set(S.BillingAddress, AttioCodecs.Location, new Location { Locality = "Somewhere", Latitude = "51.5" })));
        Assert.Empty(Errors(r => r.Set(S.BillingAddress, AttioCodecs.Location, new Location { Longitude = "-0.12" })));
    }

    [Theory]
    [InlineData(" Pro")]
    [InlineData("Pro ")]
    [InlineData(" ")]
    public void Option_and_status_titles_may_have_surrounding_spaces(string title)
    {
        Assert.Empty(Errors(r => r.Set(S.Plan, AttioCodecs.Select, title)));
        Assert.Empty(Errors(r => r.Set(S.Stage, AttioCodecs.Status, (StatusOption)title)));
        Assert.Equal(title, Written(r => r.Set(S.Plan, AttioCodecs.Select, title), "plan").GetProperty("option").GetString());
    }

    [Fact]
    public void A_date_from_an_offset_is_the_utc_day_as_Attio_converts_it()
    {
        Assert.Equal(new DateOnly(2023, 1, 3), AttioMappingConversions.ToDate(DateTimeOffset.Parse("2023-01-02T23:00:00-10:00", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(new DateOnly(2023, 1, 1), AttioMappingConversions.ToDate(DateTimeOffset.Parse("2023-01-02T01:00:00+02:00", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(new DateOnly(2023, 1, 2), AttioMappingConversions.ToDate(DateTimeOffset.Parse("2023-01-02T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("+44.20.7946.0958", null)]
    [InlineData("+1.415.555.0123", null)]
    [InlineData("020.7946.0958", "GB")]
    [InlineData("+44 0000 000000", null)]
    [InlineData("+1 000 000 0000", null)]
    [InlineData("0000000", "US")]
    [InlineData("000 000 0000", "GB")]
    [InlineData("+1234567890123456", null)]
    [InlineData("123456789012345", "US")]
    [InlineData("41555501234567", "DE")]
    [InlineData("2125551234", "AQ")]
    [InlineData("2125551234", "BV")]
    [InlineData("2125551234", "HM")]
    [InlineData("2125551234", "UM")]
    public void Phone_numbers_Attio_refuses_are_refused(string number, string? country)
    {
        var error = Assert.Single(Errors(r => r.SetMany(S.BillingPhoneNumbers, AttioCodecs.PhoneNumber, [new PhoneNumber(number, country)])));
        Assert.Equal("billing_phone_numbers", error.AttributeSlug);
    }

    [Theory]
    [InlineData("+44 20 7946 0958", null)]
    [InlineData("+1 (415) 555-0123", null)]
    [InlineData("020 7946 0958", "GB")]
    [InlineData("(212) 555-1234", "US")]
    [InlineData("30 901820", "DE")]
    [InlineData("123456789012", "US")]
    public void Phone_numbers_Attio_accepts_are_accepted(string number, string? country) =>
        Assert.Empty(Errors(r => r.SetMany(S.BillingPhoneNumbers, AttioCodecs.PhoneNumber, [new PhoneNumber(number, country)])));

    [Fact]
    public void Every_country_code_has_a_calling_code_or_is_known_to_have_none()
    {
        var missing = AttioCountryCodes.All.Where(c => AttioCallingCodes.Of(c) is null && !AttioCallingCodes.WithoutCallingCode.Contains(c)).ToArray();
        Assert.Empty(missing);
        Assert.Equal("44", AttioCallingCodes.Of("GB"));
        Assert.Equal("1", AttioCallingCodes.Of("US"));
        Assert.Null(AttioCallingCodes.Of("AQ"));
    }
}
