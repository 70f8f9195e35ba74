using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Attio.CodeFixes;

/// <summary>The string literal a mapping diagnostic points at, and replacing it.</summary>
internal static class SlugLiteral
{
    public static LiteralExpressionSyntax? At(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal
            && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal
            : null;

    public static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, string text, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text))
            .WithTriviaFrom(literal);
        return document.WithSyntaxRoot(root!.ReplaceNode(literal, replacement));
    }

    /// <summary>A list property of the diagnostic ("a\nb"), empty when absent.</summary>
    public static string[] List(Diagnostic diagnostic, string property) =>
        diagnostic.Properties.TryGetValue(property, out var value) && !string.IsNullOrEmpty(value)
            ? value!.Split('\n')
            : System.Array.Empty<string>();
}
