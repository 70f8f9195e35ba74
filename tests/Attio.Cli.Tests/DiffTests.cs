using System.Text.Json.Nodes;
using Attio.Cli.Tests.Infrastructure;

namespace Attio.Cli.Tests;

public sealed class DiffTests
{
    /// <summary>One edit of the example schema and what diff must make of it.</summary>
    public sealed record Case(string Name, Action<JsonObject> Edit, string Kind, string Path, bool Breaking)
    {
        public override string ToString() => Name;
    }

    private static readonly Case[] Cases =
    [
        new("add object", root => Schemas.Objects(root).Add(NewObject(root)), "object_added", "invoices", false),
        new("remove object", root => Schemas.Objects(root).Remove(Schemas.Object(root, "deals")), "object_removed", "deals", true),
        new("rename object", root => Schemas.Object(root, "deals")["api_slug"] = "opportunities", "object_renamed", "deals", true),
        new("singular noun changed", root => Schemas.Object(root, "deals")["singular_noun"] = "Opportunity", "object_class_renamed", "deals", true),
        new("add attribute", root => Schemas.Attributes(root, "people").Add(Schemas.CloneAttribute(root, "people", "job_title", "nickname")), "attribute_added", "people.nickname", false),
        new("remove attribute", root => Schemas.Attributes(root, "people").Remove(Schemas.Attribute(root, "people", "job_title")), "attribute_removed", "people.job_title", true),
        new("rename attribute", root => Schemas.Attribute(root, "people", "job_title")["api_slug"] = "role", "attribute_renamed", "people.job_title", true),
        new("became read-only", root => Schemas.Attribute(root, "people", "job_title")["is_writable"] = false, "became_read_only", "people.job_title", true),
        new("became writable", root => Schemas.Attribute(root, "people", "record_id")["is_writable"] = true, "became_writable", "people.record_id", false),
        new("became non-unique", root => Schemas.Attribute(root, "people", "email_addresses")["is_unique"] = false, "became_non_unique", "people.email_addresses", true),
        new("became unique", root => Schemas.Attribute(root, "people", "job_title")["is_unique"] = true, "became_unique", "people.job_title", false),
        new("became multiselect", root => Schemas.Attribute(root, "people", "job_title")["is_multiselect"] = true, "multiselect_changed", "people.job_title", true),
        new("no longer multiselect", root => Schemas.Attribute(root, "people", "email_addresses")["is_multiselect"] = false, "multiselect_changed", "people.email_addresses", true),
        new("type change", root => Schemas.Attribute(root, "people", "job_title")["type"] = "number", "type_changed", "people.job_title", true),
        new("became required", root => Schemas.Attribute(root, "people", "job_title")["is_required"] = true, "required_changed", "people.job_title", false),
        new("attribute archived", root => Schemas.Attribute(root, "people", "job_title")["is_archived"] = true, "attribute_archived", "people.job_title", true),
        new("attribute unarchived", root => ArchiveInOld(root), "attribute_unarchived", "people.job_title", false),
        new("title changed", root => Schemas.Attribute(root, "people", "job_title")["title"] = "Role", "attribute_title_changed", "people.job_title", false),
        new("option added", root => Options(root).Add(NewChoice(Options(root), "option_id", "Platinum")), "option_added", "subscriptions.plan[Platinum]", false),
        new("option removed", root => Options(root).RemoveAt(0), "option_removed", "subscriptions.plan[Free]", true),
        new("option renamed", root => Options(root)[0]!["title"] = "Basic", "option_renamed", "subscriptions.plan[Free]", true),
        new("option archived", root => Options(root)[0]!["is_archived"] = true, "option_archived", "subscriptions.plan[Free]", false),
        new("status added", root => Statuses(root).Add(NewChoice(Statuses(root), "status_id", "Paused")), "status_added", "subscriptions.stage[Paused]", false),
        new("status removed", root => Statuses(root).RemoveAt(0), "status_removed", "subscriptions.stage[Trial]", true),
        new("member added", root => root["workspace_members"]!.AsArray().Add(NewMember(root)), "member_added", "members[carol@northwind.example]", false),
    ];

    public static TheoryData<string> CaseNames() => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Each_kind_of_change_is_classified(string name)
    {
        var @case = Cases.Single(c => c.Name == name);
        using var dir = new TempDirectory();
        string oldFile = dir.File("old.json"), newFile = dir.File("new.json");
        if (name == "attribute unarchived")
        {
            // The old file holds the archived attribute (pulled with --include-archived); the new one restored it.
            Schemas.WriteEdited(oldFile, @case.Edit);
            File.Copy(Schemas.RepositorySchemaPath, newFile);
        }
        else
        {
            File.Copy(Schemas.RepositorySchemaPath, oldFile);
            Schemas.WriteEdited(newFile, @case.Edit);
        }

        var result = await Tool.RunAsync("schema", "diff", oldFile, newFile, "--json");

        var report = JsonNode.Parse(result.Stdout)!.AsObject();
        var change = Assert.Single(report["changes"]!.AsArray());
        Assert.Equal(@case.Kind, (string?)change!["kind"]);
        Assert.Equal(@case.Path, (string?)change["path"]);
        Assert.Equal(@case.Breaking, (bool)change["breaking"]!);
        int expected = @case.Breaking ? 2 : 1;
        Assert.Equal(expected, result.ExitCode);
        Assert.Equal(expected, (int)report["exit_code"]!);
    }

