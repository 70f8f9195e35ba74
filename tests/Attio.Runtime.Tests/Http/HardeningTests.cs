using System.Net;
using Attio.Emulator;
using Attio.Runtime.Tests.Infrastructure;
using Xunit;

namespace Attio.Runtime.Tests.Http;

/// <summary>Values that must never change which endpoint is called, and text from the network that must never carry the token.</summary>
public sealed class HardeningTests
{
    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../../objects")]
    [InlineData("not-a-uuid")]
    [InlineData("5f0c2a34-1b6e-4d7a-9c1e-2b3f4a5d6e7f/..")]
    [InlineData("5f0c2a34-1b6e-4d7a-9c1e-2b3f4a5d6e7f?x=1")]
    public async Task A_record_id_that_is_not_a_uuid_is_refused_before_any_request(string recordId)
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);

        var read = await Assert.ThrowsAsync<ArgumentException>(() => client.GetRecordAsync("people", recordId));
        var update = await Assert.ThrowsAsync<ArgumentException>(() => client.UpdateRecordAsync(recordId, ResilienceTests.NewSubscription("s")));

        Assert.Equal("recordId", read.ParamName);
        Assert.Contains("UUID", read.Message);
        Assert.Equal("recordId", update.ParamName);
        Assert.Empty(attio.Journal);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("people/records")]
    [InlineData("people?limit=1")]
    [InlineData("peo ple")]
    [InlineData("people%2F..")]
    public async Task An_object_or_attribute_slug_with_path_characters_is_refused_before_any_request(string slug)
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);

        var get = await Assert.ThrowsAsync<ArgumentException>(() => client.GetObjectAsync(slug));
        var attributes = await Assert.ThrowsAsync<ArgumentException>(() => client.ListAttributesAsync(slug));
        var options = await Assert.ThrowsAsync<ArgumentException>(() => client.ListOptionsAsync("subscriptions", slug));
        var assert = await Assert.ThrowsAsync<ArgumentException>(() => client.AssertRecordAsync(ResilienceTests.NewSubscription("s"), slug));
        var record = await Assert.ThrowsAsync<ArgumentException>(() => client.GetRecordAsync(slug, Guid.NewGuid().ToString()));

        Assert.Equal("objectSlug", get.ParamName);
        Assert.Equal("objectSlug", attributes.ParamName);
        Assert.Equal("attribute", options.ParamName);
        Assert.Equal("matchingAttribute", assert.ParamName);
        Assert.Equal("objectSlug", record.ParamName);
        Assert.Contains("slug", get.Message);
        Assert.Empty(attio.Journal);
    }

    [Fact]
    public async Task A_valid_uuid_record_id_still_reaches_attio()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        var stored = await client.AssertRecordAsync(ResilienceTests.NewSubscription("sub-uuid"), "subscription_id");

        var read = await client.GetRecordAsync("subscriptions", stored.RecordId);

        Assert.Equal(stored.RecordId, read.RecordId);
    }

    [Fact]
    public void A_control_character_in_a_refused_value_is_escaped_and_a_long_one_is_cut()
    {
        var forged = Assert.Throws<ArgumentException>(() => AttioPathSegments.RecordId("x\r\n[ERROR] forged", "recordId"));
        var huge = Assert.Throws<ArgumentException>(() => AttioPathSegments.Slug(new string('a', 100_000), "objectSlug", "object"));

        Assert.DoesNotContain("\n", forged.Message);
        Assert.Contains("\\r\\n", forged.Message);
        Assert.True(huge.Message.Length < 400, $"message of {huge.Message.Length} characters");
        Assert.Contains("100000 characters", huge.Message);
    }

    [Fact]
    public async Task An_error_body_echoing_the_authorization_header_reaches_no_exception_text()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        attio.Faults.EnqueueResponse("GET /v2/objects", 400,
            $$"""{"status_code":400,"type":"invalid_request_error","code":"validation_type","message":"Bad header Authorization: Bearer {{attio.ApiToken}}","validation_errors":[{"code":"invalid_type","path":["headers"],"message":"got {{attio.ApiToken}}","expected":"string","received":"{{attio.ApiToken}}"}]}""");

        var ex = await Assert.ThrowsAsync<AttioApiException>(() => client.ListObjectsAsync());

        Assert.Equal("validation_type", ex.Code);
        Assert.DoesNotContain(attio.ApiToken, ex.ToString());
        Assert.DoesNotContain(attio.ApiToken, ex.AttioMessage);
        Assert.DoesNotContain(attio.ApiToken, ex.ValidationErrors[0].ToString());
        Assert.Contains("Bearer ***", ex.Message);
    }

    [Fact]
    public void Transport_failure_text_quoting_the_token_is_masked_in_reason_and_inner_exception()
    {
        const string Token = "tok_0123456789abcdef0123456789abcdef";
        var hostile = new HttpRequestException(HttpRequestError.InvalidResponse, $"Received an invalid header line: 'X-Echo: {Token}'", new IOException($"echo {Token}"));

        string reason = AttioRetryHandler.Describe(hostile, Token);
        Exception inner = AttioRetryHandler.SafeInner(hostile, Token);
        var ex = new AttioTransportException("GET", "/v2/self", 1, TimeSpan.Zero, reason, inner);

        Assert.DoesNotContain(Token, ex.ToString());
        Assert.Contains("***", ex.Message);
        Assert.Equal(HttpRequestError.InvalidResponse, Assert.IsType<HttpRequestException>(ex.InnerException).HttpRequestError);
        // A short "token" is not masked: it would blank common words in unrelated text.
        Assert.Equal("the wrong length", AttioSecrets.MaskToken("the wrong length", "wrong"));
    }

    [Fact]
    public void User_info_in_the_base_address_never_reaches_ToString_or_validation_messages()
    {
        var options = new AttioClientOptions { ApiToken = "secret-token-0123456789", BaseAddress = new Uri("https://x:TOKENINURL@attio.example.com/") };
        var plain = new AttioClientOptions { ApiToken = "secret-token-0123456789", BaseAddress = new Uri("http://x:TOKENINURL@attio.example.com/") };

        var direct = Assert.Throws<ArgumentException>(() => new AttioClient(options));
        var http = Assert.Throws<ArgumentException>(() => new AttioClient(plain));

        Assert.DoesNotContain("TOKENINURL", options.ToString());
        Assert.Contains("https://attio.example.com/", options.ToString());
        Assert.DoesNotContain("TOKENINURL", direct.ToString());
        Assert.DoesNotContain("TOKENINURL", http.ToString());
        Assert.Contains("credentials", direct.Message);
    }

    [Theory]
    [InlineData("abc def0123456789")]
    [InlineData("abc\u00e90123456789")]
    [InlineData("abc\u00000123456789")]
    [InlineData("abc\u20000123456789")]
    public void A_token_with_white_space_control_or_non_ascii_characters_is_refused_without_echoing_it(string token)
    {
        var ex = Assert.Throws<ArgumentException>(() => new AttioClient(new AttioClientOptions { ApiToken = token }));

        Assert.Contains("non-ASCII", ex.Message);
        Assert.DoesNotContain(token, ex.Message);
    }

    [Fact]
    public void A_surrounding_line_break_is_trimmed_from_the_token()
    {
        using var client = new AttioClient(new AttioClientOptions { ApiToken = "  token-0123456789\n", BaseAddress = new Uri("http://127.0.0.1:9/") });
        Assert.NotNull(client.Api);
    }

    [Fact]
    public void The_three_exceptions_share_one_base()
    {
        var api = new AttioApiException(HttpStatusCode.BadRequest, null, null, "GET", "/v2/self");
        var transport = new AttioTransportException("GET", "/v2/self", 1, TimeSpan.Zero, "refused");
        var validation = new AttioValidationException([]);

        Assert.All(new Exception[] { api, transport, validation }, e => Assert.IsAssignableFrom<AttioException>(e));
    }
}
