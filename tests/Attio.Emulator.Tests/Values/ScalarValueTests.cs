using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;
using static Attio.Emulator.Tests.Infrastructure.RecordJson;
using static Attio.Emulator.Tests.Values.ValueWriter;

namespace Attio.Emulator.Tests.Values;

public sealed class ScalarValueTests : IAsyncLifetime
{
    private AttioEmulator _emulator = null!;
    private ApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await Emulators.Start();
        _client = new ApiClient(_emulator);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Theory]
    [InlineData("\"Ref 1\"")]
    [InlineData("{\"value\":\"Ref 1\"}")]
    [InlineData("[\"Ref 1\"]")]
    [InlineData("[{\"value\":\"Ref 1\"}]")]
    public async Task Text_accepts_its_four_forms(string input)
    {
        var response = await Write(_client, "invoice_reference", Parse(input));

        Assert.Equal("Ref 1", Field(response.Data, "invoice_reference", "value"));
        Assert.Equal("text", Field(response.Data, "invoice_reference", "attribute_type"));
    }

    [Fact]
    public async Task Text_rejects_a_number()
    {
        var response = await Write(_client, "invoice_reference", 12);

        Assert.Equal((400, "validation_type"), (response.Status, response.Code));
        Assert.Equal("string", (string?)response.Json["validation_errors"]![0]!["expected"]);
    }

    [Theory]
    [InlineData("3.14", 3.14)]
    [InlineData("{\"value\":42}", 42)]
    [InlineData("[-7.5]", -7.5)]
    public async Task Number_is_stored_as_a_json_number(string input, double expected)
    {
        var response = await Write(_client, "seats", Parse(input));

        Assert.Equal(expected, (double)ValuesOf(response.Data, "seats")[0]!["value"]!);
    }

    [Fact]
    public async Task Number_rejects_a_string()
    {
        Assert.Equal("validation_type", (await Write(_client, "seats", "3")).Code);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"false\"", false)]
    [InlineData("{\"value\":true}", true)]
    [InlineData("[false]", false)]
    public async Task Checkbox_accepts_booleans_and_their_strings(string input, bool expected)
    {
        var response = await Write(_client, "auto_renew", Parse(input));

        Assert.Equal(expected, (bool)ValuesOf(response.Data, "auto_renew")[0]!["value"]!);
    }

    [Fact]
    public async Task Checkbox_rejects_other_strings()
    {
        Assert.Equal("validation_type", (await Write(_client, "auto_renew", "yes")).Code);
    }

    [Theory]
    [InlineData("4.99")]
    [InlineData("\"4.99\"")]
    [InlineData("{\"currency_value\":4.99}")]
    [InlineData("[{\"currency_value\":4.99}]")]
    public async Task Currency_takes_its_code_from_the_attribute(string input)
    {
        var response = await Write(_client, "mrr", Parse(input));

        var value = ValuesOf(response.Data, "mrr").Single()!;
        Assert.Equal(4.99, (double)value["currency_value"]!);
        Assert.Equal("USD", (string?)value["currency_code"]);
    }

    [Fact]
    public async Task Currency_allows_four_decimals_and_rejects_five()
    {
        Assert.Equal(200, (await Write(_client, "mrr", 1.2345)).Status);
        Assert.Equal("validation_type", (await Write(_client, "mrr", Parse("1.23456"))).Code);
    }

    [Fact]
    public async Task Currency_code_cannot_be_written()
    {
        var response = await Write(_client, "mrr", Parse("{\"currency_value\":5,\"currency_code\":\"EUR\"}"));

        Assert.Equal((400, "validation_type"), (response.Status, response.Code));
    }

    [Theory]
    [InlineData("2023", "2023-01-01")]
    [InlineData("2023-01", "2023-01-01")]
    [InlineData("2023-01-02", "2023-01-02")]
    [InlineData("2023-01-02T13:00:00Z", "2023-01-02")]
    [InlineData("2023-01-02T23:00:00-10:00", "2023-01-03")]
    [InlineData("2023-01-02T01:00:00+02:00", "2023-01-01")]
    public async Task Date_completes_partial_dates_and_converts_offsets_first(string input, string expected)
    {
        var response = await Write(_client, "started_on", input);

        Assert.Equal(expected, Field(response.Data, "started_on", "value"));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2023-13-01")]
    [InlineData("2023-02-30")]
    public async Task Date_rejects_non_dates(string input)
    {
        Assert.Equal("validation_type", (await Write(_client, "started_on", input)).Code);
    }

    [Theory]
    [InlineData("2023", "2023-01-01T00:00:00.000000000Z")]
    [InlineData("2023-01", "2023-01-01T00:00:00.000000000Z")]
    [InlineData("2023-01-02", "2023-01-02T00:00:00.000000000Z")]
    [InlineData("2023-01-02T13:00", "2023-01-02T13:00:00.000000000Z")]
    [InlineData("2023-01-02T13:00:00", "2023-01-02T13:00:00.000000000Z")]
    [InlineData("2023-01-02T13:00:00.000000000+02:00", "2023-01-02T11:00:00.000000000Z")]
    [InlineData("2024-05-01T09:30:00.123456789Z", "2024-05-01T09:30:00.123456789Z")]
    [InlineData("2024-05-01T09:30:00.5-01:30", "2024-05-01T11:00:00.500000000Z")]
    public async Task Timestamp_is_filled_out_to_nanoseconds_in_utc(string input, string expected)
    {
        var response = await Write(_client, "renews_at", input);

        Assert.Equal(expected, Field(response.Data, "renews_at", "value"));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("5", 5)]
    [InlineData("{\"value\":3}", 3)]
    public async Task Rating_accepts_whole_numbers_from_0_to_5(string input, int expected)
    {
        var response = await Write(_client, "health_score", Parse(input));

        Assert.Equal(expected, (int)ValuesOf(response.Data, "health_score")[0]!["value"]!);
    }

    [Theory]
    [InlineData("4.5")]
    [InlineData("6")]
    [InlineData("-1")]
    [InlineData("\"3\"")]
    public async Task Rating_rejects_anything_else(string input)
    {
        Assert.Equal("validation_type", (await Write(_client, "health_score", Parse(input))).Code);
    }
}
