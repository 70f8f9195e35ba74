using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;
using static Attio.Emulator.Tests.Infrastructure.RecordJson;

namespace Attio.Emulator.Tests.Hosting;

/// <summary>
/// Input that once made the emulator answer 500 with the exception text, or grow without bound. Every answer here
/// must be a 4xx in Attio's error shape, store nothing, and carry no exception detail.
/// </summary>
public sealed class MalformedInputTests
{
    private static readonly string[] ExceptionMarkers = ["Exception", "   at ", ".cs:line", "/work/", "System."];

    [Theory]
    [InlineData("""{"data":{"values":{"subscription_id":"s1","seats":1e400}}}""")]
    [InlineData("""{"data":{"values":{"subscription_id":"s1","mrr":-1e400}}}""")]
    [InlineData("""{"data":{"values":{"subscription_id":"s1","description":"\ud800"}}}""")]
    [InlineData("""{"data":{"values":{"subscription_id":"s1\udc00x"}}}""")]
    [InlineData("""{"data":{"values":{"subscription_id":"s1","\ud83d":"x"}}}""")]
    [InlineData("""{"data":{"values":{"subscription_id":"s1","started_on":"٢٠٢٤-٠١-١٥"}}}""")]
    [InlineData("""{"data":{"values":{"subscription_id":"s1","renews_at":"2024-01-15T0٩:30:00Z"}}}""")]
    [InlineData("""{"data":{"values":{"subscription_id":"s1","billing_address":{"line_1":null,"line_2":null,"line_3":null,"line_4":null,"locality":null,"region":null,"postcode":null,"country_code":null,"latitude":"٣٩.٧٨","longitude":"-89.65"}}}}""")]
    public async Task Values_no_value_can_hold_are_400_and_store_nothing(string body)
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await SendText(client, HttpMethod.Post, "v2/objects/subscriptions/records", body);
        var later = await client.Post("v2/objects/subscriptions/records/query", new JsonObject());

