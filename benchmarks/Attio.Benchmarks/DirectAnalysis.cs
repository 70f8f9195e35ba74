using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Attio.Benchmarks;

/// <summary>
/// Runs an analyzer's compilation-start and symbol actions itself, on one thread, over every named type of a compilation
/// the compiler has already bound. What it times is the analyzer's own work and nothing else: a whole analysis through
/// the analyzer driver also binds the compilation and schedules callbacks on two shared cores, and there the analyzer's
/// share is the difference of two noisy 7-second figures (the garbage collector alone pauses 3-4 s of each).
/// </summary>
/// <remarks>
/// Every named type is visited, the generated records too, which a build's driver skips for an analyzer that asks not to
/// analyze generated code: the figure is an upper bound. An analyzer that registers any other kind of action fails here
/// rather than being timed without it.
/// </remarks>
internal static class DirectAnalysis
{
    /// <summary>Every named type declared in <paramref name="compilation"/>'s source, nested ones included.</summary>
    public static ImmutableArray<INamedTypeSymbol> SourceTypes(Compilation compilation)
    {
        var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    pending.Push(container);
                }

                if (member is INamedTypeSymbol type)
                {
                    types.Add(type);
                }
            }
        }

        return types.ToImmutable();
    }

    /// <summary>Runs <paramref name="analyzer"/> over <paramref name="types"/>; returns how many diagnostics it reported.</summary>
    public static int Run(DiagnosticAnalyzer analyzer, Compilation compilation, AnalyzerOptions options, ImmutableArray<INamedTypeSymbol> types, Action<Diagnostic>? report = null)
    {
        var context = new RecordingContext();
        analyzer.Initialize(context);
        int reported = 0;
        Action<Diagnostic> onReport = d =>
        {
            reported++;
            report?.Invoke(d);
        };
        foreach (var startAction in context.StartActions)
        {
            var start = new RecordingStartContext(compilation, options);
            startAction(start);
            foreach (var type in types)
            {
#pragma warning disable CS0618 // the public constructor is the one meant for running an action outside the driver
                var symbolContext = new SymbolAnalysisContext(type, compilation, options, onReport, _ => true, CancellationToken.None);
#pragma warning restore CS0618
                foreach (var symbolAction in start.NamedTypeActions)
                {
                    symbolAction(symbolContext);
                }
            }
        }

        return reported;
    }

    /// <summary>
    /// Throws unless MappingAnalyzer run this way reports a mapping to an attribute that does not exist, planted in the
    /// benchmark project's Event0.cs: a harness that silently skipped the analyzer's checks would time nothing.
    /// </summary>
    public static void ProveItReachesTheChecks(Compilation compiled, AnalyzerOptions options)
    {
        var mappedTree = compiled.SyntaxTrees.Single(t => t.FilePath == "Event0.cs");
        string broken = SyntheticWorkspace.MappedClass(0, GeneratorBenchmarks.Objects, "[AttioMap(\"no_such_attribute\")] public string? Missing { get; init; }");
        var compilation = compiled.ReplaceSyntaxTree(mappedTree, CSharpSyntaxTree.ParseText(broken, GeneratorBenchmarks.ParseOptions, mappedTree.FilePath));
        if (Run(new Attio.Generators.Analysis.MappingAnalyzer(), compilation, options, SourceTypes(compilation)) == 0)
        {
            throw new InvalidOperationException("DirectAnalysis ran MappingAnalyzer over a mapping to an attribute that does not exist and it reported nothing.");
        }
    }

    private sealed class RecordingContext : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> StartActions { get; } = [];

        public override void EnableConcurrentExecution()
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => StartActions.Add(action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unsupported();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unsupported();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unsupported();
    }

    private sealed class RecordingStartContext(Compilation compilation, AnalyzerOptions options)
        : CompilationStartAnalysisContext(compilation, options, CancellationToken.None)
    {
        public List<Action<SymbolAnalysisContext>> NamedTypeActions { get; } = [];

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
        {
            if (symbolKinds is not [SymbolKind.NamedType])
            {
                throw Unsupported();
            }

            NamedTypeActions.Add(action);
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw Unsupported();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unsupported();
    }

    private static NotSupportedException Unsupported() =>
        new("DirectAnalysis runs compilation-start and named-type symbol actions only; time an analyzer that registers more through the driver.");
}
