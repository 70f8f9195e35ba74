using System.Collections.Immutable;
using Attio.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Attio.Generators.Tests.Mapping;

/// <summary>The code fix applied through an AdhocWorkspace to the diagnostics the generator reports.</summary>
public sealed class CodeFixTests
{
    private const string Header = "using Attio;\nusing System;\nusing System.Collections.Generic;\nnamespace App;\n";

    private static async Task<string?> ApplyAsync(string source)
    {
        var run = MappingHarness.Run(source);
        var diagnostic = Assert.Single(MappingHarness.Diagnostics(run));

        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Consumer", LanguageNames.CSharp);
        var document = workspace.AddDocument(project.Id, "Source0.cs", SourceText.From(source));
        var tree = (await document.GetSyntaxTreeAsync())!;
        var located = Diagnostic.Create(diagnostic.Descriptor, Microsoft.CodeAnalysis.Location.Create(tree, diagnostic.Location.SourceSpan), diagnostic.Properties);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, located, (action, _) => actions.Add(action), CancellationToken.None);
        var provider = new UseSuggestedSlugCodeFix();
        Assert.Contains(diagnostic.Id, provider.FixableDiagnosticIds);
        await provider.RegisterCodeFixesAsync(context);
        if (actions.Count == 0)
        {
            return null;
        }

        var action = Assert.Single(actions);
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
    public void TheSuggestionPropertyNameMatchesTheGenerator() =>
        Assert.Equal(Attio.Generators.Mapping.MappingDiagnostic.SuggestionProperty, UseSuggestedSlugCodeFix.SuggestionProperty);
}
