using System.Globalization;
using System.Text;

namespace Attio;

/// <summary>How a value the caller gave is shown inside an error message: short, on one line, unable to forge log lines.</summary>
internal static class AttioText
{
    /// <summary>How many characters of an offending value a message quotes.</summary>
    public const int MaxQuotedLength = 120;

    /// <summary>
    /// <paramref name="value"/> with control characters, line and paragraph separators and unpaired surrogates escaped
    /// (<c>\r</c>, <c>\n</c>, <c>\t</c>, <c>\u0000</c>), cut after <see cref="MaxQuotedLength"/> characters with the
    /// original length appended, so a 1 MB value or <c>"x\r\n[ERROR] forged"</c> cannot flood or forge a log.
    /// </summary>
    public static string? ForMessage(string? value)
    {
        if (value is null)
        {
            return null;
        }

        bool cut = value.Length > MaxQuotedLength;
        ReadOnlySpan<char> shown = cut ? value.AsSpan(0, MaxQuotedLength) : value;
        if (cut && char.IsHighSurrogate(shown[^1]))
        {
            shown = shown[..^1];
        }

        if (!cut && !NeedsEscaping(shown))
        {
            return value;
        }

        var builder = new StringBuilder(shown.Length + 32);
        for (int i = 0; i < shown.Length; i++)
        {
            char c = shown[i];
            bool paired = (char.IsHighSurrogate(c) && i + 1 < shown.Length && char.IsLowSurrogate(shown[i + 1]))
                || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(shown[i - 1]));
            switch (c)
            {
                case '\r': builder.Append("\\r"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (IsUnsafe(c) && !paired)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        if (cut)
        {
            builder.Append("… (").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
        }

        return builder.ToString();
    }

    private static bool NeedsEscaping(ReadOnlySpan<char> value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u0085';
}
