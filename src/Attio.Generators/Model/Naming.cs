using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Attio.Generators.Model;

/// <summary>Turns schema text into safe C# identifiers. Schema text never reaches the output unsanitised.</summary>
internal static class Naming
{
    /// <summary>"email_addresses" -> "EmailAddresses", "3d-model" -> "_3dModel", "class" -> "Class", "🚀" -> fallback.</summary>
    public static string ToPascalCase(string? text, string fallback)
    {
        var builder = new StringBuilder();
        bool upperNext = true;
        foreach (char c in text ?? string.Empty)
        {
            if (IsIdentifierPart(c))
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        if (builder.Length == 0)
        {
            builder.Append(fallback);
        }

        if (!IsIdentifierStart(builder[0]))
        {
            builder.Insert(0, '_');
        }

        string name = builder.ToString();
        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;
    }

    /// <summary>Returns <paramref name="name"/>, or it with the smallest numeric suffix that is not taken.</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        string candidate = name;
        for (int i = 2; taken.Contains(candidate.TrimStart('@')); i++)
        {
            candidate = name.TrimStart('@') + i.ToString(CultureInfo.InvariantCulture);
        }

        taken.Add(candidate.TrimStart('@'));
        return candidate;
    }

    private static bool IsIdentifierStart(char c) =>
        c == '_' || char.IsLetter(c);

    // Only letters and digits of the categories C# accepts; combining marks and formatting characters are dropped
    // so that no invisible or bidirectional character from a schema ends up in source.
    private static bool IsIdentifierPart(char c)
    {
        if (c < 128)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }

        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber;
    }
}
