using Attio.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Attio.Generators.Tests.Mapping;

/// <summary>
/// An unedited class keeps its model from the earlier run, and yet what it depends on in other files still counts: a
/// constant naming its object, an enum it maps.
/// </summary>
public sealed class UnchangedClassesTests
{
    private static readonly AdditionalText SchemaText = new InMemoryAdditionalText("/project/attio-schema.json", MappingHarness.Schema);

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) Run(params string[] sources)
    {
        var compilation = GeneratorHarness.CreateCompilation(sources);
        return (GeneratorHarness.CreateDriver(new[] { SchemaText }, MappingHarness.Options).RunGenerators(compilation), compilation);
    }

    private static CSharpCompilation Edit(CSharpCompilation compilation, string path, string source) =>
        compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(t => t.FilePath == path), CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: path));

    private static List<object> MappedClasses(GeneratorDriver driver) =>
        driver.GetRunResult().Results[0].TrackedSteps[TrackingNames.MappedClasses].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();

    private static string MappingSource(GeneratorDriver driver, string className) =>
        driver.GetRunResult().Results[0].GeneratedSources.Single(s => s.HintName == $"Attio.Mapping.App.{className}.g.cs").SourceText.ToString();

    [Fact]
    public void AnUnrelatedEditHandsBackTheSameModels()
    {
        var (driver, compilation) = Run(
            "using Attio; namespace App; [AttioObject(\"people\")] public partial class A { [AttioMap(\"job_title\")] public string? Title { get; set; } [AttioMap(\"primary_location\")] public Location? Where { get; set; } }",
            "using Attio; namespace App; [AttioObject(\"companies\")] public partial class B { [AttioMap(\"description\")] public string? About { get; set; } }",
            "namespace App; public static class Helpers { public static int Answer() => 42; }");
        var before = MappedClasses(driver);

        driver = driver.RunGenerators(Edit(compilation, "Source2.cs", "namespace App; public static class Helpers { public static int Answer() => 43; }"));
        var after = MappedClasses(driver);

        Assert.Equal(2, before.Count(v => v is not null));
        Assert.Equal(before.Count, after.Count);
        Assert.All(before.Zip(after), pair => Assert.Same(pair.First, pair.Second));
    }

    [Fact]
    public void AConstantInAnotherFileStillDecidesTheObject()
    {
        const string Slugs = "namespace App; public static class Slugs { public const string Target = \"people\"; }";
        var (driver, compilation) = Run(
            "using Attio; namespace App; [AttioObject(Slugs.Target)] public partial class Tagged { [AttioMap(\"description\")] public string? About { get; set; } }",
            Slugs);
        Assert.Contains("ToPerson()", MappingSource(driver, "Tagged"), StringComparison.Ordinal);

        driver = driver.RunGenerators(Edit(compilation, "Source1.cs", Slugs.Replace("people", "companies", StringComparison.Ordinal)));

        string source = MappingSource(driver, "Tagged");
        Assert.Contains("ToCompany()", source, StringComparison.Ordinal);
        Assert.DoesNotContain("ToPerson()", source, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEnumInAnotherFileStillDecidesTheMembersConversion()
    {
        const string Stage = "namespace App; public enum Stage { Trial, Active }";
        var (driver, compilation) = Run(
            "using Attio; namespace App; [AttioObject(\"subscriptions\")] public partial class Sub { [AttioMap(\"subscription_id\")] public string? Id { get; set; } [AttioMap(\"stage\")] public Stage? Stage { get; set; } }",
            Stage);
        Assert.DoesNotContain("PastDue", MappingSource(driver, "Sub"), StringComparison.Ordinal);

        driver = driver.RunGenerators(Edit(compilation, "Source1.cs", "namespace App; public enum Stage { Trial, Active, PastDue }"));

        Assert.Contains("PastDue", MappingSource(driver, "Sub"), StringComparison.Ordinal);
    }
}
