using System.Globalization;
using System.Text;

namespace Attio.Generators.Emit;

/// <summary>Escapes schema text for the two places it reaches generated code: XML doc comments and string literals.</summary>
internal static class SourceText
{
    /// <summary>Text safe inside a <c>///</c> comment: XML-escaped, no line breaks (C# also breaks lines on U+2028/U+2029/U+0085).</summary>
    public static string Doc(string? text)
    {
        var builder = new StringBuilder();
        foreach (char c in text ?? string.Empty)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                default:
                    builder.Append(IsUnsafe(c) ? ' ' : c);
                    break;
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>A C# string literal, quotes included, with every non-printable-ASCII character as a \u escape.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                default:
                    if (c >= ' ' && c < 127)
                    {
                        builder.Append(c);
                    }
                    else
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    private static bool IsUnsafe(char c)
    {
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned;
    }
}
