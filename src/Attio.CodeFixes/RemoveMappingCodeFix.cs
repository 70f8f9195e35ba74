using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Attio.CodeFixes;

/// <summary>
/// ATTIO003 (read-only attribute) and ATTIO008 (mapped twice, reported on the second): remove that <c>[AttioMap]</c>;
/// the member stays, unmapped.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveMappingCodeFix)), Shared]
public sealed class RemoveMappingCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ATTIO003", "ATTIO008");

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>() is not { Parent: AttributeListSyntax { Parent: { } } } attribute)
            {
                continue;
            }

            string title = diagnostic.Id == "ATTIO008" ? "Remove the second mapping" : "Remove the mapping";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => RemoveAsync(context.Document, attribute, ct), equivalenceKey: "AttioRemoveMapping" + diagnostic.Id),
                diagnostic);
        }
    }

    private static async Task<Document> RemoveAsync(Document document, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var list = (AttributeListSyntax)attribute.Parent!;
        var owner = list.Parent!;
        SyntaxNode updated;
        if (list.Attributes.Count > 1)
        {
            updated = owner.RemoveNode(attribute, SyntaxRemoveOptions.KeepNoTrivia)!;
        }
        else
        {
            // The owner's leading trivia (indentation, comments) sits on the list when it comes first: keep it.
            bool first = owner.GetFirstToken() == list.GetFirstToken();
            updated = owner.RemoveNode(list, SyntaxRemoveOptions.KeepNoTrivia)!;
            if (first)
            {
                updated = updated.WithLeadingTrivia(list.GetLeadingTrivia());
            }
        }

        return document.WithSyntaxRoot(root!.ReplaceNode(owner, updated));
    }
}
