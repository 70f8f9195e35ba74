using Attio.Runtime.Tests.Infrastructure;
using Xunit;

namespace Attio.Runtime.Tests.Http;

/// <summary>Answers whose details differ from the documented shape still give the caller everything Attio said.</summary>
public sealed class ResponseShapeTests
{
    [Fact]
    public async Task Validation_errors_with_a_number_or_an_object_as_expected_or_received_keep_code_type_message_and_raw_text()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        attio.Faults.EnqueueResponse("GET /v2/objects", 400, """
            {"status_code":400,"type":"invalid_request_error","code":"validation_type","message":"Body payload validation error.",
             "validation_errors":[{"code":"too_big","path":["data","values","seats",0],"message":"Too big","expected":5,"received":{"value":7}}]}
            """);

        var ex = await Assert.ThrowsAsync<AttioApiException>(() => client.ListObjectsAsync());

        Assert.Equal("validation_type", ex.Code);
        Assert.Equal("invalid_request_error", ex.Type);
        Assert.Equal("Body payload validation error.", ex.AttioMessage);
        var detail = Assert.Single(ex.ValidationErrors);
        Assert.Equal("5", detail.Expected);
        Assert.Equal("""{"value":7}""", detail.Received);
    }

    [Fact]
    public async Task A_body_whose_details_do_not_parse_still_yields_code_type_and_message()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        attio.Faults.EnqueueResponse("GET /v2/objects", 400, """
            {"status_code":"400","type":"invalid_request_error","code":"filter_error","message":"Error in filter.","validation_errors":"not a list"}
            """);

        var ex = await Assert.ThrowsAsync<AttioApiException>(() => client.ListObjectsAsync());

        Assert.Equal("filter_error", ex.Code);
        Assert.Equal("invalid_request_error", ex.Type);
        Assert.Equal("Error in filter.", ex.AttioMessage);
        Assert.Contains("Error in filter.", ex.Message);
    }

    [Fact]
    public async Task Self_with_fractional_exp_and_iat_is_read()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        attio.Faults.EnqueueResponse("GET /v2/self", 200, """
            {"active":true,"scope":"record_permission:read-write","client_id":"c","token_type":"Bearer","exp":1767600000.75,"iat":1.7675e9,
             "sub":"w","aud":"c","iss":"attio.com","authorized_by_workspace_member_id":"m","workspace_id":"w","workspace_name":"N","workspace_slug":"n","workspace_logo_url":null}
            """);

        var self = await client.GetSelfAsync();

        Assert.True(self.Active);
        Assert.Equal(1767600000, self.Exp);
        Assert.Equal(1767500000, self.Iat);
    }
}
