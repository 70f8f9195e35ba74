using System.Collections.Immutable;
using Attio.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Attio.Benchmarks.Tests;

/// <summary>
/// The analyzer benchmark's direct row times MappingAnalyzer's actions outside the analyzer driver; it times the real
/// work only if running them that way reports exactly what the driver reports.
/// </summary>
public sealed class DirectAnalysisTests
{
    [Fact]
    public async Task RunningTheActionsDirectlyReportsWhatTheDriverReports()
    {
        var project = GeneratorBenchmarks.Library(new[]
        {
            SyntheticWorkspace.MappedClass(0, 3),
            SyntheticWorkspace.MappedClass(1, 3, "[AttioMap(\"no_such_attribute\")] public string? Missing { get; init; }"),
            SyntheticWorkspace.MappedClass(2, 3, "[AttioMap(\"key\")] public string? KeyAgain { get; init; }"),
            SyntheticWorkspace.MappedClass(3, 3, "[AttioMap(\"a35\")] public bool WrongType { get; init; }"),
        }.Select((source, i) => (source, $"Event{i}.cs")));
        var schema = GeneratorBenchmarks.SchemaFile(SyntheticWorkspace.Schema(3, 40));
        var compiled = GeneratorBenchmarks.WithGeneratedCode(project, schema);
        var options = new AnalyzerOptions(schema);

        var byDriver = await compiled.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MappingAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        var direct = new List<Diagnostic>();
        int count = DirectAnalysis.Run(new MappingAnalyzer(), compiled, options, DirectAnalysis.SourceTypes(compiled), direct.Add);

        Assert.Equal(direct.Count, count);
        Assert.Equal(["ATTIO001", "ATTIO002", "ATTIO008"], byDriver.Select(d => d.Id).Distinct().Order());
        Assert.Equal(Describe(byDriver), Describe(direct));
    }

    [Fact]
    public void TheSourceTypesIncludeNestedTypes()
    {
        var compilation = CSharpCompilation.Create("App", [CSharpSyntaxTree.ParseText("namespace A.B { class Outer { class Inner { } } } class Top { }")]);

        Assert.Equal(["Inner", "Outer", "Top"], DirectAnalysis.SourceTypes(compilation).Select(t => t.Name).Order());
    }

    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath} {d.Location.SourceSpan} {d.GetMessage()}").Order().ToList();
}
