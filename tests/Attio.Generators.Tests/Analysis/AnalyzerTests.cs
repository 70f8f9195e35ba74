using Attio.Generators.Analysis;
using Attio.Generators.Tests.Infrastructure;
using Attio.Generators.Tests.Mapping;
using Microsoft.CodeAnalysis;

namespace Attio.Generators.Tests.Analysis;

/// <summary>
/// MappingAnalyzer on its own (no generator output in the compilation, as in an editor before a save): each rule at its
/// exact span and silent once fixed; together with the generator each mistake is reported once; no parse without Attio attributes.
/// </summary>
public sealed class AnalyzerTests
{
    private const string Header = "using Attio;\nusing System;\nusing System.Collections.Generic;\nnamespace App;\n";

    private static readonly AdditionalText SchemaFile = new InMemoryAdditionalText("/project/attio-schema.json", MappingHarness.Schema);

    /// <summary>Rule id, a class with the mistake (the span is the text between « and »), the same class corrected.</summary>
    public static TheoryData<string, string, string> Rules() => new()
    {
        { "ATTIO001", """[AttioObject("people")] public partial class A { [AttioMap(«"twiter"»)] public string? T { get; set; } }""",
                      """[AttioObject("people")] public partial class A { [AttioMap("twitter")] public string? T { get; set; } }""" },
        { "ATTIO002", """[AttioObject("people")] public partial class A { [AttioMap(«"twitter"»)] public int T { get; set; } }""",
                      """[AttioObject("people")] public partial class A { [AttioMap("twitter")] public string? T { get; set; } }""" },
        { "ATTIO003", """[AttioObject("people")] public partial class A { [AttioMap(«"created_at"»)] public DateTimeOffset C { get; set; } }""",
                      """[AttioObject("people")] public partial class A { public DateTimeOffset C { get; set; } }""" },
        { "ATTIO004", """[AttioObject(«"peple"»)] public partial class A { [AttioMap("twitter")] public string? T { get; set; } }""",
                      """[AttioObject("people")] public partial class A { [AttioMap("twitter")] public string? T { get; set; } }""" },
        { "ATTIO005", """[AttioObject("people", MatchOn = «"twitter"»)] public partial class A { [AttioMap("twitter")] public string? T { get; set; } }""",
                      """[AttioObject("people", MatchOn = "email_addresses")] public partial class A { [AttioMap("email_addresses")] public string? E { get; set; } }""" },
        { "ATTIO008", """[AttioObject("people")] public partial class A { [AttioMap("twitter")] public string? T { get; set; } [AttioMap(«"twitter"»)] public string? X { get; set; } }""",
                      """[AttioObject("people")] public partial class A { [AttioMap("twitter")] public string? T { get; set; } [AttioMap("linkedin")] public string? X { get; set; } }""" },
        { "ATTIO009", """[AttioObject("people")] public partial class A { [AttioMap(«"twitter"»)] public List<string>? T { get; set; } }""",
                      """[AttioObject("people")] public partial class A { [AttioMap("phone_numbers")] public List<string>? T { get; set; } }""" },
        { "ATTIO010", """[AttioObject("people")][AttioObject("companies")] public partial class A { [AttioMap(«"twitter"»)] public string? T { get; set; } }""",
                      """[AttioObject("people")][AttioObject("companies")] public partial class A { [AttioMap("twitter", Object = "people")] public string? T { get; set; } }""" },
        { "ATTIO011", """[AttioObject("people")][AttioObject(«"users"»)] public partial class A { [AttioMap("email_addresses")] public string? E { get; set; } }""",
                      """[AttioObject("people")][AttioObject("users")] public partial class A { [AttioMap("email_addresses")] public string? E { get; set; } [AttioMap("user_id")] public string? U { get; set; } }""" },
        { "ATTIO018", """[AttioObject("people")] public class «A» { [AttioMap("twitter")] public string? T { get; set; } }""",
                      """[AttioObject("people")] public partial class A { [AttioMap("twitter")] public string? T { get; set; } }""" },
        { "ATTIO019", """[AttioObject("people")] public partial class A { [AttioMap("twitter", Object = «"companies"»)] public string? T { get; set; } }""",
                      """[AttioObject("people")] public partial class A { [AttioMap("twitter", Object = "people")] public string? T { get; set; } }""" },
        { "ATTIO020", """[AttioObject("subscriptions", MatchOn = «"invoice_reference"»)] public partial class A { [AttioMap("subscription_id")] public string? S { get; set; } }""",
                      """[AttioObject("subscriptions", MatchOn = "invoice_reference")] public partial class A { [AttioMap("invoice_reference")] public string? S { get; set; } }""" },
        { "ATTIO021", """public enum Stage { Trialing, Active } [AttioObject("subscriptions")] public partial class A { [AttioMap(«"stage"»)] public Stage S { get; set; } }""",
                      """public enum Stage { Trial, Active } [AttioObject("subscriptions")] public partial class A { [AttioMap("stage")] public Stage S { get; set; } }""" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void EachRuleIsReportedAtItsExactSpanAndNotOnceFixed(string id, string marked, string corrected)
    {
        int start = marked.IndexOf('«', StringComparison.Ordinal);
        int end = marked.IndexOf('»', StringComparison.Ordinal) - 1;
        string source = Header + marked.Replace("«", string.Empty, StringComparison.Ordinal).Replace("»", string.Empty, StringComparison.Ordinal);

        var diagnostic = Assert.Single(AnalyzeOnly(source));
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(Header.Length + start, diagnostic.Location.SourceSpan.Start);
        Assert.Equal(Header.Length + end, diagnostic.Location.SourceSpan.End);
        Assert.Equal("Source0.cs", diagnostic.Location.SourceTree!.FilePath);

        Assert.Empty(AnalyzeOnly(Header + corrected));
    }

    [Fact]
    public void ATTIO006_IsReportedWithoutASchemaFile()
    {
        var compilation = GeneratorHarness.CreateCompilation(Header + """[AttioObject("people")] public partial class A { }""");
        var diagnostic = Assert.Single(GeneratorHarness.Analyze(compilation, Array.Empty<AdditionalText>()));
        Assert.Equal("ATTIO006", diagnostic.Id);
        Assert.Equal("\"people\"", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Empty(AnalyzeOnly(Header + """[AttioObject("people")] public partial class A { }"""));
    }

    [Fact]
    public void AMemberInAnotherPartialDeclarationIsReportedInItsOwnFile()
    {
        var compilation = GeneratorHarness.CreateCompilation(
            Header + """[AttioObject("people")] public partial class A { }""",
            Header + """public partial class A { [AttioMap("twiter")] public string? T { get; set; } }""");
        var diagnostic = Assert.Single(GeneratorHarness.Analyze(compilation, new[] { SchemaFile }, MappingHarness.Options));
        Assert.Equal("ATTIO001", diagnostic.Id);
        Assert.Equal("Source1.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal("\"twiter\"", diagnostic.Location.SourceTree.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void WithTheGeneratorEachMistakeIsReportedExactlyOnce()
    {
        var run = MappingHarness.Run(Header + """
            public enum Stage { Trialing, Active }
            [AttioObject("people")]
            public partial class A
            {
                [AttioMap("twiter")] public string? T { get; set; }
                [AttioMap("twitter")] public int Followers { get; set; }
                [AttioMap("created_at")] public DateTimeOffset C { get; set; }
            }
            [AttioObject("subscriptions", MatchOn = "invoice_reference")]
            public partial class B
            {
                [AttioMap("stage")] public Stage S { get; set; }
            }
            [AttioObject("peple")]
            public class C { }
            """);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => MappingAnalyzer.RuleIds.Contains(d.Id));
        var reported = MappingHarness.Diagnostics(run).Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "ATTIO001", "ATTIO002", "ATTIO003", "ATTIO004", "ATTIO018", "ATTIO020", "ATTIO021" }, reported);
        Assert.All(MappingHarness.Diagnostics(run), d => Assert.Contains(d, run.AnalyzerDiagnostics));
    }

    [Fact]
    public void ADocumentWithoutAttioAttributesCausesNoSchemaParse()
    {
        var analyzer = new MappingAnalyzer();
        var plain = GeneratorHarness.CreateCompilation(Header + """
            public class Order { [Obsolete] public string? Id { get; set; } }
            [Serializable] public partial class Line { public int Count { get; set; } }
            """);
        Assert.Empty(GeneratorHarness.Analyze(plain, new[] { SchemaFile }, MappingHarness.Options, analyzer));
        Assert.Equal(0, analyzer.SchemaParses);

        // The control: a mapped class makes the same analyzer instance parse the schema.
        var mapped = plain.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
            Header + """[AttioObject("people")] public partial class A { }""", GeneratorHarness.ParseOptions, "Source9.cs"));
        Assert.Empty(GeneratorHarness.Analyze(mapped, new[] { SchemaFile }, MappingHarness.Options, analyzer));
        Assert.Equal(1, analyzer.SchemaParses);
    }

