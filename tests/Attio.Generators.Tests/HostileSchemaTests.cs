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
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void HostileSchemasGiveDiagnosticsOrSafeCompilingCode(string name, string schema)
    {
        var run = GeneratorHarness.Run(schema);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785" or "AD0001");
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
