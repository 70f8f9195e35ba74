using System.Net.Http.Headers;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;

namespace Attio.Emulator.Tests.Hosting;

public sealed class HostingTests
{
    [Fact]
    public async Task Starts_on_loopback_with_a_random_port_and_a_64_character_token()
    {
        await using var emulator = await Emulators.Start();

        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.EndsWith("/", emulator.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(64, emulator.ApiToken.Length);
    }

    [Fact]
    public async Task Uses_the_token_given_in_the_options()
    {
        var token = new string('a', 64);
        await using var emulator = await Emulators.Start(new AttioEmulatorOptions { ApiToken = token });
        using var client = new ApiClient(emulator);

        Assert.Equal(token, emulator.ApiToken);
        Assert.Equal(200, (await client.Get("v2/self")).Status);
    }

    [Fact]
    public async Task Every_response_has_an_execution_id_and_json_content_type()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        foreach (var response in new[] { await client.Get("v2/objects"), await client.Get("v2/nothing/here") })
        {
            var id = Assert.Single(response.Headers.GetValues("x-attio-execution-id"));
            Assert.True(Guid.TryParse(id, out _));
            Assert.Equal("application/json; charset=utf-8", response.ContentHeaders!.ContentType!.ToString());
        }
    }

    [Fact]
    public async Task Unknown_route_is_404_with_Attios_body()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await client.Get("v2/objects/people/records");

        Assert.Equal(404, response.Status);
        Assert.Equal(
            """{"status_code":404,"type":"invalid_request_error","code":"not_found","message":"Could not find endpoint \"GET /v2/objects/people/records\"."}""",
            response.Text);
    }

    [Fact]
    public async Task Journal_records_requests_in_arrival_order_and_can_be_cleared()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        await client.Get("v2/self");
        await client.Assert("people", "email_addresses", new() { ["email_addresses"] = new System.Text.Json.Nodes.JsonArray("a@b.com") });

        var journal = emulator.Journal;
        Assert.Equal(2, journal.Count);
        Assert.Equal(("GET", "/v2/self", 200), (journal[0].Method, journal[0].Path, journal[0].StatusCode));
        Assert.Equal(("PUT", "/v2/objects/people/records", "?matching_attribute=email_addresses"), (journal[1].Method, journal[1].Path, journal[1].QueryString));
        Assert.Contains("a@b.com", journal[1].Body, StringComparison.Ordinal);
        Assert.Contains("a@b.com", journal[1].ResponseBody, StringComparison.Ordinal);

        emulator.ClearJournal();
        Assert.Empty(emulator.Journal);
    }

    [Fact]
    public async Task Stops_listening_when_disposed()
    {
        var emulator = await Emulators.Start();
        var address = emulator.BaseAddress;
        await emulator.DisposeAsync();

        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiToken);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("v2/self"));
    }
}
