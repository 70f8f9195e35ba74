using Attio.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Attio.Generators.Tests.Mapping;

/// <summary>Runs the generator over mapped classes with the repository schema, and checks diagnostics exactly.</summary>
public static class MappingHarness
{
    public static readonly IReadOnlyDictionary<string, string> Options = new Dictionary<string, string> { ["build_property.AttioNamespace"] = "Northwind.Crm" };

    public static string Schema { get; } = File.ReadAllText(RepositoryPaths.Schema);

    public static GeneratorRun Run(params string[] sources) => GeneratorHarness.Run(Schema, globalOptions: Options, sources: sources);

    /// <summary>Runs and requires no generator diagnostic of the mapping feature and a compilation without warnings.</summary>
    public static GeneratorRun RunClean(params string[] sources)
    {
        var run = Run(sources);
        var unexpected = run.AttioDiagnostics.Where(d => d.Id != "ATTIO017").Concat(run.CompilationProblems).ToList();
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected) + Environment.NewLine + string.Join(Environment.NewLine, run.GeneratedSources.Where(s => s.Key.StartsWith("Attio.Mapping.", StringComparison.Ordinal)).Select(s => s.Value)));
        return run;
    }

    /// <summary>The generator's and the analyzer's diagnostics, except the schema-level ATTIO017 infos of the repository schema.</summary>
    public static IReadOnlyList<Diagnostic> Diagnostics(GeneratorRun run) =>
        run.AttioDiagnostics.Where(d => d.Id != "ATTIO017").OrderBy(d => d.Location.SourceSpan.Start).ToList();

    /// <summary>Requires exactly one diagnostic: this id and message, at the source text <paramref name="at"/> on line <paramref name="line"/> (1-based).</summary>
    public static Diagnostic Single(GeneratorRun run, string id, string message, string at, int line)
    {
        var diagnostics = Diagnostics(run);
        Assert.True(diagnostics.Count == 1, "Expected one diagnostic, got: " + string.Join(Environment.NewLine, diagnostics));
        return AssertDiagnostic(diagnostics[0], id, message, at, line);
    }

    public static Diagnostic AssertDiagnostic(Diagnostic diagnostic, string id, string message, string at, int line)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(diagnostic.Location.IsInSource, $"{id} has no source location");
        Assert.Equal(at, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        return diagnostic;
    }

    public static string MappingSource(GeneratorRun run, string hintName) => run.GeneratedSources[hintName];
}
