using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;
using static Attio.Emulator.Tests.Infrastructure.RecordJson;

namespace Attio.Emulator.Tests.Records;

public sealed class RecordReferenceTests : IAsyncLifetime
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

    [Fact]
    public async Task Reference_by_target_record_id()
    {
        var company = await _client.CreateId("companies", new() { ["domains"] = new JsonArray("acme.com") });

        var person = await _client.Create("people", new()
        {
            ["company"] = new JsonObject { ["target_object"] = "companies", ["target_record_id"] = company },
        });

        var value = ValuesOf(person.Data, "company").Single()!;
        Assert.Equal(("companies", company), ((string?)value["target_object"], (string?)value["target_record_id"]));
        Assert.Equal("record-reference", (string?)value["attribute_type"]);
    }

    [Fact]
    public async Task Reference_by_a_unique_matching_attribute()
    {
        var company = await _client.CreateId("companies", new() { ["domains"] = new JsonArray("acme.com") });

        var person = await _client.Create("people", new()
        {
            ["company"] = new JsonArray(new JsonObject
            {
                ["target_object"] = "companies",
                ["domains"] = new JsonArray(new JsonObject { ["domain"] = "https://ACME.com/about" }),
            }),
        });

        Assert.Equal(company, Field(person.Data, "company", "target_record_id"));
    }

    [Fact]
    public async Task String_shorthand_is_a_domain_when_only_companies_are_allowed()
    {
        var company = await _client.CreateId("companies", new() { ["domains"] = new JsonArray("acme.com") });

        var person = await _client.Create("people", new() { ["company"] = "acme.com" });

        Assert.Equal(company, Field(person.Data, "company", "target_record_id"));
    }

    [Fact]
    public async Task String_shorthand_is_an_email_when_only_people_are_allowed()
    {
        var person = await _client.CreateId("people", new() { ["email_addresses"] = new JsonArray("ann@acme.com") });

        var user = await _client.Create("users", new() { ["user_id"] = "u1", ["primary_email_address"] = "ann@acme.com", ["person"] = "Ann@acme.com" });

        Assert.Equal(person, Field(user.Data, "person", "target_record_id"));
    }

    [Fact]
    public async Task A_bare_uuid_string_is_not_a_record_id()
    {
        var company = await _client.CreateId("companies", new() { ["domains"] = new JsonArray("acme.com") });

        var response = await _client.Create("people", new() { ["company"] = company });

        Assert.Equal((400, "validation_type"), (response.Status, response.Code));
    }

    [Fact]
    public async Task String_shorthand_is_rejected_for_other_objects()
    {
        // No attribute of the repository's schema allows two objects, so a variant gives subscriptions.workspace two.
        using var variant = SchemaVariant.Create(schema =>
        {
            var objects = schema["objects"]!.AsArray().OfType<JsonObject>().ToList();
            var ids = objects.Where(o => (string?)o["api_slug"] is "users" or "workspaces").Select(o => (string)o["id"]!["object_id"]!).ToArray();
            SchemaVariant.Attribute(schema, "subscriptions", "workspace")["config"]!["record_reference"]!["allowed_object_ids"] =
                new JsonArray([.. ids.Select(i => (JsonNode?)JsonValue.Create(i))]);
        });
        await using var emulator = await AttioEmulator.StartAsync(variant.Path, new AttioEmulatorOptions { EnforceRateLimits = false });
        using var client = new ApiClient(emulator);

        var response = await client.Create("subscriptions", new() { ["subscription_id"] = "s1", ["workspace"] = "w1" });

        Assert.Equal((400, "validation_type"), (response.Status, response.Code));
    }

    [Fact]
    public async Task String_shorthand_reads_user_id_for_users_and_workspace_id_for_workspaces()
    {
        var user = await _client.CreateId("users", new() { ["user_id"] = "u-7", ["primary_email_address"] = "u7@x.com" });
        var workspace = await _client.CreateId("workspaces", new() { ["workspace_id"] = "w-7" });

        var response = await _client.Create("subscriptions", new()
        {
            ["subscription_id"] = "s-7",
            ["billing_users"] = new JsonArray("u-7"),
            ["workspace"] = "w-7",
        });

        Assert.Equal(200, response.Status);
        Assert.Equal([user], Fields(response.Data, "billing_users", "target_record_id"));
        Assert.Equal([workspace], Fields(response.Data, "workspace", "target_record_id"));
    }

    [Fact]
    public async Task Unknown_target_object_is_value_not_found_with_the_spec_message()
    {
        var response = await _client.Create("people", new()
        {
            ["company"] = new JsonObject { ["target_object"] = "foobar", ["target_record_id"] = Guid.NewGuid().ToString() },
        });

        Assert.Equal((400, "value_not_found", "Object with slug/ID \"foobar\" not found."), (response.Status, response.Code, response.Message));
    }

    [Fact]
    public async Task Missing_target_is_value_not_found_and_nothing_is_created()
    {
        var response = await _client.Create("people", new()
        {
            ["company"] = new JsonObject { ["target_object"] = "companies", ["target_record_id"] = Guid.NewGuid().ToString() },
        });
        var byDomain = await _client.Create("people", new() { ["company"] = "nowhere.com" });

        Assert.Equal((400, "value_not_found"), (response.Status, response.Code));
        Assert.Equal("Cannot find record for reference on attribute \"company\".", response.Message);
        Assert.Equal("value_not_found", byDomain.Code);
        Assert.Equal(0, _emulator.Store.Count("people"));
        Assert.Equal(0, _emulator.Store.Count("companies"));
    }

    [Fact]
    public async Task Target_object_must_be_allowed()
    {
        var person = await _client.CreateId("people", new() { ["email_addresses"] = new JsonArray("ann@acme.com") });

        var response = await _client.Create("people", new()
        {
            ["company"] = new JsonObject { ["target_object"] = "people", ["target_record_id"] = person },
        });

        Assert.Equal((400, "validation_type"), (response.Status, response.Code));
    }

    [Fact]
    public async Task Matching_attribute_in_a_reference_must_be_unique()
    {
        await _client.CreateId("companies", new() { ["domains"] = new JsonArray("acme.com"), ["name"] = "Acme" });

        var response = await _client.Create("people", new()
        {
            ["company"] = new JsonObject { ["target_object"] = "companies", ["name"] = new JsonArray("Acme") },
        });

        Assert.Equal((400, "validation_type"), (response.Status, response.Code));
    }

    [Fact]
    public async Task Writing_one_side_updates_the_inverse_and_moves_it_from_the_previous_target()
    {
        var p1 = await _client.CreateId("people", new() { ["email_addresses"] = new JsonArray("p1@x.com") });
        var p2 = await _client.CreateId("people", new() { ["email_addresses"] = new JsonArray("p2@x.com") });
        var user = await _client.CreateId("users", new() { ["user_id"] = "u1", ["primary_email_address"] = "u1@x.com", ["person"] = Ref("people", p1) });

        Assert.Equal([user], Fields(await Get("people", p1), "associated_users", "target_record_id"));

        await _client.Patch($"v2/objects/users/records/{user}", ApiClient.Values(new() { ["person"] = Ref("people", p2) }));

        Assert.Empty(ValuesOf(await Get("people", p1), "associated_users"));
        Assert.Equal([user], Fields(await Get("people", p2), "associated_users", "target_record_id"));
        Assert.Equal("users", Field(await Get("people", p2), "associated_users", "target_object"));
    }

    [Fact]
    public async Task Writing_the_multiselect_side_sets_the_single_inverse_and_unlinks_its_old_partner()
    {
        var p1 = await _client.CreateId("people", new() { ["email_addresses"] = new JsonArray("p1@x.com") });
        var p2 = await _client.CreateId("people", new() { ["email_addresses"] = new JsonArray("p2@x.com") });
        var user = await _client.CreateId("users", new() { ["user_id"] = "u1", ["primary_email_address"] = "u1@x.com", ["person"] = Ref("people", p1) });

        await _client.Patch($"v2/objects/people/records/{p2}", ApiClient.Values(new() { ["associated_users"] = new JsonArray(Ref("users", user)) }));

        Assert.Equal([p2], Fields(await Get("users", user), "person", "target_record_id"));
        Assert.Empty(ValuesOf(await Get("people", p1), "associated_users"));
    }

    [Fact]
    public async Task Workspaces_users_and_users_workspace_stay_in_step()
    {
        var u1 = await _client.CreateId("users", new() { ["user_id"] = "u1", ["primary_email_address"] = "u1@x.com" });
        var u2 = await _client.CreateId("users", new() { ["user_id"] = "u2", ["primary_email_address"] = "u2@x.com" });
        var workspace = await _client.CreateId("workspaces", new() { ["workspace_id"] = "w1", ["users"] = new JsonArray(Ref("users", u1), Ref("users", u2)) });

        Assert.Equal([workspace], Fields(await Get("users", u1), "workspace", "target_record_id"));

        await _client.Put($"v2/objects/workspaces/records/{workspace}", ApiClient.Values(new() { ["users"] = new JsonArray(Ref("users", u2)) }));

        Assert.Empty(ValuesOf(await Get("users", u1), "workspace"));
        Assert.Equal([workspace], Fields(await Get("users", u2), "workspace", "target_record_id"));
    }

    [Fact]
    public async Task Deleting_a_record_removes_references_to_it()
    {
        var person = await _client.CreateId("people", new() { ["email_addresses"] = new JsonArray("p@x.com") });
        var user = await _client.CreateId("users", new() { ["user_id"] = "u1", ["primary_email_address"] = "u1@x.com", ["person"] = Ref("people", person) });

        await _client.Delete($"v2/objects/users/records/{user}");

        Assert.Empty(ValuesOf(await Get("people", person), "associated_users"));
    }

    private static JsonObject Ref(string obj, string id) => new() { ["target_object"] = obj, ["target_record_id"] = id };

    private async Task<JsonNode> Get(string obj, string id) => (await _client.Get($"v2/objects/{obj}/records/{id}")).Data;
}
