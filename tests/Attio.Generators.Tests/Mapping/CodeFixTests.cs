using System.Collections.Immutable;
using Attio.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Attio.Generators.Tests.Mapping;

/// <summary>The code fixes applied through an AdhocWorkspace to the diagnostics a build reports.</summary>
public sealed class CodeFixTests
{
    private const string Header = "using Attio;\nusing System;\nusing System.Collections.Generic;\nnamespace App;\n";

    private static Task<string?> ApplyAsync(string source) => ApplyAsync(source, new UseSuggestedSlugCodeFix());

    /// <summary>
    /// Builds with generator and analyzer, requires one diagnostic, offers it to <paramref name="provider"/> in an
    /// AdhocWorkspace and applies the action titled <paramref name="title"/> (or the only one); null when none is offered.
    /// </summary>
    private static async Task<string?> ApplyAsync(string source, CodeFixProvider provider, string? title = null, List<string>? offered = null)
    {
        var run = MappingHarness.Run(source);
        var diagnostic = Assert.Single(MappingHarness.Diagnostics(run));

        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "Consumer", "Consumer", LanguageNames.CSharp,
            parseOptions: Infrastructure.GeneratorHarness.ParseOptions, metadataReferences: Infrastructure.GeneratorHarness.References,
            compilationOptions: new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)));
        var document = workspace.AddDocument(project.Id, "Source0.cs", SourceText.From(source));
        var tree = (await document.GetSyntaxTreeAsync())!;
        var located = Diagnostic.Create(diagnostic.Descriptor, Microsoft.CodeAnalysis.Location.Create(tree, diagnostic.Location.SourceSpan), diagnostic.Properties);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, located, (action, _) => actions.Add(action), CancellationToken.None);
        Assert.Contains(diagnostic.Id, provider.FixableDiagnosticIds);
        await provider.RegisterCodeFixesAsync(context);
        offered?.AddRange(actions.Select(a => a.Title));
        if (actions.Count == 0)
        {
            return null;
        }

        var action = title is null ? Assert.Single(actions) : Assert.Single(actions, a => a.Title == title);
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    [Fact]
    public async Task ReplacesAMistypedAttributeSlug()
    {
        string fixedSource = (await ApplyAsync(Header + """
            [AttioObject("people")]
            public partial class ProfileUpdated
            {
                [AttioMap("twiter")] public string? Twitter { get; set; }
            }
            """))!;
        Assert.Contains("[AttioMap(\"twitter\")] public string? Twitter", fixedSource, StringComparison.Ordinal);
        Assert.Empty(MappingHarness.Diagnostics(MappingHarness.Run(fixedSource)));
    }

    [Fact]
    public async Task ReplacesAMistypedObjectSlug()
    {
        string fixedSource = (await ApplyAsync(Header + """
            [AttioObject("compnies")]
            public partial class CompanyUpdated
            {
                [AttioMap("twitter")] public string? Twitter { get; set; }
            }
            """))!;
        Assert.Contains("[AttioObject(\"companies\")]", fixedSource, StringComparison.Ordinal);
        Assert.Empty(MappingHarness.Diagnostics(MappingHarness.Run(fixedSource)));
    }

    [Fact]
    public async Task OffersNothingWithoutASuggestion()
    {
        Assert.Null(await ApplyAsync(Header + """
            [AttioObject("people")]
            public partial class ProfileUpdated
            {
                [AttioMap("shoe_size")] public string? ShoeSize { get; set; }
            }
            """));
    }

    [Fact]
    public void ThePropertyNamesMatchTheAnalyzer()
    {
        Assert.Equal(Attio.Generators.Mapping.MappingDiagnostic.SuggestionProperty, UseSuggestedSlugCodeFix.SuggestionProperty);
        Assert.Equal(Attio.Generators.Mapping.MappingDiagnostic.SuggestionsProperty, UseMappedUniqueAttributeCodeFix.SuggestionsProperty);
        Assert.Equal(Attio.Generators.Mapping.MappingDiagnostic.RenamesProperty, RenameEnumMemberCodeFix.RenamesProperty);
    }

    [Fact]
    public async Task ATTIO003_RemovesTheReadOnlyMapping()
    {
        string fixedSource = (await ApplyAsync(Header + """
            [AttioObject("people")]
            public partial class ProfileUpdated
            {
                [AttioMap("twitter")] public string? Twitter { get; set; }
                [AttioMap("created_at")] public DateTimeOffset CreatedAt { get; set; }
            }
            """, new RemoveMappingCodeFix()))!;
        Assert.Contains("\n    public DateTimeOffset CreatedAt { get; set; }", fixedSource, StringComparison.Ordinal);
        Assert.Contains("[AttioMap(\"twitter\")] public string? Twitter", fixedSource, StringComparison.Ordinal);
        MappingHarness.RunClean(fixedSource);
    }

    [Fact]
    public async Task ATTIO003_KeepsTheOtherAttributesOfTheList()
    {
        string fixedSource = (await ApplyAsync(Header + """
            [AttioObject("people")]
            public partial class ProfileUpdated
            {
                [Obsolete, AttioMap("created_at")] public DateTimeOffset CreatedAt { get; set; }
            }
            """, new RemoveMappingCodeFix()))!;
        Assert.Contains("[Obsolete] public DateTimeOffset CreatedAt", fixedSource, StringComparison.Ordinal);
        Assert.Empty(MappingHarness.Diagnostics(MappingHarness.Run(fixedSource)));
    }

    [Fact]
    public async Task ATTIO008_RemovesTheSecondMapping()
    {
        string fixedSource = (await ApplyAsync(Header + """
            [AttioObject("people")]
            public partial class ProfileUpdated
            {
                [AttioMap("twitter")] public string? Twitter { get; set; }

                [AttioMap("twitter")]
                public string? X { get; set; }
            }
            """, new RemoveMappingCodeFix()))!;
        Assert.Contains("[AttioMap(\"twitter\")] public string? Twitter", fixedSource, StringComparison.Ordinal);
        Assert.Contains("\n\n    public string? X { get; set; }", fixedSource, StringComparison.Ordinal);
        MappingHarness.RunClean(fixedSource);
    }

    [Fact]
    public async Task ATTIO018_MakesTheClassAndItsContainersPartial()
    {
        string fixedSource = (await ApplyAsync(Header + """
            public static class Events
            {
                [AttioObject("people")]
                public sealed class ProfileUpdated
                {
                    [AttioMap("twitter")] public string? Twitter { get; set; }
                }
            }
            """, new MakePartialCodeFix()))!;
        Assert.Contains("public static partial class Events", fixedSource, StringComparison.Ordinal);
        Assert.Contains("    public sealed partial class ProfileUpdated", fixedSource, StringComparison.Ordinal);
        MappingHarness.RunClean(fixedSource);
    }

    [Fact]
    public async Task ATTIO018_AddsPartialToAClassWithoutModifiers()
    {
        string fixedSource = (await ApplyAsync(Header + """
            [AttioObject("people")]
            class ProfileUpdated
            {
                [AttioMap("twitter")] public string? Twitter { get; set; }
            }
            """, new MakePartialCodeFix()))!;
        Assert.Contains("[AttioObject(\"people\")]\npartial class ProfileUpdated", fixedSource, StringComparison.Ordinal);
        MappingHarness.RunClean(fixedSource);
    }

    [Fact]
    public async Task ATTIO020_OffersEachMappedUniqueAttribute()
    {
        var offered = new List<string>();
        string fixedSource = (await ApplyAsync(Header + """
            [AttioObject("subscriptions", MatchOn = "invoice_reference")]
            public partial class InvoicePaid
            {
                [AttioMap("subscription_id")] public string? Subscription { get; set; }
                [AttioMap("plan")] public string? Plan { get; set; }
            }
            """, new UseMappedUniqueAttributeCodeFix(), "Match on 'subscription_id'", offered))!;
        Assert.Equal(new[] { "Match on 'subscription_id'" }, offered);
        Assert.Contains("MatchOn = \"subscription_id\"", fixedSource, StringComparison.Ordinal);
        MappingHarness.RunClean(fixedSource);
    }

    [Fact]
    public async Task ATTIO020_OffersNothingWhenNoUniqueAttributeIsMapped()
    {
        Assert.Null(await ApplyAsync(Header + """
            [AttioObject("subscriptions", MatchOn = "invoice_reference")]
            public partial class InvoicePaid
            {
                [AttioMap("plan")] public string? Plan { get; set; }
            }
            """, new UseMappedUniqueAttributeCodeFix()));
    }

    [Fact]
    public async Task ATTIO021_RenamesTheEnumMemberAfterTheClosestOptionEverywhere()
    {
        var offered = new List<string>();
        string fixedSource = (await ApplyAsync(Header + """
            public enum Stage { Trialing, Active, PastDue, Canceled }
            [AttioObject("subscriptions")]
            public partial class SubscriptionChanged
            {
                [AttioMap("stage")] public Stage? Stage { get; set; }
                public bool IsTrial => Stage == App.Stage.Trialing;
            }
            """, new RenameEnumMemberCodeFix(), "Rename 'Trialing' to 'Trial' (closest option)", offered))!;
        Assert.Equal(new[] { "Rename 'Trialing' to 'Trial' (closest option)", "Rename 'Canceled' to 'Cancelled' (closest option)" }, offered);
        Assert.Contains("public enum Stage { Trial, Active, PastDue, Canceled }", fixedSource, StringComparison.Ordinal);
        Assert.Contains("Stage == App.Stage.Trial;", fixedSource, StringComparison.Ordinal);
        var remaining = Assert.Single(MappingHarness.Diagnostics(MappingHarness.Run(fixedSource)));
        Assert.Contains("Canceled", remaining.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
