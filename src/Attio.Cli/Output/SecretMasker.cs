using System.Text;

namespace Attio.Cli.Output;

/// <summary>
/// Finds secrets in text where they appear as a token, and masks them with <c>***</c>.
/// </summary>
/// <remarks>
/// Replacing every occurrence of a secret's text damages ordinary messages: a token <c>wrong</c> turned "the wrong
/// length" into "the *** length". So a short secret is masked only where it stands on its own, with no letter, digit,
/// <c>_</c> or <c>-</c> glued to either side, and one that reads like a word (letters only, shorter than
/// <see cref="WordLikeLength"/>) only where it stands as a value (quoted, after <c>=</c> or <c>:</c>, or a line of its
/// own): that is how a tool or library echoes an argument. A long secret that is not a word (Attio's tokens are 64 hex
/// characters) cannot occur in ordinary text by chance, so every occurrence is masked, glued or not.
/// Secrets shorter than <see cref="MinimumLength"/> are not masked at all.
/// </remarks>
public sealed class SecretMasker
{
    /// <summary>Shorter values would mask ordinary text and protect nothing.</summary>
    public const int MinimumLength = 4;

    /// <summary>Letters-only secrets shorter than this could be words, so they are masked only where they stand as a value.</summary>
    public const int WordLikeLength = 16;

    private const string MaskText = "***";
    private readonly List<string> _secrets = [];

    /// <summary>Adds a value that must never be written. Null, blank and values shorter than <see cref="MinimumLength"/> are ignored.</summary>
    public void Add(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return;
        }

        foreach (var value in new[] { secret, secret.Trim() })
        {
            if (value.Length >= MinimumLength && !_secrets.Contains(value))
            {
                _secrets.Add(value);
            }
        }

        // Longest first, so that a secret containing another is masked whole.
        _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
    }

    /// <summary><paramref name="text"/> with every secret that appears as a token replaced by <c>***</c>.</summary>
    public string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            text = MaskOne(text, secret);
        }

        return text;
    }

    private static string MaskOne(string text, string secret)
    {
        int found = text.IndexOf(secret, StringComparison.Ordinal);
        if (found < 0)
        {
            return text;
        }

        bool wordLike = secret.Length < WordLikeLength && secret.All(char.IsLetter);
        bool random = !wordLike && secret.Length >= WordLikeLength;
        var masked = new StringBuilder(text.Length);
        int copied = 0;
        while (found >= 0)
        {
            int end = found + secret.Length;
            if (random || (StandsAlone(text, found, end) && (!wordLike || StandsAsValue(text, found, end))))
            {
                masked.Append(text, copied, found - copied).Append(MaskText);
                copied = end;
            }

            found = text.IndexOf(secret, found + 1, StringComparison.Ordinal);
            if (found >= 0 && found < copied)
            {
                found = text.IndexOf(secret, copied, StringComparison.Ordinal);
            }
        }

        return masked.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool StandsAlone(string text, int start, int end) =>
        (start == 0 || !IsTokenCharacter(text[start - 1])) && (end == text.Length || !IsTokenCharacter(text[end]));

    private static bool StandsAsValue(string text, int start, int end)
    {
        char before = start == 0 ? '\n' : text[start - 1];
        char after = end == text.Length ? '\n' : text[end];
        return (before is '\'' or '"' or '`' && after == before)
            || before is '=' or ':'
            || (before is '\n' or '\r' && after is '\n' or '\r');
    }

    private static bool IsTokenCharacter(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';
}
