using Attio.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Attio.Generators.Tests.Infrastructure.SchemaBuilder;

namespace Attio.Generators.Tests;

/// <summary>
/// The generator never throws, and no schema text becomes code: every hostile file yields diagnostics or
/// compiling code whose only directives and declarations are the generator's own.
/// </summary>
public sealed class HostileSchemaTests
{
    private const string Injection = "*/ } public class Injected { } /* </summary> #error injected \" + \"";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>
        {
            { "empty file", "" },
            { "whitespace only", "   \n\t  " },
            { "truncated object", "{\"objects\": [" },
            { "truncated string", "{\"objects\": [{\"api_slug\": \"peo" },
            { "trailing comma", "{\"objects\": [],}" },
            { "single quotes", "{'objects': []}" },
            { "comment", "// hi\n{\"objects\": []}" },
            { "top-level array", "[]" },
            { "top-level string", "\"attio\"" },
            { "top-level null", "null" },
            { "objects is null", "{\"objects\": null}" },
            { "objects is a number", "{\"objects\": 42}" },
            { "object is a string", "{\"objects\": [\"people\"]}" },
            { "object without slug", "{\"objects\": [{\"singular_noun\": \"Person\"}]}" },
            { "slug is a number", "{\"objects\": [{\"api_slug\": 7}]}" },
            { "attributes is an object", "{\"objects\": [{\"api_slug\": \"people\", \"attributes\": {}}]}" },
            { "attribute is an array", "{\"objects\": [{\"api_slug\": \"people\", \"attributes\": [[]]}]}" },
            { "attribute without type", "{\"objects\": [{\"api_slug\": \"people\", \"attributes\": [{\"api_slug\": \"x\", \"is_writable\": true}]}]}" },
            { "flags are strings", "{\"objects\": [{\"api_slug\": \"people\", \"attributes\": [{\"api_slug\": \"x\", \"type\": \"text\", \"is_writable\": \"yes\"}]}]}" },
            { "deep nesting", new string('[', 500) + new string(']', 500) },
            { "invalid escape", "{\"objects\": [{\"api_slug\": \"a\\qb\"}]}" },
            { "bad unicode escape", "{\"objects\": [{\"api_slug\": \"\\u12\"}]}" },
            { "empty objects", Document() },
            { "object without attributes", Document(Object("people", "Person")) },
            { "duplicate object slugs", Document(Object("people", "Person", Attribute("a", "text")), Object("people", "Person", Attribute("b", "text"))) },
            { "duplicate attribute slugs", Document(Object("people", "Person", Attribute("a", "text"), Attribute("a", "text"))) },
            { "keyword slugs", Document(Object("class", "class", Attribute("namespace", "text"), Attribute("int", "number"), Attribute("value", "text"), Attribute("record", "text"))) },
            { "contextual keyword names", Document(Object("vars", "var", Attribute("async", "text"), Attribute("await", "text"), Attribute("dynamic", "text"))) },
            { "digit-leading slugs", Document(Object("3d_models", "3D model", Attribute("1st_contact", "date"), Attribute("2fa", "checkbox"))) },
            { "hyphens and spaces", Document(Object("sales-leads", "sales lead", Attribute("first name", "text"), Attribute("last-name", "text"))) },
            { "unicode and emoji", Document(Object("équipes", "Équipe 🚀", Attribute("名前", "text"), Attribute("🔥", "text"), Attribute("naïve", "text"))) },
            { "only symbols", Document(Object("$$$", "!!!", Attribute("***", "text"), Attribute("---", "number"))) },
            { "names colliding after sanitising", Document(Object("people", "Person", Attribute("first_name", "text"), Attribute("first-name", "text"), Attribute("FirstName", "text"))) },
            { "property named like the class", Document(Object("deals", "Deal", Attribute("deal", "text"))) },
            { "property named like base members", Document(Object("people", "Person", Attribute("object_slug", "text"), Attribute("validate", "text"), Attribute("clone", "text"), Attribute("to_string", "text"), Attribute("attio_attributes", "text"), Attribute("all", "text"), Attribute("get_attribute_infos", "text"))) },
            { "class named like the client", Document(Object("attio_workspace", "AttioWorkspace", Attribute("name", "text"))) },
            { "title injection", Document(Object("people", "Person", Attribute("twitter", "text", title: Injection, description: Injection))) },
            { "description with newlines", Document(Object("people", "Person", Attribute("twitter", "text", description: "line one\n/// </summary>\r\n#error boom\u2028public class Evil {}"))) },
            { "slug injection", Document(Object("people\"; class Evil {", "Person", Attribute("x\" + System.Environment.Exit(1) + \"", "text"))) },
            { "option injection", OptionInjection() },
            { "unknown types only", Document(Object("people", "Person", Attribute("a", "hologram"), Attribute("b", ""))) },
            { "interaction and read-only only", Document(Object("people", "Person", Attribute("last_interaction", "interaction", writable: false), Attribute("created_at", "timestamp", writable: false))) },
            { "nouns differing only in case", Document(Object("api_keys", "API key", Attribute("name", "text")), Object("api_keys_v2", "Api key", Attribute("name", "text"))) },
            { "class names differing only in case", Document(Object("deals", "Deal", Attribute("name", "text")), Object("big_deals", "DEAL", Attribute("name", "text")), Object("dealz", "deal", Attribute("name", "text"))) },
            { "backing and state fields colliding", Document(Object("subscriptions", "Subscription", Attribute("plan", "select"), Attribute("plan_state", "text"), Attribute("plan_state_state", "text"))) },
            { "state field first", Document(Object("subscriptions", "Subscription", Attribute("plan_state", "text"), Attribute("plan", "select"))) },
            { "identify keys marked multiselect", MultiselectIdentifyKeys("person", "user_id", "primary_email_address") },
            { "noun ending in a generated type name", Document(Object("people", "Person", Attribute("email_addresses", "email-address", unique: true, multiselect: true)), Object("pmae", "Person matching attribute extensions", Attribute("code", "text", unique: true)), Object("pma", "Person matching attribute", Attribute("code", "text", unique: true))) },
            { "generated type name before its owner", Document(Object("pmae", "Person matching attribute extensions", Attribute("code", "text", unique: true)), Object("people", "Person", Attribute("email_addresses", "email-address", unique: true, multiselect: true))) },
            { "300-character noun", Document(Object("long", new string('n', 300), Attribute("code", "text", unique: true)), Object("long_2", new string('n', 299) + "m", Attribute("code", "text"))) },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void HostileSchemasGiveDiagnosticsOrSafeCompilingCode(string name, string schema)
    {
        var run = GeneratorHarness.Run(schema);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785" or "AD0001");

        // Hint names are file names under EmitCompilerGeneratedFiles: short enough for any file system, unique ignoring case.
        Assert.All(run.GeneratedSources.Keys, hint => Assert.True(hint.Length <= 120, $"{name}: hint name of {hint.Length} characters"));
        Assert.Equal(run.GeneratedSources.Count, run.GeneratedSources.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var errors = run.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{name}: generated code does not compile:\n{string.Join("\n", errors)}");
        Assert.True(run.GeneratedSources.Count > 0 || run.GeneratorDiagnostics.Length > 0 || schema.Contains("\"objects\": []", StringComparison.Ordinal),
            $"{name}: neither code nor a diagnostic");

        foreach (var tree in run.Compilation.SyntaxTrees.Where(t => t.FilePath.Contains("Attio.", StringComparison.Ordinal)))
        {
            var root = tree.GetRoot();
            var directives = root.DescendantTrivia(descendIntoTrivia: true).Where(t => t.IsDirective).Select(t => t.Kind()).Distinct();
            Assert.All(directives, kind => Assert.Contains(kind, new[] { SyntaxKind.NullableDirectiveTrivia, SyntaxKind.PragmaWarningDirectiveTrivia }));
            var typeNames = root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText).ToList();
            Assert.DoesNotContain("Injected", typeNames);
            Assert.DoesNotContain("Evil", typeNames);
            Assert.DoesNotContain(root.DescendantNodes().OfType<InvocationExpressionSyntax>(), i => i.Expression.ToString().Contains("Environment", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void TheCorpusHasAtLeastThirtyCases() => Assert.True(Cases().Count() >= 30);

    [Fact]
    public void InjectedTextSurvivesOnlyAsEscapedDocumentationAndLiterals()
    {
        var run = GeneratorHarness.Run(Document(Object("people", "Person", Attribute("twitter", "text", title: Injection, description: Injection))));
        string source = run.GeneratedSources["Attio.Person.g.cs"];

        Assert.Contains("&lt;/summary&gt; #error injected", source);
        Assert.DoesNotContain("\n#error", source);
        Assert.Empty(run.CompilationProblems);
    }

    [Theory]
    [InlineData("API key", "Api key")]
    [InlineData("Deal", "DEAL")]
    public void NamesDifferingOnlyInCaseAreReportedAsATTIO014(string first, string second)
    {
        var run = GeneratorHarness.Run(Document(Object("first", first, Attribute("name", "text")), Object("second", second, Attribute("name", "text"))));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ATTIO014");
        Assert.StartsWith("The objects 'first' and 'second' both produce the class name", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(4, run.GeneratedSources.Count);   // two records, the client, the schema manifest
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void PlanAndPlanStateGetDistinctFields()
    {
        var run = GeneratorHarness.Run(Document(Object("subscriptions", "Subscription", Attribute("plan", "text"), Attribute("plan_state", "text"))));
        Assert.Empty(run.CompilationProblems);
        string source = run.GeneratedSources["Attio.Subscription.g.cs"];
        Assert.Contains("public string? PlanState", source, StringComparison.Ordinal);
        Assert.Contains("_planState2", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("person", "record-reference")]
    [InlineData("user_id", "text")]
    [InlineData("primary_email_address", "email-address")]
    public void AMultiselectIdentifyKeyIsReportedInsteadOfGenerated(string slug, string type)
    {
        var run = GeneratorHarness.Run(MultiselectIdentifyKeys(slug));
        Assert.Empty(run.CompilationProblems);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ATTIO017" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).StartsWith("IdentifyUserAsync", StringComparison.Ordinal));
        Assert.Equal($"IdentifyUserAsync is not generated: 'users.{slug}' ({type}) is multiselect in the schema, but IdentifyUserAsync writes one value to it",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("IdentifyUserAsync", run.GeneratedSources["Attio.AttioWorkspace.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void SingleValueIdentifyKeysGenerateIdentify() =>
        Assert.Contains("IdentifyUserAsync", GeneratorHarness.Run(MultiselectIdentifyKeys()).GeneratedSources["Attio.AttioWorkspace.g.cs"], StringComparison.Ordinal);

    [Fact]
    public void ANounEndingInAGeneratedTypeNameIsRenamed()
    {
        var run = GeneratorHarness.Run(Document(
            Object("people", "Person", Attribute("email_addresses", "email-address", unique: true, multiselect: true)),
            Object("pmae", "Person matching attribute extensions", Attribute("code", "text", unique: true))));
        Assert.Empty(run.CompilationProblems);
        Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ATTIO014");
    }

    [Fact]
    public void ALongNounGetsAShortStableHintName()
    {
        string schema = Document(Object("long", new string('n', 300), Attribute("code", "text")));
        var first = GeneratorHarness.Run(schema).GeneratedSources.Keys.Single(k => k.StartsWith("Attio.Nnn", StringComparison.Ordinal));
        var second = GeneratorHarness.Run(schema).GeneratedSources.Keys.Single(k => k.StartsWith("Attio.Nnn", StringComparison.Ordinal));
        Assert.Equal(first, second);
        Assert.True(first.Length <= 120, first);
    }

    /// <summary>people and users as identify needs them, with the named users attributes marked multiselect.</summary>
    private static string MultiselectIdentifyKeys(params string[] multiselect)
    {
        var person = Attribute("person", "record-reference", multiselect: multiselect.Contains("person"));
        person["config"] = new System.Text.Json.Nodes.JsonObject { ["record_reference"] = new System.Text.Json.Nodes.JsonObject { ["allowed_object_ids"] = new System.Text.Json.Nodes.JsonArray("people") } };
        return Document(
            Object("people", "Person", Attribute("email_addresses", "email-address", unique: true, multiselect: true)),
            Object("users", "User", person, Attribute("user_id", "text", unique: true, multiselect: multiselect.Contains("user_id")),
                Attribute("primary_email_address", "email-address", unique: true, multiselect: multiselect.Contains("primary_email_address"))));
    }

    private static string OptionInjection()
    {
        var attribute = Attribute("plan", "select");
        attribute["options"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["title"] = "\"; } class Evil { const string X = \"", ["id"] = new System.Text.Json.Nodes.JsonObject { ["option_id"] = "1" } },
            new System.Text.Json.Nodes.JsonObject { ["title"] = "Pro", ["is_archived"] = false },
            new System.Text.Json.Nodes.JsonObject { ["title"] = "Pro" },
            new System.Text.Json.Nodes.JsonObject { ["title"] = "" },
            new System.Text.Json.Nodes.JsonObject { ["title"] = "🙂" });
        return Document(Object("people", "Person", attribute));
    }
}
