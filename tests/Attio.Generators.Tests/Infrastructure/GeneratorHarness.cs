using System.Collections.Immutable;
using Attio.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Attio.Generators.Tests.Infrastructure;

/// <summary>Runs <see cref="AttioGenerator"/> over in-memory sources and schema files, as the compiler would.</summary>
public sealed class GeneratorHarness
{
    public static ImmutableArray<MetadataReference> References { get; } = LoadReferences();

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> schemaFiles, IReadOnlyDictionary<string, string>? globalOptions = null, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileOptions = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new AttioGenerator().AsSourceGenerator() },
            schemaFiles,
            ParseOptions,
            new TestOptionsProvider(globalOptions ?? new Dictionary<string, string>(), fileOptions ?? new Dictionary<string, IReadOnlyDictionary<string, string>>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once and returns the result plus the compilation that includes its output.</summary>
    public static GeneratorRun Run(string? schemaJson, string schemaPath = "/project/attio-schema.json", IReadOnlyDictionary<string, string>? globalOptions = null, params string[] sources)
    {
        var files = schemaJson is null ? Array.Empty<AdditionalText>() : new AdditionalText[] { new InMemoryAdditionalText(schemaPath, schemaJson) };
        var compilation = CreateCompilation(sources.Length == 0 ? new[] { "namespace Consumer { internal static class Empty { } }" } : sources);
        var driver = CreateDriver(files, globalOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, generatorDiagnostics, Analyze(output, files, globalOptions));
    }

    /// <summary>The mapping analyzer's diagnostics on <paramref name="compilation"/>, as a build runs it after the generator.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, IEnumerable<AdditionalText> schemaFiles, IReadOnlyDictionary<string, string>? globalOptions = null, Attio.Generators.Analysis.MappingAnalyzer? analyzer = null)
    {
        var options = new AnalyzerOptions(schemaFiles.ToImmutableArray(), new TestOptionsProvider(globalOptions ?? new Dictionary<string, string>(), new Dictionary<string, IReadOnlyDictionary<string, string>>()));
        var failures = new List<Exception>();
        var withAnalyzer = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(analyzer ?? new Attio.Generators.Analysis.MappingAnalyzer()),
            new CompilationWithAnalyzersOptions(options, (exception, _, _) => failures.Add(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = withAnalyzer.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    /// <summary>The mapping analyzer on one document, as an editor re-analyses the document being typed in.</summary>
    public static ImmutableArray<Diagnostic> AnalyzeDocument(Compilation compilation, SyntaxTree document, IEnumerable<AdditionalText> schemaFiles, IReadOnlyDictionary<string, string>? globalOptions, Attio.Generators.Analysis.MappingAnalyzer analyzer)
    {
        var options = new AnalyzerOptions(schemaFiles.ToImmutableArray(), new TestOptionsProvider(globalOptions ?? new Dictionary<string, string>(), new Dictionary<string, IReadOnlyDictionary<string, string>>()));
        var failures = new List<Exception>();
        var withAnalyzer = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(options, (exception, _, _) => failures.Add(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = withAnalyzer.GetAnalyzerSemanticDiagnosticsAsync(withAnalyzer.Compilation.GetSemanticModel(document), null, CancellationToken.None).GetAwaiter().GetResult();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        return diagnostics;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .ToList();
        paths.Add(typeof(Attio.AttioRecord).Assembly.Location);
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }
}

public sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Compilation, ImmutableArray<Diagnostic> GeneratorDiagnostics, ImmutableArray<Diagnostic> AnalyzerDiagnostics)
{
    /// <summary>What a build reports from Attio: the generator's diagnostics and the mapping analyzer's.</summary>
    public IReadOnlyList<Diagnostic> AttioDiagnostics => GeneratorDiagnostics.Concat(AnalyzerDiagnostics).ToList();

    /// <summary>Errors and warnings of the consumer compilation, generated code included.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public IReadOnlyDictionary<string, string> GeneratedSources =>
        Result.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());
}

public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}

internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> perFile) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        perFile.TryGetValue(textFile.Path, out var options) ? new DictionaryOptions(options) : DictionaryOptions.Empty;

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
