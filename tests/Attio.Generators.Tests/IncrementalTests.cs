using System.Collections;
using System.Reflection;
using Attio.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static Attio.Generators.Tests.Infrastructure.SchemaBuilder;

namespace Attio.Generators.Tests;

public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps =
    {
        TrackingNames.SchemaFiles, TrackingNames.ParsedSchemas, TrackingNames.ChosenSchema, TrackingNames.Settings,
        TrackingNames.Model, TrackingNames.Records, TrackingNames.Client,
    };

    [Fact]
    public void AnUnrelatedCSharpEditLeavesEveryStepCachedOrUnchanged()
    {
        var schema = new InMemoryAdditionalText("/project/attio-schema.json", File.ReadAllText(RepositoryPaths.Schema));
        var compilation = GeneratorHarness.CreateCompilation("namespace App { public class Handler { public int Value => 1; } }");
        var driver = GeneratorHarness.CreateDriver(new[] { schema }).RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText("namespace App { public class Handler { public int Value => 2; public string Name => \"x\"; } }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (string step in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} is not tracked");
            var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void ASchemaEditRegeneratesOnlyTheChangedObject()
    {
        string original = Document(Object("people", "Person", Attribute("twitter", "text")), Object("companies", "Company", Attribute("name", "text")));
        string changed = Document(Object("people", "Person", Attribute("twitter", "text"), Attribute("github", "text")), Object("companies", "Company", Attribute("name", "text")));
        var before = new InMemoryAdditionalText("/project/attio-schema.json", original);
        var compilation = GeneratorHarness.CreateCompilation("class C {}");
        var driver = GeneratorHarness.CreateDriver(new[] { before }).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(before, new InMemoryAdditionalText("/project/attio-schema.json", changed)).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[TrackingNames.ParsedSchemas].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        var records = result.TrackedSteps[TrackingNames.Records].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, records.Count);
        Assert.Single(records, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(records, o => o.Reason == IncrementalStepRunReason.Unchanged);
        Assert.Contains("Github", result.GeneratedSources.Single(s => s.HintName == "Attio.Person.g.cs").SourceText.ToString());
    }

    [Fact]
    public void AChangedNamespaceRegenerates()
    {
        var schema = new InMemoryAdditionalText("/project/attio-schema.json", Document(Object("people", "Person", Attribute("twitter", "text"))));
        var compilation = GeneratorHarness.CreateCompilation("class C {}");
        var first = GeneratorHarness.CreateDriver(new[] { schema }, new Dictionary<string, string> { ["build_property.AttioNamespace"] = "One" }).RunGenerators(compilation);
        var second = GeneratorHarness.CreateDriver(new[] { schema }, new Dictionary<string, string> { ["build_property.AttioNamespace"] = "Two" }).RunGenerators(compilation);

        Assert.Contains("namespace One;", first.GetRunResult().GeneratedTrees.First().ToString());
        Assert.Contains("namespace Two;", second.GetRunResult().GeneratedTrees.First().ToString());
    }

    [Fact]
    public void NoStepOutputHoldsACompilationASymbolOrASyntaxNode()
    {
        var schema = new InMemoryAdditionalText("/project/attio-schema.json", File.ReadAllText(RepositoryPaths.Schema));
        var result = GeneratorHarness.CreateDriver(new[] { schema }).RunGenerators(GeneratorHarness.CreateCompilation("class C {}")).GetRunResult().Results.Single();

        foreach (var (step, runs) in result.TrackedSteps)
        {
            foreach (var output in runs.SelectMany(r => r.Outputs))
            {
                AssertNoRoslynObjects(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance), depth: 0);
            }
        }
    }

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> seen, int depth)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || depth > 12)
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SemanticModel, $"{path} holds a {value.GetType().Name}");
        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, path + "[]", seen, depth + 1);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), path + "." + field.Name, seen, depth + 1);
        }
    }
}
