using System.Text;
using Attio.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Attio.Docs.Tests;

/// <summary>
/// Compiles one documentation snippet as a consumer project would: with the Attio generator over the repository's
/// attio-schema.json (generated namespace <see cref="GeneratedNamespace"/>, as in the README), the runtime, the
/// emulator, ASP.NET Core, and Givens/SnippetGivens.cs (the names a snippet may use without declaring them).
/// </summary>
public static class SnippetCompiler
{
    /// <summary>The README's <c>&lt;AttioNamespace&gt;</c>, used unless the fence names another (<c>attio-namespace=MyApp.Crm</c>).</summary>
    public const string GeneratedNamespace = "Northwind.Crm";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);
    private static readonly Lazy<string> Givens = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Givens", "SnippetGivens.cs")));
    private static readonly Lazy<string> Schema = new(() => File.ReadAllText(Path.Combine(Attio.Tests.RepositoryRoot.Path, "attio-schema.json")));

    /// <summary>
    /// The errors of <paramref name="snippet"/>, each as <c>file(line,column): id: message</c> at the line of the
    /// Markdown file. <paramref name="inheritedUsings"/> are the using directives of the blocks above it in the same
    /// file: a document shows its usings once, as a reader reads it top to bottom.
    /// </summary>
    public static IReadOnlyList<string> Errors(Snippet snippet, IEnumerable<string> inheritedUsings)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var source = CSharpSyntaxTree.ParseText(Arrange(snippet, inheritedUsings), ParseOptions, path: snippet.File + ".cs", encoding: Encoding.UTF8);
        bool hasStatements = source.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "DocsSnippet",
            [CSharpSyntaxTree.ParseText(Givens.Value, ParseOptions, path: "SnippetGivens.cs", encoding: Encoding.UTF8), source],
            References.Value,
            new CSharpCompilationOptions(hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new AttioGenerator().AsSourceGenerator()],
            [new SchemaFile("/consumer/attio-schema.json", Schema.Value)],
            ParseOptions,
            new BuildProperties(new Dictionary<string, string> { ["build_property.AttioNamespace"] = snippet.GeneratedNamespace ?? GeneratedNamespace }));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return [.. generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(Describe)
            .Distinct()];
    }

    /// <summary>The using directives of <paramref name="snippet"/>, as later blocks of its file inherit them.</summary>
    public static IEnumerable<string> Usings(Snippet snippet) =>
        CSharpSyntaxTree.ParseText(snippet.Code, ParseOptions).GetCompilationUnitRoot().Usings.Select(u => u.WithoutTrivia().ToFullString());

    /// <summary>
    /// The snippet as one compilable file: usings first, then its statements, then its types (a program's top-level
    /// statements must precede its types, while docs often show a type before the code that uses it). Each piece keeps
    /// its Markdown line through <c>#line</c>, so that errors point into the document.
    /// </summary>
    private static string Arrange(Snippet snippet, IEnumerable<string> inheritedUsings)
    {
        var tree = CSharpSyntaxTree.ParseText(snippet.Code, ParseOptions);
        var unit = tree.GetCompilationUnitRoot();
        var text = new StringBuilder("#line hidden\n");
        foreach (var directive in inheritedUsings)
        {
            text.Append(directive).Append('\n');
        }

        void Add(SyntaxNode node)
        {
            int line = tree.GetLineSpan(node.FullSpan).StartLinePosition.Line + snippet.Line;
            text.Append($"#line {line} \"{snippet.File}\"\n").Append(node.ToFullString());
            if (text[^1] != '\n')
            {
                text.Append('\n');
            }
        }

        foreach (var node in unit.Externs.Cast<SyntaxNode>().Concat(unit.Usings).Concat(unit.AttributeLists))
        {
            Add(node);
        }

        foreach (var member in unit.Members.OfType<GlobalStatementSyntax>())
        {
            Add(member);
        }

        foreach (var member in unit.Members.Where(m => m is not GlobalStatementSyntax))
        {
            Add(member);
        }

        return text.ToString();
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        string where = span.IsValid ? $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})" : "(no location)";
        return $"{where}: {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static MetadataReference[] LoadReferences()
    {
        // The test host's platform assemblies include the shared frameworks this project references (ASP.NET Core) and
        // its dependencies; a snippet sees the BCL, ASP.NET Core, Microsoft.Extensions, the Attio assemblies and xunit's Assert.
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var name
                && (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll" or "Microsoft.Net.Http.Headers.dll"))
            .ToList();
        paths.Add(typeof(AttioClient).Assembly.Location);
        paths.Add(typeof(Attio.Emulator.AttioEmulator).Assembly.Location);
        paths.Add(typeof(PostgresAttioOutbox).Assembly.Location);
        paths.Add(typeof(Npgsql.NpgsqlConnection).Assembly.Location);
        paths.Add(typeof(AttioDashboardOptions).Assembly.Location);
        paths.Add(typeof(SqliteAttioOutbox).Assembly.Location);
        paths.Add(typeof(Assert).Assembly.Location);
        return [.. paths.Distinct(StringComparer.Ordinal).Select(p => MetadataReference.CreateFromFile(p))];
    }

    private sealed class SchemaFile(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class BuildProperties(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
