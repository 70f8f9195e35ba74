using System.Text.Json.Nodes;
using Attio.Cli.Tests.Infrastructure;

namespace Attio.Cli.Tests;

public sealed class CheckTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private LocalAttio Emulator => fixture.Emulator;

    [Fact]
    public async Task A_file_in_sync_with_the_workspace_exits_0()
    {
        var result = await Tool.RunAsync(Emulator.Environment, "schema", "check", "--schema", Schemas.RepositorySchemaPath);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("No changes", result.Stdout);
    }

    [Fact]
    public async Task An_attribute_the_workspace_lacks_is_breaking()
    {
        // The file (and so the generated code) has an attribute the live workspace no longer has.
        using var dir = new TempDirectory();
        string file = Schemas.WriteEdited(dir.File("attio-schema.json"),
            root => Schemas.Attributes(root, "people").Add(Schemas.CloneAttribute(root, "people", "job_title", "nickname")));

        var result = await Tool.RunAsync(Emulator.Environment, "schema", "check", "--schema", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("! people.nickname", result.Stdout);
        Assert.Contains("attribute removed", result.Stdout);
        Assert.Contains("attio schema pull --out", result.Stdout);
    }

    [Fact]
    public async Task An_attribute_only_the_workspace_has_is_harmless()
    {
        using var dir = new TempDirectory();
        string file = Schemas.WriteEdited(dir.File("attio-schema.json"),
            root => Schemas.Attributes(root, "people").Remove(Schemas.Attribute(root, "people", "job_title")));

        var result = await Tool.RunAsync(Emulator.Environment, "schema", "check", "--schema", file, "--json");

        Assert.Equal(1, result.ExitCode);
        var change = Assert.Single(JsonNode.Parse(result.Stdout)!["changes"]!.AsArray());
        Assert.Equal("attribute_added", (string?)change!["kind"]);
        Assert.Equal("people.job_title", (string?)change["path"]);
    }

    [Fact]
    public async Task An_option_the_workspace_lacks_is_breaking()
    {
        using var dir = new TempDirectory();
        string file = Schemas.WriteEdited(dir.File("attio-schema.json"),
            root => Schemas.Attribute(root, "subscriptions", "plan")["options"]!.AsArray().Add(
                new JsonObject { ["id"] = new JsonObject { ["option_id"] = Guid.NewGuid().ToString() }, ["title"] = "Legacy", ["is_archived"] = false }));

        var result = await Tool.RunAsync(Emulator.Environment, "schema", "check", "--schema", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("subscriptions.plan[Legacy]", result.Stdout);
        Assert.Contains("option removed", result.Stdout);
    }

    [Fact]
    public async Task A_missing_schema_file_fails_before_any_request()
    {
        Emulator.Server.ClearJournal();

        var result = await Tool.RunAsync(Emulator.Environment, "schema", "check", "--schema", "/nonexistent/attio-schema.json");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Cannot read the schema file", result.Stderr);
        Assert.Empty(Emulator.Server.Journal);
    }
}
