using System.Net.Http.Headers;
using System.Text;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;

namespace Attio.Emulator.Tests.Hosting;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task Missing_header_is_401()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator, token: "");

        var response = await client.Get("v2/objects");

        Assert.Equal(401, response.Status);
        Assert.Equal(("auth_error", "unauthorized"), ((string?)response.Json["type"], response.Code));
        Assert.StartsWith("The Authorization header was not provided.", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Short_token_gets_Attios_captured_wrong_length_body()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator, token: "short");

        var response = await client.Get("v2/objects");

        Assert.Equal(401, response.Status);
        Assert.Equal(
            """{"status_code":401,"type":"auth_error","code":"unauthorized","message":"The API Key provided was invalid because it was the wrong length (API Keys should be 64 characters long). You might not have copied the entire API key from your Admin panel?"}""",
            response.Text);
    }

    [Fact]
    public async Task Wrong_token_of_the_right_length_is_401()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator, token: new string('0', 64));

        var response = await client.Get("v2/objects");

        Assert.Equal((401, "unauthorized"), (response.Status, response.Code));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("short")]
    [InlineData("an-oauth-access-token-of-another-length-1234567890")]
    public async Task Self_with_an_unknown_or_revoked_token_is_200_inactive(string token)
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator, token: token);

        var response = await client.Get("v2/self");

        Assert.Equal((200, """{"active":false}"""), (response.Status, response.Text));
    }

    [Fact]
    public async Task Self_without_any_token_is_still_401()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator, token: "");

        var response = await client.Get("v2/self");

        Assert.Equal((401, "unauthorized"), (response.Status, response.Code));
    }

    [Theory]
    [InlineData("t0k3n")]
    [InlineData("an-oauth-access-token-that-is-much-longer-than-an-api-key-0123456789-0123456789-0123456789")]
    public async Task A_token_of_any_length_is_accepted_when_it_is_the_configured_one(string token)
    {
        await using var emulator = await Emulators.Start(new AttioEmulatorOptions { EnforceRateLimits = false, ApiToken = token });
        using var client = new ApiClient(emulator);
        using var wrong = new ApiClient(emulator, token: token + "x");

        var self = await client.Get("v2/self");
        var objects = await client.Get("v2/objects");
        var refused = await wrong.Get("v2/objects");

        Assert.True((bool)self.Json["active"]!);
        Assert.Equal(200, objects.Status);
        Assert.Equal((401, "The API Key provided was invalid. Please check that you have copied the entire API key from your Admin panel."), (refused.Status, refused.Message));
    }

    [Fact]
    public async Task Basic_auth_with_the_token_as_user_name_is_accepted()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator, token: "");
        client.Http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(emulator.ApiToken + ":")));

        var response = await client.Get("v2/self");

        Assert.Equal(200, response.Status);
        Assert.True((bool)response.Json["active"]!);
    }

    [Fact]
    public async Task Unauthenticated_request_bodies_are_not_journalled()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator, token: new string('0', 64));

        await client.Post("v2/objects/people/records", ApiClient.Values(new() { ["description"] = new string('x', 100_000) }));

        var entry = Assert.Single(emulator.Journal);
        Assert.Equal((401, null), (entry.StatusCode, entry.Body));
    }

    [Fact]
    public async Task Unauthenticated_requests_are_not_processed()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator, token: new string('0', 64));

        await client.Assert("people", "email_addresses", new() { ["email_addresses"] = new System.Text.Json.Nodes.JsonArray("a@b.com") });

        Assert.Equal(0, emulator.Store.Count("people"));
    }
}
