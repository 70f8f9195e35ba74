using System.Text.Json.Nodes;
using Attio.Cli.Tests.Infrastructure;

namespace Attio.Cli.Tests;

/// <summary>
/// A token without user_management:read gets 403 on GET /v2/workspace_members (the emulator checks scopes as the
/// OpenAPI lists them). Everything the generator needs is still readable, so pull and check carry on and say so.
/// </summary>
public sealed class NarrowTokenTests : IAsyncLifetime
{
    private LocalAttio _emulator = null!;

    public async Task InitializeAsync() => _emulator = await LocalAttio.StartAsync(scopes: ["object_configuration:read"]);

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Pull_without_user_management_read_writes_objects_and_attributes_warns_and_exits_6()
    {
        using var dir = new TempDirectory();
        string target = dir.File("attio-schema.json");

        var result = await Tool.RunAsync(_emulator.Environment, "schema", "pull", "--out", target);

        Assert.True(result.ExitCode == 6, result.ToString());
        Assert.Equal(6, ExitCodes.IncompleteSchema);
        var pulled = JsonNode.Parse(File.ReadAllText(target))!.AsObject();
        Assert.True(JsonNode.DeepEquals(Schemas.Load()["objects"], pulled["objects"]), "objects and attributes differ from the workspace's");
        // Left out rather than written as an empty list: the pull does not know that there are none.
        Assert.False(pulled.ContainsKey("workspace_members"));
        Assert.StartsWith("Wrote ", result.Stdout);
        Assert.Contains("workspace members not exported", result.Stdout);
        string warning = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("warning: the schema was written without workspace members: Attio refused GET /v2/workspace_members (403 forbidden).", warning);
        Assert.Contains("needs the scope user_management:read, which this token lacks", warning);
        Assert.Contains("Exit code 6.", warning);
        Assert.Matches(@"execution id [0-9a-f-]{36}\)\.$", warning);
        Assert.DoesNotContain(_emulator.Token, result.AllOutput);
    }

    [Fact]
    public async Task Pull_to_stdout_without_user_management_read_prints_the_document_and_exits_6()
    {
        var result = await Tool.RunAsync(_emulator.Environment, "schema", "pull", "--out", "-");

        Assert.Equal(6, result.ExitCode);
        var pulled = JsonNode.Parse(result.Stdout)!.AsObject();
        Assert.Equal(Schemas.Load()["objects"]!.AsArray().Count, pulled["objects"]!.AsArray().Count);
        Assert.Contains("user_management:read", result.Stderr);
    }

    [Fact]
    public async Task Check_without_user_management_read_compares_objects_and_attributes_and_says_members_were_not_compared()
    {
        var result = await Tool.RunAsync(_emulator.Environment, "schema", "check", "--schema", Schemas.RepositorySchemaPath);

        // The repository file lists members; the live side could not: that is no change, and the rest is in sync.
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("No changes", result.Stdout);
        Assert.StartsWith("warning: workspace members were not compared: Attio refused GET /v2/workspace_members (403 forbidden).", result.Stderr);
    }

    [Fact]
    public async Task Check_without_user_management_read_still_reports_a_breaking_change()
    {
        using var dir = new TempDirectory();
        string edited = Schemas.WriteEdited(dir.File("s.json"), root => Schemas.Attributes(root, "people").Add(Schemas.CloneAttribute(root, "people", "job_title", "gone_in_attio")));

        var result = await Tool.RunAsync(_emulator.Environment, "schema", "check", "--schema", edited);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("people.gone_in_attio", result.Stdout);
    }

    [Fact]
    public async Task Any_other_refusal_of_the_members_list_is_still_an_error()
    {
        await using var emulator = await LocalAttio.StartAsync();
        emulator.Server.Faults.Enqueue("GET /v2/workspace_members", Attio.Emulator.FaultKind.Status500, count: 5);

        var result = await Tool.RunAsync(emulator.Environment, "schema", "pull", "-o", "-");

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("error: Attio returned 500", result.Stderr);
    }
}
