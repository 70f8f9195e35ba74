using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Attio.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Attio.Benchmarks;

/// <summary>
/// The analyzer's share of a full build, three ways per round, against compiling the same project in that round:
/// <list type="bullet">
/// <item>its actions run directly over every type of the compiled project (<see cref="DirectAnalysis"/>): the analyzer's
/// own work, after the generator's parse (as in a build) and on a schema text nobody parsed. This is the gated figure.</item>
/// <item>the time the analyzer driver accounts to it (<c>logAnalyzerExecutionTime</c>): wall time inside its callbacks
/// while the compiler binds on the same two cores, so it includes waiting for a core and garbage-collection pauses.</item>
/// <item>the wall-clock difference of two whole analyses (MappingAnalyzer vs an empty analyzer), with each analysis's CPU
/// time, GC pauses and allocation printed, which shows what that difference is made of.</item>
/// </list>
/// Exits non-zero when the direct share is above 5%.
/// </summary>
public static class AnalyzerTimeScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        string schemaJson = SyntheticWorkspace.Schema(GeneratorBenchmarks.Objects, GeneratorBenchmarks.AttributesPerObject);
        var schema = GeneratorBenchmarks.SchemaFile(schemaJson);
        var compiled = GeneratorBenchmarks.WithGeneratedCode(GeneratorBenchmarks.Project(), schema);
        DirectAnalysis.ProveItReachesTheChecks(compiled, new AnalyzerOptions(schema));
        Console.WriteLine($"Analyzer time: {GeneratorBenchmarks.MappedClasses} mapped classes, {GeneratorBenchmarks.Objects} objects x {GeneratorBenchmarks.AttributesPerObject} attributes; {rounds} rounds, each: compile, then a build's analysis (after the generator), then an analysis of a schema text nobody parsed; {(System.Runtime.GCSettings.IsServerGC ? "server GC, as the compiler runs" : "workstation GC (the compiler runs with server GC: set DOTNET_gcServer=1)")}");

        var compileTimes = new List<double>();
        var direct = new List<double>();
        var directCold = new List<double>();
        var afterGenerator = new List<double>();
        var wallShares = new List<double>();
        for (int round = 0; round <= rounds; round++)
        {
            var bound = compiled.Clone();
            var clock = Stopwatch.StartNew();
            _ = bound.GetDiagnostics();
            double compile = clock.Elapsed.TotalMilliseconds;
            var types = DirectAnalysis.SourceTypes(bound);
            var unparsed = GeneratorBenchmarks.SchemaFile(schemaJson + new string(' ', round + 1));
            double actions = DirectMilliseconds(bound, schema, types);
            double actionsCold = DirectMilliseconds(bound, unparsed, types);
            double accounted = await AnalyzerMillisecondsAsync(compiled, schema);
            // The same as AnalyzerBenchmarks' Build rows, paired in one round: a whole analysis with MappingAnalyzer and with
            // an empty analyzer, both with the compiler's diagnostics.
            double withMapping = await WallMillisecondsAsync(compiled, schema, new MappingAnalyzer());
            double withEmpty = await WallMillisecondsAsync(compiled, schema, new AnalyzerBenchmarks.EmptyAnalyzer());
            // Round 0 warms the JIT and is not counted.
            if (round > 0)
            {
                compileTimes.Add(compile);
                direct.Add(actions);
                directCold.Add(actionsCold);
                afterGenerator.Add(accounted);
                wallShares.Add((withMapping - withEmpty) / compile);
            }

            Console.WriteLine($"  round {round}{(round == 0 ? " (warm-up)" : string.Empty)}: compile {compile:0} ms; MappingAnalyzer's actions {actions:0.0} ms ({actionsCold:0} ms parsing the schema itself); driver-accounted {accounted:0} ms; whole analysis {withMapping:0} ms with it vs {withEmpty:0} ms with an empty analyzer");
        }

        double compileMedian = Median(compileTimes);
        double share = Median(direct) / compileMedian;
        Console.WriteLine($"  medians: compile {compileMedian:0} ms; MappingAnalyzer's actions on every type {Median(direct):0.0} ms = {share:P2} of compiling (after the generator, as in a build), {Median(directCold):0} ms = {Median(directCold) / compileMedian:P1} when it parses the schema itself");
        Console.WriteLine($"  time the driver accounts to MappingAnalyzer (concurrent, includes waiting for a core and GC pauses): median {Median(afterGenerator):0} ms = {Median(afterGenerator) / compileMedian:P1}");
        Console.WriteLine($"  wall-clock difference of whole analyses (MappingAnalyzer - empty analyzer) / compile, per round: {string.Join(", ", wallShares.Select(w => w.ToString("P1", CultureInfo.InvariantCulture)))}; median {Median(wallShares):P1}");
        bool ok = share <= 0.05;
        Console.WriteLine(ok ? "Analyzer target met (<= 5% of compiling in a build)." : "MISSED: the analyzer takes more than 5% of compiling.");
        return ok ? 0 : 1;
    }

    private static double DirectMilliseconds(Compilation bound, ImmutableArray<AdditionalText> schema, ImmutableArray<INamedTypeSymbol> types)
    {
        var clock = Stopwatch.StartNew();
        if (DirectAnalysis.Run(new MappingAnalyzer(), bound, new AnalyzerOptions(schema), types) != 0)
        {
            throw new InvalidOperationException("The synthetic project has mapping diagnostics.");
        }

        return clock.Elapsed.TotalMilliseconds;
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
        var pause = GC.GetTotalPauseDuration();
        long allocated = GC.GetTotalAllocatedBytes();
        int gen2 = GC.CollectionCount(2), gen1 = GC.CollectionCount(1), gen0 = GC.CollectionCount(0);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        _ = await compiled.Clone().WithAnalyzers(ImmutableArray.Create(analyzer), new AnalyzerOptions(schema)).GetAllDiagnosticsAsync();
        double wall = clock.Elapsed.TotalMilliseconds;
        Console.WriteLine($"    {analyzer.GetType().Name}: wall {wall:0} ms, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms, GC pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:0} ms, gen0/1/2 {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:0} MB");
        return wall;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