    [Fact]
    public async Task Identical_files_exit_0()
    {
        var result = await Tool.RunAsync("schema", "diff", Schemas.RepositorySchemaPath, Schemas.RepositorySchemaPath);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("No changes", result.Stdout);
    }

    [Fact]
    public async Task Exported_at_and_key_order_are_not_changes()
    {
        using var dir = new TempDirectory();
        string other = Schemas.WriteEdited(dir.File("other.json"), root => root["exported_at"] = "2030-01-01T00:00:00.000000000Z");

        var result = await Tool.RunAsync("schema", "diff", Schemas.RepositorySchemaPath, other);

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Text_output_lists_breaking_changes_apart_from_harmless_ones()
    {
        using var dir = new TempDirectory();
        string edited = Schemas.WriteEdited(dir.File("new.json"), root =>
        {
            Schemas.Attributes(root, "people").Remove(Schemas.Attribute(root, "people", "job_title"));
            Schemas.Attributes(root, "people").Add(Schemas.CloneAttribute(root, "people", "description", "nickname"));
        });

        var result = await Tool.RunAsync("schema", "diff", Schemas.RepositorySchemaPath, edited);

        Assert.Equal(2, result.ExitCode);
        string text = result.Stdout;
        Assert.Contains("Breaking changes", text);
        Assert.Contains("! people.job_title", text);
        Assert.Contains("+ people.nickname", text);
        Assert.True(text.IndexOf("people.job_title", StringComparison.Ordinal) < text.IndexOf("Harmless changes", StringComparison.Ordinal));
        Assert.EndsWith("1 breaking, 1 harmless.\n", text);
    }

    [Fact]
    public async Task Several_changes_are_all_reported_and_the_worst_decides_the_exit_code()
    {
        using var dir = new TempDirectory();
        string edited = Schemas.WriteEdited(dir.File("new.json"), root =>
        {
            Schemas.Objects(root).Add(NewObject(root));
            Options(root).RemoveAt(0);
            Schemas.Attribute(root, "people", "job_title")["title"] = "Role";
        });

        var result = await Tool.RunAsync("schema", "diff", Schemas.RepositorySchemaPath, edited, "--json");

        var report = JsonNode.Parse(result.Stdout)!.AsObject();
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(1, (int)report["breaking"]!);
        Assert.Equal(2, (int)report["harmless"]!);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var result = await Tool.RunAsync("schema", "diff", Schemas.RepositorySchemaPath, "/nonexistent/attio-schema.json");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Cannot read the schema file /nonexistent/attio-schema.json", result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Theory]
    [InlineData("{ not json", "is not valid JSON")]
    [InlineData("[]", "is not an Attio schema file: the document must be a JSON object")]
    [InlineData("{\"format_version\": 1}", "the \"objects\" array is missing")]
    [InlineData("{\"format_version\": 2, \"objects\": []}", "format_version 2 is not supported")]
    [InlineData("{\"objects\": [{\"attributes\": []}]}", "objects[0] has no api_slug")]
    public async Task A_file_that_is_not_a_schema_is_a_usage_error(string content, string message)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("bad.json"), content);

        var result = await Tool.RunAsync("schema", "diff", Schemas.RepositorySchemaPath, dir.File("bad.json"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public async Task Missing_arguments_are_a_usage_error()
    {
        var result = await Tool.RunAsync("schema", "diff", Schemas.RepositorySchemaPath);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("attio --help", result.Stderr);
    }

    private static JsonArray Options(JsonObject root) => Schemas.Attribute(root, "subscriptions", "plan")["options"]!.AsArray();

    private static JsonArray Statuses(JsonObject root) => Schemas.Attribute(root, "subscriptions", "stage")["statuses"]!.AsArray();

    private static JsonObject NewChoice(JsonArray list, string idKey, string title)
    {
        var choice = list[0]!.DeepClone().AsObject();
        choice["id"]![idKey] = Guid.NewGuid().ToString();
        choice["title"] = title;
        return choice;
    }

    private static JsonObject NewObject(JsonObject root)
    {
        var obj = Schemas.Object(root, "users").DeepClone().AsObject();
        obj["id"]!["object_id"] = Guid.NewGuid().ToString();
        obj["api_slug"] = "invoices";
        obj["singular_noun"] = "Invoice";
        obj["plural_noun"] = "Invoices";
        return obj;
    }

    private static JsonObject NewMember(JsonObject root)
    {
        var member = root["workspace_members"]![0]!.DeepClone().AsObject();
        member["id"]!["workspace_member_id"] = Guid.NewGuid().ToString();
        member["email_address"] = "carol@northwind.example";
        return member;
    }

    private static void ArchiveInOld(JsonObject root) => Schemas.Attribute(root, "people", "job_title")["is_archived"] = true;
}
