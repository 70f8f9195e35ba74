using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Attio.CodeFixes;

/// <summary>ATTIO020 (MatchOn names an attribute no member maps): match on one of the unique attributes the class does map.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseMappedUniqueAttributeCodeFix)), Shared]
public sealed class UseMappedUniqueAttributeCodeFix : CodeFixProvider
{
    public const string SuggestionsProperty = "Suggestions";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ATTIO020");

    // Each diagnostic offers a choice, so there is no single fix to apply to all.
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (SlugLiteral.At(root, diagnostic) is not { } literal)
            {
                continue;
            }

            foreach (string slug in SlugLiteral.List(diagnostic, SuggestionsProperty))
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Match on '{slug}'", ct => SlugLiteral.ReplaceAsync(context.Document, literal, slug, ct), equivalenceKey: "AttioMatchOn:" + slug),
                    diagnostic);
            }
        }
    }
}
