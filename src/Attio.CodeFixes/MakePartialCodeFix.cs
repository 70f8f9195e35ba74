using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Attio.CodeFixes;

/// <summary>ATTIO018 (mapped class not partial): add <c>partial</c> to every declaration of the class and of the types containing it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix)), Shared]
public sealed class MakePartialCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ATTIO018");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent?.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Make it partial", ct => AddPartialAsync(context.Document, declaration, ct), equivalenceKey: "AttioMakePartial"),
                diagnostic);
        }
    }

    private static async Task<Solution> AddPartialAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var solution = document.Project.Solution;
        if (model?.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
        {
            return solution;
        }

        var declarations = new List<TypeDeclarationSyntax>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                if (await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is TypeDeclarationSyntax syntax
                    && !syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    declarations.Add(syntax);
                }
            }
        }

        foreach (var group in declarations.GroupBy(d => d.SyntaxTree))
        {
            if (solution.GetDocument(group.Key) is not { } target || await target.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            // ReplaceNodes hands over nested declarations already rewritten, so a containing and a contained type both keep their edit.
            var updated = root.ReplaceNodes(group, (_, rewritten) => AddPartial(rewritten));
            solution = solution.WithDocumentSyntaxRoot(target.Id, updated);
        }

        return solution;
    }

    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
    {
        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (declaration.Modifiers.Count == 0)
        {
            // The keyword carries the leading trivia when there are no modifiers; it moves to the new first token.
            partial = partial.WithLeadingTrivia(declaration.Keyword.LeadingTrivia);
            declaration = declaration.WithKeyword(declaration.Keyword.WithLeadingTrivia());
        }

        // partial goes last: right before class/struct/record, where C# requires it.
        return declaration.WithModifiers(declaration.Modifiers.Add(partial));
    }
}
