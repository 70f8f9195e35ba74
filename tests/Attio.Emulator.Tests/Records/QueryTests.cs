using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;
using static Attio.Emulator.Tests.Infrastructure.RecordJson;

namespace Attio.Emulator.Tests.Records;

public sealed class QueryTests : IAsyncLifetime
{
    private AttioEmulator _emulator = null!;
    private ApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await Emulators.Start();
        _client = new ApiClient(_emulator);
        for (var i = 1; i <= 5; i++)
        {
            await _client.CreateId("users", new() { ["user_id"] = $"u{i}", ["primary_email_address"] = $"u{i}@x.com" });
        }
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Shorthand_equality_on_an_email_attribute_is_normalised()
    {
        var response = await Query("users", new JsonObject { ["filter"] = new JsonObject { ["primary_email_address"] = "U3@X.com" } });

        Assert.Equal(["u3"], UserIds(response));
    }

    [Fact]
    public async Task Eq_operator_on_a_text_attribute()
    {
        var response = await Query("users", new JsonObject { ["filter"] = new JsonObject { ["user_id"] = new JsonObject { ["$eq"] = "u1" } } });

        Assert.Equal(["u1"], UserIds(response));
    }

    [Fact]
    public async Task Equality_on_a_multiselect_email_attribute_matches_any_value()
    {
        await _client.CreateId("people", new() { ["email_addresses"] = new JsonArray("a@b.com", "c@d.com") });

        var response = await Query("people", new JsonObject { ["filter"] = new JsonObject { ["email_addresses"] = "c@d.com" } });

        Assert.Single(response.Data.AsArray());
    }

    [Fact]
    public async Task No_match_gives_an_empty_list()
    {
        var response = await Query("users", new JsonObject { ["filter"] = new JsonObject { ["user_id"] = "nobody" } });

        Assert.Equal(200, response.Status);
        Assert.Empty(response.Data.AsArray());
    }

    [Fact]
    public async Task And_or_combine_filters()
    {
        var or = await Query("users", JsonNode.Parse("""{"filter":{"$or":[{"user_id":"u1"},{"user_id":"u2"}]}}""")!);
        var and = await Query("users", JsonNode.Parse("""{"filter":{"$and":[{"user_id":"u1"},{"primary_email_address":"u2@x.com"}]}}""")!);

        Assert.Equal(["u1", "u2"], UserIds(or));
        Assert.Empty(UserIds(and));
    }

    [Fact]
    public async Task Limit_and_offset_page_through_records_in_creation_order()
    {
        var first = await Query("users", new JsonObject { ["limit"] = 2 });
        var second = await Query("users", new JsonObject { ["limit"] = 2, ["offset"] = 2 });
        var last = await Query("users", new JsonObject { ["limit"] = 2, ["offset"] = 4 });
        var all = await Query("users", new JsonObject());

        Assert.Equal(["u1", "u2"], UserIds(first));
        Assert.Equal(["u3", "u4"], UserIds(second));
        Assert.Equal(["u5"], UserIds(last));
        Assert.Equal(5, all.Data.AsArray().Count);
        Assert.Equal(5, (await _client.Post("v2/objects/users/records/query", null)).Data.AsArray().Count);
    }

    [Fact]
    public async Task Sorts_order_the_results()
    {
        var response = await Query("users", JsonNode.Parse("""{"sorts":[{"direction":"desc","attribute":"user_id","field":"value"}]}""")!);

        Assert.Equal(["u5", "u4", "u3", "u2", "u1"], UserIds(response));
    }

    [Theory]
    [InlineData("""{"limit":0}""")]
    [InlineData("""{"offset":-1}""")]
    [InlineData("""{"limit":"ten"}""")]
    public async Task Bad_paging_is_a_validation_error(string body)
    {
        Assert.Equal("validation_type", (await Query("users", JsonNode.Parse(body)!)).Code);
    }

    [Theory]
    [InlineData("""{"filter":{"no_such_attribute":"x"}}""")]
    [InlineData("""{"filter":{"user_id":{"$regex":"u"}}}""")]
    public async Task Bad_filters_are_filter_error(string body)
    {
        var response = await Query("users", JsonNode.Parse(body)!);

        Assert.Equal(400, response.Status);
        Assert.Equal("""{"status_code":400,"type":"invalid_request_error","code":"filter_error","message":"Error in filter."}""", response.Text);
    }

    [Fact]
    public async Task Unknown_object_is_404()
    {
        var response = await Query("tickets", new JsonObject());

        Assert.Equal((404, "The referenced object was not found."), (response.Status, response.Message));
    }

    [Fact]
    public async Task Filter_by_record_reference_target()
    {
        var person = await _client.CreateId("people", new() { ["email_addresses"] = new JsonArray("p@x.com") });
        await _client.Create("users", new()
        {
            ["user_id"] = "u9",
            ["primary_email_address"] = "u9@x.com",
            ["person"] = new JsonObject { ["target_object"] = "people", ["target_record_id"] = person },
        });

        var response = await Query("users", new JsonObject { ["filter"] = new JsonObject { ["person"] = new JsonObject { ["target_record_id"] = person } } });

        Assert.Equal(["u9"], UserIds(response));
    }

    private Task<ApiResponse> Query(string obj, JsonNode body) => _client.Post($"v2/objects/{obj}/records/query", body);

    private static string[] UserIds(ApiResponse response) =>
        response.Data.AsArray().Select(r => Field(r!, "user_id", "value")!).ToArray();
}
