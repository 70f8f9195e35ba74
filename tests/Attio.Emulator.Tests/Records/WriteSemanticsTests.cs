using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;
using static Attio.Emulator.Tests.Infrastructure.RecordJson;

namespace Attio.Emulator.Tests.Records;

public sealed class WriteSemanticsTests
{
    [Fact]
    public async Task Patch_adds_multiselect_values_in_front_without_duplicates_ignoring_email_case()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var id = await client.CreateId("people", new() { ["email_addresses"] = new JsonArray("a@x.com", "b@x.com") });

        var response = await client.Patch($"v2/objects/people/records/{id}",
            ApiClient.Values(new() { ["email_addresses"] = new JsonArray("C@x.com", "A@X.COM") }));

        Assert.Equal(200, response.Status);
        Assert.Equal(["c@x.com", "a@x.com", "b@x.com"], Fields(response.Data, "email_addresses", "email_address"));
    }

    [Fact]
    public async Task Put_replaces_multiselect_values_with_exactly_the_list_sent()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var id = await client.CreateId("people", new() { ["email_addresses"] = new JsonArray("a@x.com", "b@x.com") });

        var response = await client.Put($"v2/objects/people/records/{id}",
            ApiClient.Values(new() { ["email_addresses"] = new JsonArray("c@x.com", "b@x.com") }));

        Assert.Equal(["c@x.com", "b@x.com"], Fields(response.Data, "email_addresses", "email_address"));
    }

    [Fact]
    public async Task Values_kept_by_an_update_keep_their_active_from()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 7, 27, 1, 45, 27, 220, TimeSpan.Zero));
        await using var emulator = await Emulators.Start(new AttioEmulatorOptions { EnforceRateLimits = false, TimeProvider = clock });
        using var client = new ApiClient(emulator);
        var id = await client.CreateId("people", new() { ["email_addresses"] = new JsonArray("a@x.com") });
        clock.Advance(TimeSpan.FromMinutes(1));

        var response = await client.Put($"v2/objects/people/records/{id}",
            ApiClient.Values(new() { ["email_addresses"] = new JsonArray("b@x.com", "a@x.com") }));

        Assert.Equal(["2025-07-27T01:46:27.220000000Z", "2025-07-27T01:45:27.220000000Z"], Fields(response.Data, "email_addresses", "active_from"));
    }

    [Fact]
    public async Task Single_value_attributes_are_overwritten_by_patch_and_put()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var id = await client.CreateId("people", new() { ["job_title"] = "CTO" });

        var patched = await client.Patch($"v2/objects/people/records/{id}", ApiClient.Values(new() { ["job_title"] = "CEO" }));
        var put = await client.Put($"v2/objects/people/records/{id}", ApiClient.Values(new() { ["job_title"] = new JsonArray("CFO") }));

        Assert.Equal("CEO", Field(patched.Data, "job_title", "value"));
        Assert.Equal(["CFO"], Fields(put.Data, "job_title", "value"));
    }

    [Fact]
    public async Task Empty_list_on_patch_changes_nothing()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var id = await client.CreateId("people", new() { ["job_title"] = "CTO", ["email_addresses"] = new JsonArray("a@x.com") });

        var patched = await client.Patch($"v2/objects/people/records/{id}",
            ApiClient.Values(new() { ["job_title"] = new JsonArray(), ["email_addresses"] = new JsonArray() }));

        Assert.Equal(200, patched.Status);
        Assert.Equal(["CTO"], Fields(patched.Data, "job_title", "value"));
        Assert.Equal(["a@x.com"], Fields(patched.Data, "email_addresses", "email_address"));
    }

    [Fact]
    public async Task Empty_list_on_put_and_assert_clears()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var id = await client.CreateId("people", new() { ["job_title"] = "CTO", ["email_addresses"] = new JsonArray("a@x.com") });

        var put = await client.Put($"v2/objects/people/records/{id}",
            ApiClient.Values(new() { ["job_title"] = new JsonArray(), ["email_addresses"] = new JsonArray() }));
        await client.CreateId("people", new() { ["email_addresses"] = new JsonArray("b@x.com"), ["job_title"] = "CEO", ["description"] = "d" });
        var asserted = await client.Assert("people", "email_addresses",
            new() { ["email_addresses"] = new JsonArray("b@x.com"), ["job_title"] = new JsonArray(), ["description"] = null });

        Assert.Equal(200, put.Status);
        Assert.Empty(ValuesOf(put.Data, "job_title"));
        Assert.Empty(ValuesOf(put.Data, "email_addresses"));
        Assert.Equal(200, asserted.Status);
        Assert.Empty(ValuesOf(asserted.Data, "job_title"));
        Assert.Empty(ValuesOf(asserted.Data, "description"));
    }

    [Theory]
    [InlineData("PATCH")]
    [InlineData("PUT")]
    public async Task Null_clears_a_single_value_attribute(string verb)
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var id = await client.CreateId("people", new() { ["job_title"] = "CTO", ["description"] = "d" });

        var response = await client.Send(new HttpMethod(verb), $"v2/objects/people/records/{id}", ApiClient.Values(new() { ["job_title"] = null }));

        Assert.Equal(200, response.Status);
        Assert.Empty(ValuesOf(response.Data, "job_title"));
        Assert.Equal(["d"], Fields(emulator.Store.Record(Guid.Parse(id))!, "description", "value"));
    }

    [Fact]
    public async Task Null_on_create_stores_no_value()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await client.Create("people", new() { ["job_title"] = null, ["description"] = "d" });

        Assert.Equal(200, response.Status);
        Assert.Empty(ValuesOf(response.Data, "job_title"));
    }

    [Fact]
    public async Task Null_for_a_multiselect_attribute_is_rejected()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var id = await client.CreateId("people", new() { ["email_addresses"] = new JsonArray("a@x.com") });

        var response = await client.Patch($"v2/objects/people/records/{id}", ApiClient.Values(new() { ["email_addresses"] = null }));

        Assert.Equal((400, "validation_type"), (response.Status, response.Code));
        Assert.Equal("An invalid value was passed to attribute with slug \"email_addresses\".", response.Message);
        Assert.Equal(["a@x.com"], Fields(emulator.Store.Record(Guid.Parse(id))!, "email_addresses", "email_address"));
    }

    [Fact]
    public async Task Bare_value_is_accepted_for_single_value_and_rejected_for_multiselect()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var single = await client.Create("people", new() { ["job_title"] = "CTO" });
        var multi = await client.Create("people", new() { ["email_addresses"] = "a@x.com" });

        Assert.Equal(200, single.Status);
        Assert.Equal((400, "validation_type"), (multi.Status, multi.Code));
        Assert.Equal("An invalid value was passed to attribute with slug \"email_addresses\".", multi.Message);
        Assert.Equal("array", (string?)multi.Json["validation_errors"]![0]!["expected"]);
    }

    [Fact]
    public async Task Two_values_for_a_single_value_attribute_are_rejected()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await client.Create("people", new() { ["job_title"] = new JsonArray("CTO", "CEO") });

        Assert.Equal((400, "validation_type"), (response.Status, response.Code));
    }

    [Fact]
    public async Task Read_only_attributes_are_rejected_as_immutable()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await client.Create("people", new() { ["avatar_url"] = "https://x.com/a.png" });

        Assert.Equal(400, response.Status);
        Assert.Equal(
            """{"status_code":400,"type":"invalid_request_error","code":"immutable_value","message":"Cannot write to attribute with slug \"avatar_url\" because it is not writable."}""",
            response.Text);
    }

    [Fact]
    public async Task Interaction_writes_are_rejected()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await client.Create("people", new() { ["last_interaction"] = new JsonObject { ["interaction_type"] = "email" } });

        Assert.Equal((400, "validation_type"), (response.Status, response.Code));
    }

    [Fact]
    public async Task Required_attributes_must_be_given_on_create()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await client.Create("users", new() { ["user_id"] = "u1" });

        Assert.Equal(400, response.Status);
        Assert.Equal(
            """{"status_code":400,"type":"invalid_request_error","code":"missing_value","message":"Required value for attribute with ID \"5f4e1c1e-3b7a-4b0e-9b7a-2f1d0e6c9a11\" was not provided."}"""
                .Replace("5f4e1c1e-3b7a-4b0e-9b7a-2f1d0e6c9a11", await AttributeId(client, "users", "primary_email_address"), StringComparison.Ordinal),
            response.Text);
        Assert.Equal(0, emulator.Store.Count("users"));
    }

    [Fact]
    public async Task Clearing_a_required_attribute_is_missing_value()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var id = await client.CreateId("users", new() { ["user_id"] = "u1", ["primary_email_address"] = "u1@x.com" });

        var patched = await client.Patch($"v2/objects/users/records/{id}", ApiClient.Values(new() { ["user_id"] = null }));
        var put = await client.Put($"v2/objects/users/records/{id}", ApiClient.Values(new() { ["user_id"] = new JsonArray() }));

        Assert.Equal((400, "missing_value"), (patched.Status, patched.Code));
        Assert.Equal((400, "missing_value"), (put.Status, put.Code));
    }

    private const string EmailConflict =
        "A value provided for attribute with slug \"email_addresses\" conflicts with one already in the system. This attribute has a uniqueness constraint. Please ensure all values for this attribute do not exist on another record.";

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    [InlineData("PUT")]
    public async Task Unique_conflicts_are_rejected_and_store_nothing(string verb)
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        await client.CreateId("people", new() { ["email_addresses"] = new JsonArray("taken@x.com") });
        var other = await client.CreateId("people", new() { ["email_addresses"] = new JsonArray("mine@x.com"), ["job_title"] = "CTO" });
        var values = new JsonObject { ["email_addresses"] = new JsonArray("TAKEN@x.com"), ["job_title"] = "CEO" };

        var response = verb switch
        {
            "POST" => await client.Create("people", values),
            "PATCH" => await client.Patch($"v2/objects/people/records/{other}", ApiClient.Values(values)),
            _ => await client.Put($"v2/objects/people/records/{other}", ApiClient.Values(values)),
        };

        Assert.Equal((400, "uniqueness_conflict", EmailConflict), (response.Status, response.Code, response.Message));
        Assert.Equal(2, emulator.Store.Count("people"));
        Assert.Equal("CTO", Field(emulator.Store.Record(Guid.Parse(other))!, "job_title", "value"));
        Assert.Equal(["mine@x.com"], Fields(emulator.Store.Record(Guid.Parse(other))!, "email_addresses", "email_address"));
    }

    [Fact]
    public async Task Assert_conflicting_on_another_unique_attribute_is_rejected()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        await client.Assert("users", "user_id", new() { ["user_id"] = "u1", ["primary_email_address"] = "z@x.com" });

        var response = await client.Assert("users", "user_id", new() { ["user_id"] = "u2", ["primary_email_address"] = "Z@x.com" });

        Assert.Equal((400, "uniqueness_conflict"), (response.Status, response.Code));
        Assert.Equal(1, emulator.Store.Count("users"));
    }

    [Fact]
    public async Task Unknown_value_key_is_rejected()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await client.Create("people", new() { ["shoe_size"] = 42 });

        Assert.Equal((400, "value_not_found"), (response.Status, response.Code));
        Assert.Equal("Cannot find attribute with slug/ID \"shoe_size\".", response.Message);
    }

    [Fact]
    public async Task Value_keys_may_be_attribute_ids_and_responses_use_slugs()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var jobTitle = await AttributeId(client, "people", "job_title");

        var response = await client.Create("people", new() { [jobTitle] = "CTO" });

        Assert.Equal("CTO", Field(response.Data, "job_title", "value"));
    }

    [Fact]
    public async Task Missing_data_values_gets_Attios_captured_body()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await client.Post("v2/objects/people/records", new JsonObject { ["data"] = new JsonObject() });

        Assert.Equal(400, response.Status);
        Assert.Equal(
            """{"status_code":400,"type":"invalid_request_error","code":"validation_type","message":"Body payload validation error.","validation_errors":[{"code":"invalid_type","path":["data","values"],"message":"Required","expected":"object","received":"undefined"}]}""",
            response.Text);
    }

    [Fact]
    public async Task Put_and_patch_reject_extra_keys_in_data()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var id = await client.CreateId("people", new() { ["job_title"] = "CTO" });
        var body = ApiClient.Values(new() { ["job_title"] = "CEO" });
        body["data"]!["id"] = id;

        var response = await client.Patch($"v2/objects/people/records/{id}", body);

        Assert.Equal((400, "validation_type"), (response.Status, response.Code));
        Assert.Equal("unrecognized_keys", (string?)response.Json["validation_errors"]![0]!["code"]);
    }

    [Fact]
    public async Task Delete_removes_the_record()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var id = await client.CreateId("people", new() { ["job_title"] = "CTO" });

        var deleted = await client.Delete($"v2/objects/people/records/{id}");
        var again = await client.Delete($"v2/objects/people/records/{id}");

        Assert.Equal((200, "{}"), (deleted.Status, deleted.Text));
        Assert.Equal(404, again.Status);
        Assert.Equal(0, emulator.Store.Count("people"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_validation_error()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/objects/people/records")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
        };

        var response = await client.SendRaw(request);

        Assert.Equal((400, "validation_type", "Body payload validation error."), (response.Status, response.Code, response.Message));
    }

    [Fact]
    public async Task Create_answers_200_not_201()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        Assert.Equal(200, (await client.Create("people", new() { ["job_title"] = "CTO" })).Status);
    }

    private static async Task<string> AttributeId(ApiClient client, string obj, string slug) =>
        (string)(await client.Get($"v2/objects/{obj}/attributes/{slug}")).Data["id"]!["attribute_id"]!;
}
