using System.Text.Json.Nodes;
using Attio.Cli.Tests.Infrastructure;

namespace Attio.Cli.Tests;

public sealed class PullTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private LocalAttio Emulator => fixture.Emulator;

    [Fact]
    public async Task Pull_writes_the_workspace_the_emulator_serves()
    {
        using var dir = new TempDirectory();
        var result = await Tool.RunAsync(Emulator.Environment, "schema", "pull", "--out", dir.File("attio-schema.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        string pulled = File.ReadAllText(dir.File("attio-schema.json"));
        // Objects, attributes, options, statuses, members and the workspace, compared as JSON values.
        Assert.True(JsonNode.DeepEquals(Schemas.WithoutExportedAt(Schemas.RepositorySchemaText), Schemas.WithoutExportedAt(pulled)),
            "the pulled file differs from the schema the emulator serves");
        Assert.Equal("2026-01-31T09:30:00.000000000Z", (string?)JsonNode.Parse(pulled)!["exported_at"]);
        Assert.Contains("Wrote", result.Stdout);
        var repository = JsonNode.Parse(Schemas.RepositorySchemaText)!;
        int objects = repository["objects"]!.AsArray().Count;
        int attributes = repository["objects"]!.AsArray().Sum(o => o!["attributes"]!.AsArray().Count);
        int members = repository["workspace_members"]!.AsArray().Count;
        Assert.Contains($"{objects} objects, {attributes} attributes, {members} workspace members", result.Stdout);
    }

    [Fact]
    public async Task Pull_over_the_repository_file_leaves_it_byte_identical()
    {
        // The example file is itself a pull: same key order, layout, escaping and final newline.
        using var dir = new TempDirectory();
        string target = dir.File("attio-schema.json");
        File.Copy(Schemas.RepositorySchemaPath, target);

        var result = await Tool.RunAsync(Emulator.Environment, "schema", "pull", "--out", target);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(File.ReadAllBytes(Schemas.RepositorySchemaPath), File.ReadAllBytes(target));
        Assert.Contains("is up to date", result.Stdout);
    }

    [Fact]
    public async Task A_second_pull_of_an_unchanged_workspace_is_byte_identical()
    {
        using var dir = new TempDirectory();
        string target = dir.File("schema.json");
        Assert.Equal(0, (await Tool.RunAsync(Emulator.Environment, "schema", "pull", "-o", target)).ExitCode);
        byte[] first = File.ReadAllBytes(target);
        var writtenAt = File.GetLastWriteTimeUtc(target);

        var again = await Tool.RunAsync(Emulator.Environment, "schema", "pull", "-o", target);

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(first, File.ReadAllBytes(target));
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(target));
    }

    [Fact]
    public async Task The_generator_accepts_the_pulled_file_and_generates_the_same_sources()
    {
        using var dir = new TempDirectory();
        string target = dir.File("attio-schema.json");
        Assert.Equal(0, (await Tool.RunAsync(Emulator.Environment, "schema", "pull", "-o", target)).ExitCode);

        var original = Generator.Run(Schemas.RepositorySchemaText);
        var pulled = Generator.Run(File.ReadAllText(target));

        Assert.Empty(pulled.Problems);
        Assert.NotEmpty(pulled.Sources);
        Assert.Equal(original.Sources.Keys.Order(), pulled.Sources.Keys.Order());
        foreach (var (hint, text) in original.Sources)
        {
            Assert.Equal(text, pulled.Sources[hint]);
        }
    }

    [Fact]
    public async Task Exported_at_can_be_given_and_is_written_in_Attios_format()
    {
        using var dir = new TempDirectory();
        var result = await Tool.RunAsync(Emulator.Environment, "schema", "pull", "-o", dir.File("s.json"), "--exported-at", "2025-05-01T12:00:00+02:00");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2025-05-01T10:00:00.000000000Z", (string?)JsonNode.Parse(File.ReadAllText(dir.File("s.json")))!["exported_at"]);
    }

    [Fact]
    public async Task A_changed_workspace_gets_a_new_exported_at()
    {
        using var dir = new TempDirectory();
        string target = dir.File("s.json");
        // An older pull of a workspace that has since gained nothing but lost an attribute.
        Schemas.WriteEdited(target, root =>
        {
            root["exported_at"] = "2020-01-01T00:00:00.000000000Z";
            Schemas.Attributes(root, "deals").RemoveAt(0);
        });

        var result = await Tool.RunAsync(Emulator.Environment, "schema", "pull", "-o", target);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2026-01-31T09:30:00.000000000Z", (string?)JsonNode.Parse(File.ReadAllText(target))!["exported_at"]);
    }

    [Fact]
    public async Task Pull_to_stdout_prints_only_the_document()
    {
        var result = await Tool.RunAsync(Emulator.Environment, "schema", "pull", "--out", "-", "--exported-at", "2026-11-28T09:00:00Z");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Schemas.RepositorySchemaText, result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public async Task Progress_shows_on_a_terminal_and_not_when_redirected()
    {
        using var dir = new TempDirectory();
        var redirected = await Tool.RunAsync(Emulator.Environment, terminal: false, "schema", "pull", "-o", dir.File("a.json"));
        var terminal = await Tool.RunAsync(Emulator.Environment, terminal: true, "schema", "pull", "-o", dir.File("b.json"));

        Assert.Equal(string.Empty, redirected.Stderr);
        Assert.Single(redirected.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Workspace Northwind (northwind)", terminal.Stderr);
        Assert.Contains("6 objects", terminal.Stderr);
        Assert.Contains("[6/6]", terminal.Stderr);
        Assert.Contains("people: 30 attributes, 1 option/status list", terminal.Stderr);
        Assert.Contains("2 workspace members", terminal.Stderr);
    }

    [Fact]
    public async Task Archived_attributes_and_options_are_left_out_unless_asked_for()
    {
        using var dir = new TempDirectory();
        string schema = Schemas.WriteEdited(dir.File("served.json"), root =>
        {
            Schemas.Attribute(root, "deals", "name")["is_archived"] = true;
            Schemas.Attribute(root, "subscriptions", "plan")["options"]![0]!["is_archived"] = true;
        });
        await using var emulator = await LocalAttio.StartAsync(schema);

        Assert.Equal(0, (await Tool.RunAsync(emulator.Environment, "schema", "pull", "-o", dir.File("default.json"))).ExitCode);
        Assert.Equal(0, (await Tool.RunAsync(emulator.Environment, "schema", "pull", "-o", dir.File("all.json"), "--include-archived")).ExitCode);

        var without = JsonNode.Parse(File.ReadAllText(dir.File("default.json")))!.AsObject();
        var with = JsonNode.Parse(File.ReadAllText(dir.File("all.json")))!.AsObject();
        Assert.DoesNotContain(Schemas.Attributes(without, "deals"), a => (string?)a!["api_slug"] == "name");
        Assert.True((bool)Schemas.Attribute(with, "deals", "name")["is_archived"]!);
        Assert.Equal(Schemas.Attribute(with, "subscriptions", "plan")["options"]!.AsArray().Count - 1,
            Schemas.Attribute(without, "subscriptions", "plan")["options"]!.AsArray().Count);
    }

    [Fact]
    public async Task Every_page_of_attributes_is_read()
    {
        // 250 attributes: three pages of the runtime's 100, the last one short.
        using var dir = new TempDirectory();
        string schema = Schemas.WriteEdited(dir.File("served.json"), root =>
        {
            var attributes = Schemas.Attributes(root, "users");
            for (int i = attributes.Count; i < 250; i++)
            {
                attributes.Add(Schemas.CloneAttribute(root, "users", "user_id", $"extra_{i:000}"));
            }
        });
        await using var emulator = await LocalAttio.StartAsync(schema);

        var result = await Tool.RunAsync(emulator.Environment, "schema", "pull", "-o", dir.File("pulled.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var pulled = JsonNode.Parse(File.ReadAllText(dir.File("pulled.json")))!.AsObject();
        Assert.Equal(
            Schemas.Attributes(JsonNode.Parse(File.ReadAllText(schema))!.AsObject(), "users").Select(a => (string?)a!["api_slug"]),
            Schemas.Attributes(pulled, "users").Select(a => (string?)a!["api_slug"]));
    }

    [Fact]
    public async Task Pull_reads_every_list_once_and_writes_nothing()
    {
        // Its speed comes from the number of reads: one per list, far below Attio's 100 reads/s, so the limiter never waits long.
        using var dir = new TempDirectory();
        await using var emulator = await LocalAttio.StartAsync();

        var result = await Tool.RunAsync(emulator.Environment, "schema", "pull", "-o", dir.File("pulled.json"));

        Assert.Equal(0, result.ExitCode);
        var requests = emulator.Server.Journal;
        Assert.All(requests, r => Assert.Equal("GET", r.Method));
        Assert.Empty(requests.GroupBy(r => r.Path + r.QueryString).Where(g => g.Count() > 1).Select(g => g.Key));
        var objects = JsonNode.Parse(Schemas.RepositorySchemaText)!["objects"]!.AsArray();
        int optionLists = objects.Sum(o => o!["attributes"]!.AsArray().Count(a => (string?)a!["type"] is "select" or "status"));
        // The token, the object list, each object's attributes, each select's options or status's statuses, the members.
        Assert.Equal(1 + 1 + objects.Count + optionLists + 1, requests.Count);
    }
}
