using System.Collections.Immutable;
using Attio.Generators;
using Attio.Generators.Analysis;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Attio.Benchmarks;

/// <summary>
/// The generator's and the mapping analyzer's cost inside a large compilation: 50 objects x 200 attributes (every type)
/// and 500 mapped classes. Baseline: compiling the project (its sources plus what the generator wrote). Ratios: a full
/// generator run, a run after an unrelated edit, a run after editing one mapped class; the analyzer on the whole
/// compilation and on one edited document, each beside an empty analyzer that measures the analyzer driver itself.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    public const int Objects = 50;
    public const int AttributesPerObject = 200;
    public const int MappedClasses = 500;

    private CSharpCompilation _compilation = null!;
    private Compilation _compiledWithOutput = null!;
    private CSharpCompilation _unrelatedEdit = null!;
    private CSharpCompilation _mappedClassEdit = null!;
    private GeneratorDriver _warmDriver = null!;
    private ImmutableArray<AdditionalText> _schema;

    [GlobalSetup]
    public void Setup()
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Enumerable.Range(0, MappedClasses)
            .Select(i => CSharpSyntaxTree.ParseText(SyntheticWorkspace.MappedClass(i, Objects), parse, path: $"Event{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText("namespace App; public static class Handler { public static int Value => 1; }", parse, path: "Handler.cs"));
        _compilation = CSharpCompilation.Create("App", trees, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _schema = ImmutableArray.Create<AdditionalText>(new SchemaText("/app/attio-schema.json", SyntheticWorkspace.Schema(Objects, AttributesPerObject)));

        _warmDriver = CreateDriver().RunGeneratorsAndUpdateCompilation(_compilation, out _compiledWithOutput, out var diagnostics);
        var errors = diagnostics.Concat(_compiledWithOutput.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The synthetic project does not compile: " + string.Join(Environment.NewLine, errors.Take(5)));
        }

        var handler = _compilation.SyntaxTrees.Single(t => t.FilePath == "Handler.cs");
        _unrelatedEdit = _compilation.ReplaceSyntaxTree(handler, CSharpSyntaxTree.ParseText("namespace App; public static class Handler { public static int Value => 2; }", parse, path: "Handler.cs"));
        var firstEvent = _compilation.SyntaxTrees.Single(t => t.FilePath == "Event0.cs");
        _mappedClassEdit = _compilation.ReplaceSyntaxTree(firstEvent, CSharpSyntaxTree.ParseText(
            SyntheticWorkspace.MappedClass(0, Objects, "[AttioMap(\"a34\")] public string? Other { get; init; }"), parse, path: "Event0.cs"));
    }

    [Benchmark(Baseline = true, Description = "Compile the project (sources + generated code)")]
    public int Compile()
    {
        using var stream = new MemoryStream();
        return _compiledWithOutput.Emit(stream).Diagnostics.Length;
    }

    [Benchmark(Description = "Generator: full run")]
    public int FullRun() => CreateDriver().RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "Generator: after an unrelated edit")]
    public int UnrelatedEdit() => _warmDriver.RunGenerators(_unrelatedEdit).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "Generator: after editing one mapped class")]
    public int MappedClassEdit() => _warmDriver.RunGenerators(_mappedClassEdit).GetRunResult().GeneratedTrees.Length;

    /// <summary>
    /// Reference: the driver's own cost for the same edit with a generator that only looks for one attribute. What the
    /// Attio generator adds on an unrelated edit is the difference.
    /// </summary>
    [Benchmark(Description = "Reference: minimal generator after an unrelated edit")]
    public int MinimalGeneratorUnrelatedEdit() => _warmMinimalDriver.RunGenerators(_unrelatedEdit).GetRunResult().GeneratedTrees.Length;

    private GeneratorDriver _warmMinimalDriver = null!;

    [GlobalSetup(Target = nameof(MinimalGeneratorUnrelatedEdit))]
    public void SetupMinimal()
    {
        Setup();
        _warmMinimalDriver = CSharpGeneratorDriver.Create(new[] { new MinimalGenerator().AsSourceGenerator() }, _schema, (CSharpParseOptions)_compilation.SyntaxTrees[0].Options)
            .RunGenerators(_compilation);
    }

    private sealed class MinimalGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var found = context.SyntaxProvider.ForAttributeWithMetadataName("Attio.AttioObjectAttribute", static (_, _) => true, static (c, _) => c.TargetSymbol.Name);
            context.RegisterSourceOutput(found.Collect(), static (spc, names) => spc.AddSource("Names.g.cs", "// " + names.Length));
        }
    }

    /// <summary>
    /// The mapping analyzer as a command-line build runs it: a new instance (so the schema is parsed) over the whole
    /// compilation. The driver's own cost (events, binding for them) is measured by the empty reference analyzer below;
    /// the difference is what MappingAnalyzer adds.
    /// </summary>
    [Benchmark(Description = "Analyzer: full compilation")]
    public int AnalyzerFullCompilation() => Analyze(_compiledWithOutput, new MappingAnalyzer());

    [Benchmark(Description = "Reference: empty analyzer, full compilation")]
    public int EmptyAnalyzerFullCompilation() => Analyze(_compiledWithOutput, new EmptyAnalyzer());

    /// <summary>
    /// What an editor does after a keystroke in a mapped class: the edited document re-analysed in a new compilation, with
    /// the analyzer instance of the previous analyses (its schema cache warm, as in a running IDE).
    /// </summary>
    [Benchmark(Description = "Analyzer: one edited document")]
    public int AnalyzerEditedDocument() => AnalyzeDocument(_warmAnalyzer);

    [Benchmark(Description = "Reference: empty analyzer, one edited document")]
    public int EmptyAnalyzerEditedDocument() => AnalyzeDocument(new EmptyAnalyzer());

    private readonly MappingAnalyzer _warmAnalyzer = new();

    private int Analyze(Compilation compilation, DiagnosticAnalyzer analyzer) =>
        compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new AnalyzerOptions(_schema))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult().Length;

    private int AnalyzeDocument(DiagnosticAnalyzer analyzer)
    {
        var tree = _mappedClassEdit.SyntaxTrees.Single(t => t.FilePath == "Event0.cs");
        var withAnalyzer = _mappedClassEdit.WithAnalyzers(ImmutableArray.Create(analyzer), new AnalyzerOptions(_schema));
        return withAnalyzer.GetAnalyzerSemanticDiagnosticsAsync(withAnalyzer.Compilation.GetSemanticModel(tree), null, CancellationToken.None)
            .GetAwaiter().GetResult().Length;
    }

    [GlobalSetup(Target = nameof(AnalyzerEditedDocument))]
    public void SetupWarmAnalyzer()
    {
        Setup();
        if (Analyze(_compiledWithOutput, _warmAnalyzer) != 0)
        {
            throw new InvalidOperationException("The synthetic project has mapping diagnostics.");
        }
    }

    // RS1001/RS2008 are for shipped analyzers; this one is never loaded by a compiler, only handed to WithAnalyzers.
#pragma warning disable RS1001, RS2008

    /// <summary>Registers what MappingAnalyzer registers and does nothing: the analyzer driver's share of the measurement.</summary>
    private sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("EMPTY001", "Never", "Never", "Reference", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start => start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType));
        }
    }
#pragma warning restore RS1001, RS2008

    private GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(new[] { new AttioGenerator().AsSourceGenerator() }, _schema, (CSharpParseOptions)_compilation.SyntaxTrees[0].Options, optionsProvider: null, new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private static IEnumerable<MetadataReference> References()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");
        return paths.Append(typeof(AttioRecord).Assembly.Location).Distinct().Select(p => MetadataReference.CreateFromFile(p));
    }

    private sealed class SchemaText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
