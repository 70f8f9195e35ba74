using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;
using static Attio.Emulator.Tests.Infrastructure.RecordJson;

namespace Attio.Emulator.Tests.Records;

public sealed class AssertTests
{
    [Fact]
    public async Task Assert_with_no_match_creates_and_normalises_the_email()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await client.Assert("people", "email_addresses", new() { ["email_addresses"] = new JsonArray("Ann.Lee+crm@Sub.Acme.CO.UK") });

        Assert.Equal(200, response.Status);
        var email = ValuesOf(response.Data, "email_addresses").Single()!;
        Assert.Equal("Ann.Lee+crm@Sub.Acme.CO.UK", (string?)email["original_email_address"]);
        Assert.Equal("ann.lee+crm@sub.acme.co.uk", (string?)email["email_address"]);
        Assert.Equal("sub.acme.co.uk", (string?)email["email_domain"]);
        Assert.Equal("acme.co.uk", (string?)email["email_root_domain"]);
        Assert.Equal("ann.lee", (string?)email["email_local_specifier"]);
        Assert.Equal("email-address", (string?)email["attribute_type"]);
        Assert.Equal(1, emulator.Store.Count("people"));
    }

    [Fact]
    public async Task Assert_with_one_match_updates_that_record_matching_case_insensitively()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var first = await client.Assert("people", "email_addresses", new() { ["email_addresses"] = new JsonArray("ann@acme.com"), ["job_title"] = "CTO" });

        var second = await client.Assert("people", "email_addresses", new() { ["email_addresses"] = new JsonArray("ANN@acme.com"), ["job_title"] = "CEO" });

        Assert.Equal(Id(first.Data), Id(second.Data));
        Assert.Equal("CEO", Field(second.Data, "job_title", "value"));
        Assert.Equal(["ann@acme.com"], Fields(second.Data, "email_addresses", "email_address"));
        Assert.Equal(1, emulator.Store.Count("people"));
    }

    [Fact]
    public async Task Assert_by_attribute_id_works_like_by_slug()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var attributeId = (string)(await client.Get("v2/objects/people/attributes/email_addresses")).Data["id"]!["attribute_id"]!;

        await client.Assert("people", attributeId, new() { ["email_addresses"] = new JsonArray("x@y.com") });
        var again = await client.Assert("people", attributeId, new() { [attributeId] = new JsonArray("x@y.com") });

        Assert.Equal(200, again.Status);
        Assert.Equal(1, emulator.Store.Count("people"));
    }

    [Fact]
    public async Task Unknown_matching_attribute_is_value_not_found()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await client.Assert("people", "my-attribute", new() { ["email_addresses"] = new JsonArray("a@b.com") });

        Assert.Equal(400, response.Status);
        Assert.Equal(
            """{"status_code":400,"type":"invalid_request_error","code":"value_not_found","message":"No attribute was found for matching_attribute slug/ID \"my-attribute\"."}""",
            response.Text);
    }

    [Fact]
    public async Task Non_unique_matching_attribute_is_rejected()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await client.Assert("people", "job_title", new() { ["job_title"] = "CTO" });

        Assert.Equal(400, response.Status);
        Assert.Equal(
            """{"status_code":400,"type":"invalid_request_error","code":"matching_attribute_definition_not_unique","message":"The matching attribute specified is not a unique attribute."}""",
            response.Text);
    }

    [Fact]
    public async Task Matching_value_missing_from_the_payload_is_rejected()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await client.Assert("people", "email_addresses", new() { ["job_title"] = "CTO" });

        Assert.Equal((400, "validation_type"), (response.Status, response.Code));
        Assert.Equal("Value for matching attribute \"email_addresses\" was not provided.", response.Message);
    }

    [Fact]
    public async Task Values_matching_two_records_give_multiple_match_results()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        await client.Create("people", new() { ["email_addresses"] = new JsonArray("one@x.com") });
        await client.Create("people", new() { ["email_addresses"] = new JsonArray("two@x.com") });

        var response = await client.Assert("people", "email_addresses", new() { ["email_addresses"] = new JsonArray("one@x.com", "two@x.com") });

        Assert.Equal((400, "multiple_match_results"), (response.Status, response.Code));
        Assert.Equal("Multiple records were found for the given matching attribute value.", response.Message);
    }

    [Fact]
    public async Task Matching_multiselect_values_are_added_other_multiselects_replaced()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        await client.Assert("people", "email_addresses", new()
        {
            ["email_addresses"] = new JsonArray("a@x.com"),
            ["phone_numbers"] = new JsonArray("+447700900001", "+447700900002"),
        });

        var response = await client.Assert("people", "email_addresses", new()
        {
            ["email_addresses"] = new JsonArray("a@x.com", "b@x.com"),
            ["phone_numbers"] = new JsonArray("+447700900003"),
        });

        Assert.Equal(["b@x.com", "a@x.com"], Fields(response.Data, "email_addresses", "email_address"));
        Assert.Equal(["+447700900003"], Fields(response.Data, "phone_numbers", "phone_number"));
    }

    [Fact]
    public async Task Attributes_left_out_are_not_changed()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        await client.Assert("people", "email_addresses", new() { ["email_addresses"] = new JsonArray("a@x.com"), ["job_title"] = "CTO" });

        var response = await client.Assert("people", "email_addresses", new() { ["email_addresses"] = new JsonArray("a@x.com"), ["description"] = "hi" });

        Assert.Equal("CTO", Field(response.Data, "job_title", "value"));
        Assert.Equal("hi", Field(response.Data, "description", "value"));
    }

    [Fact]
    public async Task Assert_on_an_unknown_object_is_404()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await client.Assert("tickets", "email_addresses", new() { ["email_addresses"] = new JsonArray("a@x.com") });

        Assert.Equal(404, response.Status);
        Assert.Equal("Object with slug/ID \"tickets\" not found.", response.Message);
    }
}