    [Fact]
    public void InABuildTheAnalyzerTakesTheGeneratorsParseOfTheSchema()
    {
        // A schema text of this test's own (trailing whitespace), so no other test has parsed it in this process.
        var schema = new InMemoryAdditionalText("/project/attio-schema.json", MappingHarness.Schema + "\n\t \t\n");
        var compilation = GeneratorHarness.CreateCompilation(Header + """[AttioObject("people")] public partial class A { }""");
        var driver = GeneratorHarness.CreateDriver(new[] { schema }, MappingHarness.Options).RunGenerators(compilation);
        var parsedByGenerator = (Attio.Generators.Schema.SchemaParseResult)driver.GetRunResult().Results[0]
            .TrackedSteps[TrackingNames.ParsedSchemas].Single().Outputs.Single().Value;

        var analyzed = new SchemaCache().Get(new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(schema)), CancellationToken.None);

        Assert.NotNull(parsedByGenerator.Model);
        Assert.Same(parsedByGenerator.Model, analyzed.Schema);
    }

    [Fact]
    public void AnEditedDocumentWithoutAttioAttributesCausesNoSchemaParseEvenWhenOthersHaveThem()
    {
        // An editor re-analyses the document being typed in; the mapped class lives in another document.
        var analyzer = new MappingAnalyzer();
        var compilation = GeneratorHarness.CreateCompilation(
            Header + """[AttioObject("people")] public partial class A { [AttioMap("twiter")] public string? T { get; set; } }""",
            Header + """public class Order { [Obsolete] public string? Id { get; set; } }""");
        var plain = compilation.SyntaxTrees.Single(t => t.FilePath == "Source1.cs");
        Assert.Empty(GeneratorHarness.AnalyzeDocument(compilation, plain, new[] { SchemaFile }, MappingHarness.Options, analyzer));
        Assert.Equal(0, analyzer.SchemaParses);

        // The control: the mapped document parses the schema and reports its mistake.
        var mapped = compilation.SyntaxTrees.Single(t => t.FilePath == "Source0.cs");
        var diagnostics = GeneratorHarness.AnalyzeDocument(compilation, mapped, new[] { SchemaFile }, MappingHarness.Options, analyzer);
        Assert.Equal("ATTIO001", Assert.Single(diagnostics).Id);
        Assert.Equal(1, analyzer.SchemaParses);
    }

    [Fact]
    public void AnAnalysisBuildsOnlyTheRecordsOfTheObjectsItsClassesTarget()
    {
        var analyzer = new MappingAnalyzer();
        var compilation = GeneratorHarness.CreateCompilation(Header + """
            [AttioObject("people")] public partial class A { [AttioMap("twitter")] public string? T { get; set; } }
            [AttioObject("people")] public partial class B { [AttioMap("twiter")] public string? T { get; set; } }
            [AttioObject("companies")] public partial class C { [AttioMap("domains")] public string? D { get; set; } }
            """);
        var diagnostics = GeneratorHarness.Analyze(compilation, new[] { SchemaFile }, MappingHarness.Options, analyzer);
        Assert.Equal("ATTIO001", Assert.Single(diagnostics).Id);
        Assert.True(SchemaObjectCount() > 4, "the control: the schema has more objects than the classes target");
        Assert.Equal(2, analyzer.RecordsBuilt);

        // Kept with the parsed schema: a later compilation builds none again, and a newly targeted object adds one.
        var edited = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
            Header + """[AttioObject("deals")] public partial class D { [AttioMap("name")] public string? N { get; set; } }""", GeneratorHarness.ParseOptions, "Source5.cs"));
        Assert.Empty(GeneratorHarness.Analyze(edited, new[] { SchemaFile }, MappingHarness.Options, analyzer).Where(d => d.Id != "ATTIO001"));
        Assert.Equal(3, analyzer.RecordsBuilt);
    }

    [Fact]
    public void TheSchemaIsParsedOncePerTextNotPerCompilationOrClass()
    {
        var analyzer = new MappingAnalyzer();
        string classes = string.Concat(Enumerable.Range(0, 20).Select(i => $$"""[AttioObject("people")] public partial class A{{i}} { [AttioMap("twitter")] public string? T { get; set; } }""" + "\n"));
        var compilation = GeneratorHarness.CreateCompilation(Header + classes);

        // An editor makes a new compilation per keystroke, and may hand over a new SourceText of the same schema.
        Assert.Empty(GeneratorHarness.Analyze(compilation, new[] { SchemaFile }, MappingHarness.Options, analyzer));
        var edited = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace App; class B { }", GeneratorHarness.ParseOptions, "Source7.cs"));
        Assert.Empty(GeneratorHarness.Analyze(edited, new[] { new InMemoryAdditionalText("/project/attio-schema.json", MappingHarness.Schema) }, MappingHarness.Options, analyzer));
        Assert.Equal(1, analyzer.SchemaParses);

        // A changed schema text is parsed again, and its change is seen.
        string renamed = MappingHarness.Schema.Replace("\"api_slug\": \"twitter\"", "\"api_slug\": \"x_handle\"", StringComparison.Ordinal);
        var diagnostics = GeneratorHarness.Analyze(edited, new[] { new InMemoryAdditionalText("/project/attio-schema.json", renamed) }, MappingHarness.Options, analyzer);
        Assert.Equal(20, diagnostics.Count(d => d.Id == "ATTIO001"));
        Assert.Equal(2, analyzer.SchemaParses);
    }

    private static int SchemaObjectCount() =>
        System.Text.Json.JsonDocument.Parse(MappingHarness.Schema).RootElement.GetProperty("objects").GetArrayLength();

    private static IReadOnlyList<Diagnostic> AnalyzeOnly(string source) =>
        GeneratorHarness.Analyze(GeneratorHarness.CreateCompilation(source), new[] { SchemaFile }, MappingHarness.Options);
}
