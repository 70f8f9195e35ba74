using System.Collections.Immutable;
using Attio.Generators.Analysis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Attio.Benchmarks;

/// <summary>
/// The mapping analyzer on the generator benchmark's project (50 objects x 200 attributes, 500 mapped classes, plus the
/// generated code). Two groups, each with its own baseline:
/// <list type="bullet">
/// <item>Build: the compiler's diagnostics for the whole compilation; MappingAnalyzer's own actions over every type of the
/// compiled project (<see cref="DirectAnalysis"/>, a new instance after the generator, as in a command-line build: the
/// analyzer takes the generator's parse of the schema), which is the analyzer's share; and the whole analyses with
/// MappingAnalyzer and with an empty analyzer, whose difference the noise of two multi-second figures swamps (see
/// <see cref="AnalyzerTimeScenario"/>, which also prints what each whole analysis spent on GC).</item>
/// <item>Edit: after a keystroke in one mapped class, the compiler's diagnostics for that document, then that document's
/// analysis with the MappingAnalyzer instance of earlier analyses (schema cache warm, as in a running editor).</item>
/// </list>
/// Every compile and analysis works on a fresh copy of the compilation (<see cref="Compilation.Clone"/>), as a build or an
/// edit gets one: nothing bound by an earlier iteration is reused. The direct row runs on a copy the compiler bound once in
/// setup, because a build's analyzer sees symbols the compiler has completed.
/// </summary>
[MemoryDiagnoser]
[GcServer(true)] // as the compiler runs (csc and VBCSCompiler set System.GC.Server)
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AnalyzerBenchmarks
{
    private const string Build = "Build";
    private const string Edit = "Edit";

    private Compilation _compiled = null!;
    private Compilation _bound = null!;
    private ImmutableArray<INamedTypeSymbol> _types;
    private Compilation _edited = null!;
    private SyntaxTree _editedTree = null!;
    private AnalyzerOptions _options = null!;
    private readonly MappingAnalyzer _warmAnalyzer = new();

    [GlobalSetup]
    public void Setup()
    {
        var parse = GeneratorBenchmarks.ParseOptions;
        var schema = GeneratorBenchmarks.SchemaFile(SyntheticWorkspace.Schema(GeneratorBenchmarks.Objects, GeneratorBenchmarks.AttributesPerObject));
        _options = new AnalyzerOptions(schema);
        _compiled = GeneratorBenchmarks.WithGeneratedCode(GeneratorBenchmarks.Project(), schema);
        var firstEvent = _compiled.SyntaxTrees.Single(t => t.FilePath == "Event0.cs");
        _editedTree = CSharpSyntaxTree.ParseText(
            SyntheticWorkspace.MappedClass(0, GeneratorBenchmarks.Objects, "[AttioMap(\"a34\")] public string? Other { get; init; }"), parse, path: "Event0.cs");
        _edited = _compiled.ReplaceSyntaxTree(firstEvent, _editedTree);

        // The analyzer must have work to do but nothing to report, and its cache must be warm for the edit group. The copy
        // bound by the compiler's check is the one the direct row analyzes.
        var mappingDiagnostics = _compiled.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(_warmAnalyzer), _options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        _bound = _compiled.Clone();
        if (_bound.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) || mappingDiagnostics.Length != 0)
        {
            throw new InvalidOperationException("The synthetic project does not compile cleanly or has mapping diagnostics.");
        }

        _types = DirectAnalysis.SourceTypes(_bound);
        DirectAnalysis.ProveItReachesTheChecks(_compiled, _options);
    }

    [Benchmark(Baseline = true, Description = "Build: compiler diagnostics, whole compilation")]
    [BenchmarkCategory(Build)]
    public int CompilerOnly() => _compiled.Clone().GetDiagnostics().Length;

    [Benchmark(Description = "Build: compiler + MappingAnalyzer (new instance, after the generator)")]
    [BenchmarkCategory(Build)]
    public int CompilerAndAnalyzer() => AnalyzeAll(new MappingAnalyzer());

    [Benchmark(Description = "Build: MappingAnalyzer's actions on every type of the compiled project (direct, new instance)")]
    [BenchmarkCategory(Build)]
    public int AnalyzerActionsOnly() => DirectAnalysis.Run(new MappingAnalyzer(), _bound, _options, _types);

    [Benchmark(Description = "Build: compiler + empty analyzer (driver only)")]
    [BenchmarkCategory(Build)]
    public int CompilerAndEmptyAnalyzer() => AnalyzeAll(new EmptyAnalyzer());

    [Benchmark(Baseline = true, Description = "Edit: compiler diagnostics, edited document")]
    [BenchmarkCategory(Edit)]
    public int DocumentCompilerOnly() => _edited.Clone().GetSemanticModel(_editedTree).GetDiagnostics().Length;

    [Benchmark(Description = "Edit: MappingAnalyzer on the edited document (warm)")]
    [BenchmarkCategory(Edit)]
    public int DocumentAnalyzer() => AnalyzeDocument(_warmAnalyzer);

    [Benchmark(Description = "Edit: empty analyzer on the edited document")]
    [BenchmarkCategory(Edit)]
    public int DocumentEmptyAnalyzer() => AnalyzeDocument(new EmptyAnalyzer());

    // GetAllDiagnosticsAsync: the compiler's diagnostics and the analyzer's, as a build produces them together.
    private int AnalyzeAll(DiagnosticAnalyzer analyzer) =>
        _compiled.Clone().WithAnalyzers(ImmutableArray.Create(analyzer), _options)
            .GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult().Length;

    private int AnalyzeDocument(DiagnosticAnalyzer analyzer)
    {
        var withAnalyzer = _edited.Clone().WithAnalyzers(ImmutableArray.Create(analyzer), _options);
        return withAnalyzer.GetAnalyzerSemanticDiagnosticsAsync(withAnalyzer.Compilation.GetSemanticModel(_editedTree), null, CancellationToken.None)
            .GetAwaiter().GetResult().Length;
    }

    // RS1001/RS2008 are for shipped analyzers; this one is never loaded by a compiler, only handed to WithAnalyzers.
#pragma warning disable RS1001, RS2008

    /// <summary>Registers what MappingAnalyzer registers and does nothing: the analyzer driver's share of the measurement.</summary>
    internal sealed class EmptyAnalyzer : DiagnosticAnalyzer
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
}
