using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Attio.Generators;
using Attio.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Attio.Benchmarks;

/// <summary>
/// The analyzer's own time on a full build, as the analyzer driver accounts it (<c>logAnalyzerExecutionTime</c>): the
/// time spent inside MappingAnalyzer's actions, against compiling the same project, alternating in one run. The
/// BenchmarkDotNet rows of <see cref="AnalyzerBenchmarks"/> measure the same through the difference of two whole
/// analyses, which the two shared cores' noise can hide; this figure is direct. Exits non-zero above 5%.
/// </summary>
public static class AnalyzerTimeScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var parse = GeneratorBenchmarks.ParseOptions;
        var compilation = GeneratorBenchmarks.Project();
        string schemaJson = SyntheticWorkspace.Schema(GeneratorBenchmarks.Objects, GeneratorBenchmarks.AttributesPerObject);
        var schema = ImmutableArray.Create<AdditionalText>(new GeneratorBenchmarks.SchemaText("/app/attio-schema.json", schemaJson));
        CSharpGeneratorDriver.Create(new[] { new AttioGenerator().AsSourceGenerator() }, schema, parse).RunGeneratorsAndUpdateCompilation(compilation, out var compiled, out _);
        Console.WriteLine($"Analyzer time: {GeneratorBenchmarks.MappedClasses} mapped classes, {GeneratorBenchmarks.Objects} objects x {GeneratorBenchmarks.AttributesPerObject} attributes; {rounds} rounds, each: compile, then a build's analysis (after the generator), then an analysis of a schema text nobody parsed");

        var compileTimes = new List<double>();
        var afterGenerator = new List<double>();
        var newSchema = new List<double>();
        var wallShares = new List<double>();
        for (int round = 0; round <= rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            _ = compiled.Clone().GetDiagnostics();
            double compile = clock.Elapsed.TotalMilliseconds;
            double warm = await AnalyzerMillisecondsAsync(compiled, schema);
            var unparsed = ImmutableArray.Create<AdditionalText>(new GeneratorBenchmarks.SchemaText("/app/attio-schema.json", schemaJson + new string(' ', round + 1)));
            double cold = await AnalyzerMillisecondsAsync(compiled, unparsed);
            // The same as AnalyzerBenchmarks' Build rows, paired in one round: a whole analysis with MappingAnalyzer and with
            // an empty analyzer, both with the compiler's diagnostics.
            double withMapping = await WallMillisecondsAsync(compiled, schema, new MappingAnalyzer());
            double withEmpty = await WallMillisecondsAsync(compiled, schema, new AnalyzerBenchmarks.EmptyAnalyzer());
            // Round 0 warms the JIT and is not counted.
            if (round > 0)
            {
                compileTimes.Add(compile);
                afterGenerator.Add(warm);
                newSchema.Add(cold);
                wallShares.Add((withMapping - withEmpty) / compile);
            }

            Console.WriteLine($"  round {round}{(round == 0 ? " (warm-up)" : string.Empty)}: compile {compile:0} ms; MappingAnalyzer {warm:0} ms after the generator, {cold:0} ms on an unparsed schema text; whole analysis {withMapping:0} ms with it vs {withEmpty:0} ms with an empty analyzer");
        }

        double compileMedian = Median(compileTimes);
        double warmShare = Median(afterGenerator) / compileMedian;
        double coldShare = Median(newSchema) / compileMedian;
        Console.WriteLine($"  medians: compile {compileMedian:0} ms; MappingAnalyzer {Median(afterGenerator):0} ms = {warmShare:P1} of compiling in a build (after the generator), {Median(newSchema):0} ms = {coldShare:P1} when it parses the schema itself");
        Console.WriteLine($"  wall-clock difference of whole analyses (MappingAnalyzer - empty analyzer) / compile, per round: {string.Join(", ", wallShares.Select(w => w.ToString("P1", CultureInfo.InvariantCulture)))}; median {Median(wallShares):P1}");
        bool ok = warmShare <= 0.05;
        Console.WriteLine(ok ? "Analyzer target met (<= 5% of compiling in a build)." : "MISSED: the analyzer takes more than 5% of compiling.");
        return ok ? 0 : 1;
    }

    private static async Task<double> AnalyzerMillisecondsAsync(Compilation compiled, ImmutableArray<AdditionalText> schema)
    {
        var analyzer = new MappingAnalyzer();
        var withAnalyzer = compiled.Clone().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(schema), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
        var diagnostics = await withAnalyzer.GetAnalyzerDiagnosticsAsync();
        if (diagnostics.Length != 0)
        {
            throw new InvalidOperationException("The synthetic project has mapping diagnostics: " + diagnostics[0]);
        }

        return (await withAnalyzer.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
    }

    private static async Task<double> WallMillisecondsAsync(Compilation compiled, ImmutableArray<AdditionalText> schema, DiagnosticAnalyzer analyzer)
    {
        var clock = Stopwatch.StartNew();
        _ = await compiled.Clone().WithAnalyzers(ImmutableArray.Create(analyzer), new AnalyzerOptions(schema)).GetAllDiagnosticsAsync();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
