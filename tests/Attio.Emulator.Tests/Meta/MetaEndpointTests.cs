using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;

namespace Attio.Emulator.Tests.Meta;

public sealed class MetaEndpointTests : IAsyncLifetime
{
    private AttioEmulator _emulator = null!;
    private ApiClient _client = null!;
    private JsonObject _schema = null!;

    public async Task InitializeAsync()
    {
        _emulator = await Emulators.Start();
        _client = new ApiClient(_emulator);
        _schema = (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(RepoPaths.SchemaFile))!;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Self_returns_the_workspace_of_the_schema_file()
    {
        var response = await _client.Get("v2/self");

        Assert.Equal(_schema["workspace"]!.ToJsonString(), response.Json.ToJsonString());
    }

    [Fact]
    public async Task Objects_list_has_every_object_without_attributes()
    {
        var response = await _client.Get("v2/objects");

        var objects = response.Data.AsArray();
        Assert.Equal(SchemaObjects().Select(o => (string?)o["api_slug"]), objects.Select(o => (string?)o!["api_slug"]));
        Assert.All(objects, o => Assert.False(((JsonObject)o!).ContainsKey("attributes")));
    }

    [Theory]
    [InlineData("people")]
    [InlineData("37dc1fd4-606f-488c-86b1-af0e6b65db12")]
    public async Task Object_by_slug_or_id(string identifier)
    {
        var response = await _client.Get($"v2/objects/{identifier}");

        Assert.Equal("people", (string?)response.Data["api_slug"]);
    }

    [Fact]
    public async Task Unknown_object_is_404_with_Attios_message()
    {
        var response = await _client.Get("v2/objects/tickets");

        Assert.Equal(
            """{"status_code":404,"type":"invalid_request_error","code":"not_found","message":"Object with slug/ID \"tickets\" not found."}""",
            response.Text);
    }

    [Fact]
    public async Task Attributes_list_has_no_options_or_statuses_inside()
    {
        var response = await _client.Get("v2/objects/subscriptions/attributes");

        var attributes = response.Data.AsArray();
        Assert.Equal(SchemaAttributes("subscriptions").Count, attributes.Count);
        Assert.All(attributes, a =>
        {
            Assert.False(((JsonObject)a!).ContainsKey("options"));
            Assert.False(((JsonObject)a!).ContainsKey("statuses"));
            Assert.NotNull(a["config"]!["currency"]);
            Assert.NotNull(a["config"]!["record_reference"]);
        });
    }

    [Fact]
    public async Task Attributes_list_pages_with_limit_and_offset()
    {
        var all = (await _client.Get("v2/objects/people/attributes")).Data.AsArray().Select(a => (string?)a!["api_slug"]).ToList();
        var page = (await _client.Get("v2/objects/people/attributes?limit=5&offset=3")).Data.AsArray().Select(a => (string?)a!["api_slug"]).ToList();

        Assert.Equal(all.Skip(3).Take(5), page);
        Assert.Equal("validation_type", (await _client.Get("v2/objects/people/attributes?limit=0")).Code);
    }

    [Fact]
    public async Task Attribute_by_slug_or_id_and_404_for_unknown()
    {
        var bySlug = await _client.Get("v2/objects/people/attributes/email_addresses");
        var byId = await _client.Get($"v2/objects/people/attributes/{(string)bySlug.Data["id"]!["attribute_id"]!}");
        var missing = await _client.Get("v2/objects/people/attributes/my-attribute");

        Assert.Equal(bySlug.Text, byId.Text);
        Assert.Equal(
            """{"status_code":404,"type":"invalid_request_error","code":"not_found","message":"Attribute with slug/ID \"my-attribute\" not found."}""",
            missing.Text);
    }

    [Fact]
    public async Task Options_and_statuses_come_from_their_own_endpoints()
    {
        var options = await _client.Get("v2/objects/subscriptions/attributes/plan/options");
        var statuses = await _client.Get("v2/objects/subscriptions/attributes/stage/statuses");

        var plan = SchemaAttributes("subscriptions").Single(a => (string?)a["api_slug"] == "plan");
        var stage = SchemaAttributes("subscriptions").Single(a => (string?)a["api_slug"] == "stage");
        Assert.Equal(plan["options"]!.ToJsonString(), options.Data.ToJsonString());
        Assert.Equal(stage["statuses"]!.ToJsonString(), statuses.Data.ToJsonString());
        Assert.Equal("validation_type", (await _client.Get("v2/objects/subscriptions/attributes/plan/statuses")).Code);
    }

    [Fact]
    public async Task Lists_are_not_in_the_schema_file()
    {
        var response = await _client.Get("v2/lists/sales/attributes");

        Assert.Equal((404, "List with slug/ID \"sales\" not found."), (response.Status, response.Message));
    }

    [Fact]
    public async Task Workspace_members_come_from_the_schema_file()
    {
        var list = await _client.Get("v2/workspace_members");
        var one = await _client.Get("v2/workspace_members/64097149-9481-51bb-817e-130cb37ad55c");
        var missing = await _client.Get($"v2/workspace_members/{Guid.Empty}");

        Assert.Equal(_schema["workspace_members"]!.ToJsonString(), list.Data.ToJsonString());
        Assert.Equal("alice@northwind.example", (string?)one.Data["email_address"]);
        Assert.Equal((404, $"Workspace member with ID \"{Guid.Empty}\" not found."), (missing.Status, missing.Message));
    }

    private List<JsonObject> SchemaObjects() => _schema["objects"]!.AsArray().OfType<JsonObject>().ToList();

    private List<JsonObject> SchemaAttributes(string obj) =>
        SchemaObjects().Single(o => (string?)o["api_slug"] == obj)["attributes"]!.AsArray().OfType<JsonObject>().ToList();
}
