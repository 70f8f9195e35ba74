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
using Microsoft.CodeAnalysis.Rename;

namespace Attio.CodeFixes;

/// <summary>
/// ATTIO021 (enum member matches no option): rename the member after the closest option, everywhere it is used. The
/// analyzer names each unmatched member and its new name in the "Renames" property ("Member=Name" lines).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameEnumMemberCodeFix)), Shared]
public sealed class RenameEnumMemberCodeFix : CodeFixProvider
{
    public const string RenamesProperty = "Renames";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ATTIO021");

    // A rename touches the whole solution; applying several at once is left to the user.
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var attribute = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>();
            if (EnumOf(MemberType(attribute?.Parent?.Parent, model, context.CancellationToken)) is not { } enumType)
            {
                continue;
            }

            foreach (string rename in SlugLiteral.List(diagnostic, RenamesProperty))
            {
                int separator = rename.IndexOf('=');
                if (separator <= 0 || enumType.GetMembers(rename.Substring(0, separator)).FirstOrDefault() is not IFieldSymbol member)
                {
                    continue;
                }

                string newName = rename.Substring(separator + 1);
                var solution = context.Document.Project.Solution;
                context.RegisterCodeFix(
                    CodeAction.Create($"Rename '{member.Name}' to '{newName}' (closest option)",
                        ct => Renamer.RenameSymbolAsync(solution, member, new SymbolRenameOptions(), newName, ct),
                        equivalenceKey: "AttioRenameEnumMember:" + rename),
                    diagnostic);
            }
        }
    }

    private static ITypeSymbol? MemberType(SyntaxNode? owner, SemanticModel model, CancellationToken cancellationToken) => owner switch
    {
        PropertyDeclarationSyntax property => model.GetDeclaredSymbol(property, cancellationToken)?.Type,
        FieldDeclarationSyntax field => (model.GetDeclaredSymbol(field.Declaration.Variables[0], cancellationToken) as IFieldSymbol)?.Type,
        ParameterSyntax parameter => model.GetDeclaredSymbol(parameter, cancellationToken)?.Type,
        _ => null,
    };

    // The enum behind int?, Stage[], List<Stage?> and the like.
    private static INamedTypeSymbol? EnumOf(ITypeSymbol? type)
    {
        if (type is IArrayTypeSymbol array)
        {
            type = array.ElementType;
        }
        else if (type is INamedTypeSymbol { TypeKind: not TypeKind.Enum } named && named.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T)
        {
            type = (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                ? named
                : named.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T))?.TypeArguments[0];
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type is INamedTypeSymbol { TypeKind: TypeKind.Enum } result ? result : null;
    }
}
