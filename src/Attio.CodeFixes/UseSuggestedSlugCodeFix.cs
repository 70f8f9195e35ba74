using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Attio.CodeFixes;

/// <summary>
/// For ATTIO001 (unknown attribute) and ATTIO004 (unknown object): replaces the mistyped slug literal with the
/// suggestion the generator put in the diagnostic's "Suggestion" property.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSuggestedSlugCodeFix)), Shared]
public sealed class UseSuggestedSlugCodeFix : CodeFixProvider
{
    public const string SuggestionProperty = "Suggestion";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ATTIO001", "ATTIO004");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(SuggestionProperty, out var suggestion) || string.IsNullOrEmpty(suggestion))
            {
                continue;
            }

            if (SlugLiteral.At(root, diagnostic) is not { } literal)
            {
                continue;
            }

            string title = $"Use '{suggestion}'";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => SlugLiteral.ReplaceAsync(context.Document, literal, suggestion!, ct), equivalenceKey: "AttioUseSuggestedSlug"),
                diagnostic);
        }
    }
}
