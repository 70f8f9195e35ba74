using System.Collections.Immutable;
using Attio.Generators;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Attio.Benchmarks;

/// <summary>
/// The generator's cost inside a large compilation: 50 objects x 200 attributes (every type) and 500 mapped classes.
/// Baseline: compiling the project (its sources plus what the generator wrote). Ratios: a full generator run, a run after
/// an unrelated edit, a run after editing one mapped class, and a minimal reference generator after the same unrelated
/// edit. The mapping analyzer on the same project: <see cref="AnalyzerBenchmarks"/>.
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
        var parse = ParseOptions;
        _compilation = Project();
        _schema = SchemaFile(SyntheticWorkspace.Schema(Objects, AttributesPerObject));

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

    private GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(new[] { new AttioGenerator().AsSourceGenerator() }, _schema, (CSharpParseOptions)_compilation.SyntaxTrees[0].Options, optionsProvider: null, new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    internal static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>The benchmark project: <see cref="MappedClasses"/> mapped classes (Event0.cs, ...) and an unrelated Handler.cs.</summary>
    internal static CSharpCompilation Project() => Library(
        Enumerable.Range(0, MappedClasses).Select(i => (SyntheticWorkspace.MappedClass(i, Objects), $"Event{i}.cs"))
            .Append(("namespace App; public static class Handler { public static int Value => 1; }", "Handler.cs")));

    /// <summary>A library of <paramref name="files"/> (source text, path) referencing the runtime, as the benchmark project is built.</summary>
    internal static CSharpCompilation Library(IEnumerable<(string Source, string Path)> files) =>
        CSharpCompilation.Create("App", files.Select(f => CSharpSyntaxTree.ParseText(f.Source, ParseOptions, path: f.Path)), References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A schema file as the compiler hands it to the generator and the analyzer (an AdditionalFile).</summary>
    internal static ImmutableArray<AdditionalText> SchemaFile(string json) =>
        ImmutableArray.Create<AdditionalText>(new SchemaText("/app/attio-schema.json", json));

    /// <summary><paramref name="project"/> with the generator's output added, as a build compiles it.</summary>
    internal static Compilation WithGeneratedCode(Compilation project, ImmutableArray<AdditionalText> schema)
    {
        CSharpGeneratorDriver.Create(new[] { new AttioGenerator().AsSourceGenerator() }, schema, ParseOptions)
            .RunGeneratorsAndUpdateCompilation(project, out var compiled, out _);
        return compiled;
    }

    internal static IEnumerable<MetadataReference> References()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");
        return paths.Append(typeof(AttioRecord).Assembly.Location).Distinct().Select(p => MetadataReference.CreateFromFile(p));
    }

    internal sealed class SchemaText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
