using System.Collections;
using Attio.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Attio.Generators.Tests.Mapping;

/// <summary>Editing one mapped class regenerates only that class; unrelated edits leave every mapping output cached.</summary>
public sealed class MappingIncrementalTests
{
    private const string Profile = """
        using Attio;
        namespace App;
        [AttioObject("people")]
        public partial class ProfileUpdated
        {
            [AttioMap("twitter")] public string? Twitter { get; set; }
        }
        """;

    private const string Signup = """
        using Attio;
        namespace App;
        [AttioObject("people")]
        [AttioObject("users")]
        public partial class UserSignedUp
        {
            [AttioMap("email_addresses")] public string Email { get; set; } = "";
            [AttioMap("user_id")] public string UserId { get; set; } = "";
        }
        """;

    private static readonly AdditionalText SchemaText = new InMemoryAdditionalText("/project/attio-schema.json", MappingHarness.Schema);

    private const string Unrelated = "namespace App; public static class Helpers { public static int Answer() => 42; }";

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.CreateCompilation(Profile, Signup, Unrelated);
        var driver = GeneratorHarness.CreateDriver(new[] { SchemaText }, MappingHarness.Options)
            .RunGenerators(compilation);
        return (driver, compilation);
    }

    private static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results[0].TrackedSteps[step]
            .SelectMany(s => s.Outputs)
            .Select(o => (o.Value, o.Reason))
            .ToList();

    [Fact]
    public void EditingOneClassRegeneratesOnlyThatClass()
    {
        var (driver, compilation) = FirstRun();
        var tree = compilation.SyntaxTrees.First();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(Profile.IndexOf("twitter", StringComparison.Ordinal), "twitter".Length, "linkedin")));
        driver = driver.RunGenerators(edited);

        var outputs = Outputs(driver, TrackingNames.MappingOutputs);
        Assert.Equal(2, outputs.Count);
        var profile = Assert.Single(outputs, o => o.Value.ToString()!.Contains("ProfileUpdated", StringComparison.Ordinal));
        var signup = Assert.Single(outputs, o => o.Value.ToString()!.Contains("UserSignedUp", StringComparison.Ordinal));
        Assert.Equal(IncrementalStepRunReason.Modified, profile.Reason);
        Assert.Contains(signup.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
    }

    [Fact]
    public void AnUnrelatedEditLeavesEveryMappingOutputCached()
    {
        var (driver, compilation) = FirstRun();
        var tree = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(tree.GetText().ToString().IndexOf("42", StringComparison.Ordinal), 2, "43")));
        driver = driver.RunGenerators(edited);

        foreach (string step in new[] { TrackingNames.MappedClasses, TrackingNames.MappingContext, TrackingNames.MappingOutputs })
        {
            Assert.All(Outputs(driver, step), o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        }
    }

    [Fact]
    public void ASchemaEditRechecksEveryClass()
    {
        var (driver, compilation) = FirstRun();
        var schema = MappingHarness.Schema.Replace("\"api_slug\": \"twitter\"", "\"api_slug\": \"x_handle\"", StringComparison.Ordinal);
        Assert.NotEqual(MappingHarness.Schema, schema);
        driver = driver.ReplaceAdditionalText(SchemaText, new InMemoryAdditionalText("/project/attio-schema.json", schema))
            .RunGenerators(compilation);

        Assert.Contains(Outputs(driver, TrackingNames.MappingOutputs), o => o.Reason == IncrementalStepRunReason.Modified);
        // The renamed attribute is now unknown: MappingAnalyzer says so (AnalyzerTests), not the generator.
        Assert.DoesNotContain(driver.GetRunResult().Diagnostics, d => d.Id == "ATTIO001");
    }

    [Fact]
    public void PipelineValuesHoldNoSymbolsSyntaxOrCompilation()
    {
        var (driver, _) = FirstRun();
        foreach (string step in new[] { TrackingNames.MappedClasses, TrackingNames.MappingContext, TrackingNames.MappingOutputs })
        {
            foreach (var (value, _) in Outputs(driver, step))
            {
                AssertNoRoslynObjects(value, step, 0);
            }
        }
    }

    private static void AssertNoRoslynObjects(object? value, string step, int depth)
    {
        if (value is null || depth > 12 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SemanticModel or SyntaxTree, $"{step} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, step, depth + 1);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertNoRoslynObjects(property.GetValue(value), step, depth + 1);
        }
    }
}
