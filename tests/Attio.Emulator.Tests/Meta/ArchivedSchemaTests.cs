using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;
using static Attio.Emulator.Tests.Infrastructure.RecordJson;

namespace Attio.Emulator.Tests.Meta;

public sealed class ArchivedSchemaTests : IAsyncLifetime
{
    private SchemaVariant _schema = null!;
    private AttioEmulator _emulator = null!;
    private ApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _schema = SchemaVariant.Create(schema =>
        {
            SchemaVariant.Attribute(schema, "people", "angellist")["is_archived"] = true;
            var plan = SchemaVariant.Attribute(schema, "subscriptions", "plan");
            plan["options"]!.AsArray().OfType<JsonObject>().Single(o => (string?)o["title"] == "Free")["is_archived"] = true;
            var stage = SchemaVariant.Attribute(schema, "subscriptions", "stage");
            stage["statuses"]!.AsArray().OfType<JsonObject>().Single(o => (string?)o["title"] == "Trial")["is_archived"] = true;
            schema["objects"]!.AsArray().Remove(schema["objects"]!.AsArray().Single(o => (string?)o!["api_slug"] == "deals"));
        });
        _emulator = await AttioEmulator.StartAsync(_schema.Path, new AttioEmulatorOptions { EnforceRateLimits = false });
        _client = new ApiClient(_emulator);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
        _schema.Dispose();
    }

    [Fact]
    public async Task Archived_attributes_are_listed_only_with_show_archived()
    {
        var shown = await _client.Get("v2/objects/people/attributes?show_archived=true");
        var hidden = await _client.Get("v2/objects/people/attributes");

        Assert.Contains(shown.Data.AsArray(), a => (string?)a!["api_slug"] == "angellist");
        Assert.DoesNotContain(hidden.Data.AsArray(), a => (string?)a!["api_slug"] == "angellist");
    }

    [Fact]
    public async Task Archived_attributes_are_not_in_records_and_cannot_be_written()
    {
        var created = await _client.Create("people", new() { ["job_title"] = "CTO" });
        var written = await _client.Create("people", new() { ["angellist"] = "x" });

        Assert.False(((JsonObject)created.Data["values"]!).ContainsKey("angellist"));
        Assert.Equal("value_not_found", written.Code);
    }

    [Fact]
    public async Task Archived_options_and_statuses_count_as_missing()
    {
        var option = await _client.Create("subscriptions", new() { ["subscription_id"] = "s1", ["plan"] = "Free" });
        var status = await _client.Create("subscriptions", new() { ["subscription_id"] = "s2", ["stage"] = "Trial" });
        var live = await _client.Create("subscriptions", new() { ["subscription_id"] = "s3", ["plan"] = "Starter", ["stage"] = "Active" });

        Assert.Equal("Cannot find select attribute with select option title \"Free\".", option.Message);
        Assert.Equal("Cannot find status attribute with status option title \"Trial\".", status.Message);
        Assert.Equal("Starter", (string?)ValuesOf(live.Data, "plan")[0]!["option"]!["title"]);
    }

    [Fact]
    public async Task Archived_options_are_listed_only_with_show_archived()
    {
        var hidden = await _client.Get("v2/objects/subscriptions/attributes/plan/options");
        var shown = await _client.Get("v2/objects/subscriptions/attributes/plan/options?show_archived=true");

        Assert.Equal(3, hidden.Data.AsArray().Count);
        Assert.Equal(4, shown.Data.AsArray().Count);
    }

    [Fact]
    public async Task Objects_missing_from_the_schema_file_do_not_exist()
    {
        Assert.Equal(404, (await _client.Get("v2/objects/deals")).Status);
        Assert.Equal(404, (await _client.Create("deals", new() { ["name"] = "Big" })).Status);
    }
}
