using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;
using static Attio.Emulator.Tests.Infrastructure.RecordJson;

namespace Attio.Emulator.Tests.Records;

/// <summary>The verbose filter operators the attribute-type docs list, and sorts that compare numbers as numbers.</summary>
public sealed class QueryOperatorTests : IAsyncLifetime
{
    private AttioEmulator _emulator = null!;
    private ApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await Emulators.Start();
        _client = new ApiClient(_emulator);
        foreach (var (id, seats, mrr, started, email) in new[]
                 {
                     ("alpha-1", 9, "10.5", "2024-01-15", "ann@acme.com"),
                     ("alpha-2", 10, "99", "2024-03-01", "bob@beta.io"),
                     ("beta-3", 100, "5", "2023-12-31", "cat@acme.com"),
                 })
        {
            await _client.CreateId("subscriptions", new()
            {
                ["subscription_id"] = id, ["seats"] = seats, ["mrr"] = mrr, ["started_on"] = started, ["billing_email"] = email,
            });
        }
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Theory]
    [InlineData("""{"subscription_id":{"$starts_with":"alpha"}}""", "alpha-1,alpha-2")]
    [InlineData("""{"subscription_id":{"$ends_with":"-3"}}""", "beta-3")]
    [InlineData("""{"subscription_id":{"$contains":"HA-"}}""", "alpha-1,alpha-2")]
    [InlineData("""{"billing_email":{"$ends_with":"@acme.com"}}""", "alpha-1,beta-3")]
    [InlineData("""{"billing_email":{"email_domain":{"$contains":"beta"}}}""", "alpha-2")]
    [InlineData("""{"seats":{"$gt":9}}""", "alpha-2,beta-3")]
    [InlineData("""{"seats":{"$gte":10,"$lt":100}}""", "alpha-2")]
    [InlineData("""{"seats":{"$lte":9}}""", "alpha-1")]
    [InlineData("""{"mrr":{"$gt":10}}""", "alpha-1,alpha-2")]
    [InlineData("""{"mrr":{"currency_value":{"$lte":10.5}}}""", "alpha-1,beta-3")]
    [InlineData("""{"started_on":{"$gte":"2024-01-15"}}""", "alpha-1,alpha-2")]
    [InlineData("""{"started_on":{"$lt":"2024"}}""", "beta-3")]
    public async Task Documented_operators_filter(string filter, string expected)
    {
        var response = await _client.Post("v2/objects/subscriptions/records/query", new JsonObject { ["filter"] = JsonNode.Parse(filter) });

        Assert.True(response.Status == 200, response.Text);
        Assert.Equal(expected.Split(','), response.Data.AsArray().Select(r => Field(r!, "subscription_id", "value")!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"auto_renew":{"$contains":"t"}}""")]
    [InlineData("""{"plan":{"$gt":1}}""")]
    [InlineData("""{"seats":{"$gt":"nine"}}""")]
    [InlineData("""{"subscription_id":{"$starts_with":5}}""")]
    [InlineData("""{"seats":{"$not_empty":"yes"}}""")]
    [InlineData("""{"seats":{"$in":3}}""")]
    [InlineData("""{"started_on":{"$gt":"not a date"}}""")]
    public async Task Operators_a_type_does_not_document_or_operands_of_the_wrong_type_are_filter_error(string filter)
    {
        var response = await _client.Post("v2/objects/subscriptions/records/query", new JsonObject { ["filter"] = JsonNode.Parse(filter) });

        Assert.Equal("""{"status_code":400,"type":"invalid_request_error","code":"filter_error","message":"Error in filter."}""", response.Text);
    }

    [Theory]
    [InlineData("asc", "alpha-1,alpha-2,beta-3")]
    [InlineData("desc", "beta-3,alpha-2,alpha-1")]
    public async Task Numeric_sorts_compare_numbers(string direction, string expected)
    {
        var response = await _client.Post("v2/objects/subscriptions/records/query",
            JsonNode.Parse($$"""{"sorts":[{"direction":"{{direction}}","attribute":"seats"}]}"""));

        Assert.Equal(expected.Split(','), response.Data.AsArray().Select(r => Field(r!, "subscription_id", "value")!));
    }

    [Fact]
    public async Task Currency_sorts_compare_amounts()
    {
        var response = await _client.Post("v2/objects/subscriptions/records/query",
            JsonNode.Parse("""{"sorts":[{"direction":"asc","attribute":"mrr","field":"currency_value"}]}"""));

        Assert.Equal(["beta-3", "alpha-1", "alpha-2"], response.Data.AsArray().Select(r => Field(r!, "subscription_id", "value")!));
    }

    [Theory]
    [InlineData("""{"sorts":[{"direction":"up","attribute":"seats"}]}""")]
    [InlineData("""{"sorts":[{"direction":"asc","attribute":7}]}""")]
    [InlineData("""{"sorts":[{"direction":"asc","attribute":"seats","field":[]}]}""")]
    [InlineData("""{"sorts":["seats"]}""")]
    [InlineData("""{"sorts":{"attribute":"seats"}}""")]
    public async Task Sorts_of_the_wrong_shape_are_400_in_Attios_shape(string body)
    {
        var response = await _client.Post("v2/objects/subscriptions/records/query", JsonNode.Parse(body));

        Assert.Equal((400, "validation_type", "Body payload validation error."), (response.Status, response.Code, response.Message));
        Assert.NotEmpty(response.Json["validation_errors"]!.AsArray());
    }
}