        AssertAttioError(response, 400, "validation_type");
        Assert.Equal(0, emulator.Store.Count("subscriptions"));
        Assert.Equal(200, later.Status);
    }

    [Theory]
    [InlineData("""{"limit":1e400}""")]
    [InlineData("""{"filter":[]}""")]
    [InlineData("""{"filter":{"$and":{"seats":1}}}""")]
    [InlineData("""{"filter":{"$or":[1,2]}}""")]
    [InlineData("""{"filter":{"$not":"x"}}""")]
    [InlineData("""{"filter":{"subscription_id":{"$eq":{"a":[1]}}}}""")]
    [InlineData("""{"filter":{"subscription_id":[1,2]}}""")]
    [InlineData("""{"filter":{"seats":{"$not_empty":1}}}""")]
    [InlineData("""{"filter":{"billing_email":{"email_domain":{"$contains":{}}}}}""")]
    [InlineData("""{"filter":{"billing_email":{"email_domain":[]}}}""")]
    [InlineData("""{"sorts":[{"direction":1,"attribute":"seats"}]}""")]
    [InlineData("""{"sorts":[{"direction":"asc","attribute":null}]}""")]
    [InlineData("""{"sorts":"seats"}""")]
    [InlineData("""{"sorts":[{"direction":"asc","attribute":"seats","field":{"x":1}}]}""")]
    public async Task Wrong_json_types_in_queries_are_400_in_Attios_shape(string body)
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        await client.CreateId("subscriptions", new() { ["subscription_id"] = "s1", ["seats"] = 3, ["billing_email"] = "a@b.com" });

        var response = await SendText(client, HttpMethod.Post, "v2/objects/subscriptions/records/query", body);

        Assert.Equal(400, response.Status);
        AssertAttioError(response, 400, (string)response.Json["code"]!);
        Assert.Contains(response.Code, new[] { "filter_error", "validation_type" });
    }

    [Fact]
    public async Task Invalid_json_does_not_echo_the_parser_message()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await SendText(client, HttpMethod.Post, "v2/objects/people/records", "{\"data\": {\"values\": {\"secret-value-123\": ");

        AssertAttioError(response, 400, "validation_type");
        Assert.DoesNotContain("secret-value-123", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_is_400()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/objects/people/records")
        {
            Content = new ByteArrayContent([.. "{\"data\":{\"values\":{\"job_title\":\""u8, 0xC3, 0x28, .. "\"}}}"u8]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await client.SendRaw(request);

        AssertAttioError(response, 400, "validation_type");
        Assert.Equal(0, emulator.Store.Count("people"));
    }

    [Fact]
    public async Task Text_plain_bodies_are_refused_and_store_nothing()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/objects/people/records")
        {
            Content = new StringContent("""{"data":{"values":{"job_title":"CTO"}}}""", Encoding.UTF8, "text/plain"),
        };

        var response = await client.SendRaw(request);

        AssertAttioError(response, 400, "validation_type");
        Assert.Equal("Body payload validation error.", response.Message);
        Assert.Equal(0, emulator.Store.Count("people"));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_in_Attios_shape_with_or_without_a_length()
    {
        await using var emulator = await Emulators.Start(new AttioEmulatorOptions { EnforceRateLimits = false, MaxRequestBodyBytes = 1000 });
        using var client = new ApiClient(emulator);
        var body = ApiClient.Values(new() { ["job_title"] = new string('x', 2000) }).ToJsonString();

        var withLength = await SendText(client, HttpMethod.Post, "v2/objects/people/records", body);
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "v2/objects/people/records")
        {
            Content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(body))),
        };
        chunked.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var withoutLength = await client.SendRaw(chunked);

        AssertAttioError(withLength, 413, "payload_too_large");
        AssertAttioError(withoutLength, 413, "payload_too_large");
        Assert.Equal(0, emulator.Store.Count("people"));
    }

    [Fact]
    public async Task A_url_over_the_limit_is_414_in_Attios_shape()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await client.Get("v2/objects/people/attributes?show_archived=" + new string('a', 20_000));

        AssertAttioError(response, 414, "uri_too_long");
    }

    [Fact]
    public async Task A_text_value_over_Attios_10MB_is_refused()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await client.Create("people", new() { ["description"] = new string('é', (10 * 1024 * 1024 / 2) + 1) });

        AssertAttioError(response, 400, "validation_type");
        Assert.Equal(0, emulator.Store.Count("people"));
    }

    [Fact]
    public async Task A_long_value_list_with_duplicates_is_kept_once_each_in_order()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var domains = Enumerable.Range(0, 50_000).Select(i => $"d{i % 25_000}.example.com").ToList();

        var response = await client.Create("subscriptions", new()
        {
            ["subscription_id"] = "s1",
            ["billing_domains"] = new JsonArray([.. domains.Select(d => (JsonNode?)JsonValue.Create(d))]),
        });

        Assert.Equal(200, response.Status);
        Assert.Equal(domains.Take(25_000), Fields(response.Data, "billing_domains", "domain"));
    }

    [Fact]
    public async Task The_journal_is_bounded_by_count_and_bytes()
    {
        await using var emulator = await Emulators.Start(new AttioEmulatorOptions
        {
            EnforceRateLimits = false,
            JournalMaxEntries = 5,
            JournalMaxBytes = 600_000,
        });
        using var client = new ApiClient(emulator);

        for (var i = 0; i < 8; i++)
        {
            await client.Get($"v2/objects?n={i}");
        }

        var byCount = emulator.Journal.Select(e => e.QueryString).ToList();
        // Each write is journalled with its 60,000-character value twice (request and response): about 240 KB.
        foreach (var fill in "xyz")
        {
            await client.Create("people", new() { ["description"] = new string(fill, 60_000) });
        }

        var byBytes = emulator.Journal;

        Assert.Equal(["?n=3", "?n=4", "?n=5", "?n=6", "?n=7"], byCount);
        Assert.True(byBytes.Sum(e => 2L * ((e.Body?.Length ?? 0) + (e.ResponseBody?.Length ?? 0))) <= 600_000);
        Assert.Equal(["yyyy", "zzzz"], byBytes.Where(e => e.Body is not null).Select(e => e.Body![^10..^6]));
    }

    private static async Task<ApiResponse> SendText(ApiClient client, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await client.SendRaw(request);
    }

    private static void AssertAttioError(ApiResponse response, int status, string code)
    {
        Assert.True(response.Status == status, $"{response.Status}: {response.Text}");
        Assert.StartsWith("application/json", response.ContentHeaders?.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal((status, "invalid_request_error", code), ((int)response.Json["status_code"]!, (string?)response.Json["type"], response.Code));
        Assert.False(string.IsNullOrEmpty(response.Message));
        foreach (var marker in ExceptionMarkers)
        {
            Assert.DoesNotContain(marker, response.Text, StringComparison.Ordinal);
        }
    }

    /// <summary>Makes HttpClient send the body chunked, without a Content-Length.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
