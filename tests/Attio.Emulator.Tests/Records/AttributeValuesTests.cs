using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;

namespace Attio.Emulator.Tests.Records;

public sealed class AttributeValuesTests
{
    [Fact]
    public async Task Values_endpoint_lists_the_active_values_of_one_attribute()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var id = await client.CreateId("people", new() { ["email_addresses"] = new JsonArray("a@x.com", "b@x.com") });

        var response = await client.Get($"v2/objects/people/records/{id}/attributes/email_addresses/values");
        var missing = await client.Get($"v2/objects/people/records/{id}/attributes/nope/values");

        Assert.Equal(["a@x.com", "b@x.com"], response.Data.AsArray().Select(v => (string?)v!["email_address"]));
        Assert.Equal((404, "Attribute with slug/ID \"nope\" not found."), (missing.Status, missing.Message));
    }

    [Fact]
    public async Task Required_status_and_actor_attributes_of_deals()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var missingOwner = await client.Create("deals", new() { ["name"] = "Big", ["stage"] = await FirstStatus(client) });
        var complete = await client.Create("deals", new() { ["name"] = "Big", ["stage"] = await FirstStatus(client), ["owner"] = "bob@northwind.example" });

        Assert.Equal("missing_value", missingOwner.Code);
        Assert.Equal(200, complete.Status);
    }

    private static async Task<string> FirstStatus(ApiClient client) =>
        (string)(await client.Get("v2/objects/deals/attributes/stage/statuses")).Data[0]!["title"]!;
}
