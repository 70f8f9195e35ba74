using System.Globalization;
using System.Text.RegularExpressions;

namespace Attio;

/// <summary>Syntax checks shared by the value codecs. Deliberately strict: Attio rejects what these reject.</summary>
public static partial class AttioSyntax
{
    /// <summary>A practical email syntax: one '@', a dot-atom local part, a domain with a dot.</summary>
    public static bool IsEmail(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 254)
        {
            return false;
        }

        int at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at > 64)
        {
            return false;
        }

        return LocalPart().IsMatch(value.AsSpan(0, at)) && IsDomain(value[(at + 1)..]);
    }

    /// <summary>A host name with at least two labels, each 1-63 letters, digits or hyphens, and an alphabetic TLD.</summary>
    public static bool IsDomain(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 253)
        {
            return false;
        }

        return DomainName().IsMatch(value);
    }

    /// <summary>E.164: '+' then 7 to 15 digits, the first not zero.</summary>
    public static bool IsE164(string? value) => value is not null && E164().IsMatch(value);

    /// <summary>
    /// E.164 once the usual separators (spaces, '-', '.', '(' and ')') are removed, e.g. "+44 20 7946 0958";
    /// Attio strips these itself before it checks the number.
    /// </summary>
    public static bool IsFormattedE164(string? value) =>
        value is not null && value.StartsWith('+') && FormattedNumber().IsMatch(value) && IsE164(StripSeparators(value));

    /// <summary>The digits (and a leading '+') of a phone number, without separators.</summary>
    public static string StripSeparators(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Create(value.Length - value.Count(IsSeparator), value, static (span, source) =>
        {
            int i = 0;
            foreach (char c in source)
            {
                if (!IsSeparator(c))
                {
                    span[i++] = c;
                }
            }
        });
    }

    /// <summary>
    /// True when <paramref name="value"/> is valid UTF-16 (no unpaired surrogates), so it can be encoded as JSON.
    /// </summary>
    public static bool IsWellFormedText(string? value)
    {
        if (value is null)
        {
            return false;
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An Attio <c>api_slug</c> or a UUID: what <c>target_object</c> and matching attribute keys accept.</summary>
    public static bool IsSlugOrId(string? value) =>
        !string.IsNullOrEmpty(value) && (Slug().IsMatch(value) || Guid.TryParseExact(value, "D", out _));

    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '(' or ')';

    /// <summary>A national number: digits with optional spaces, dashes, dots and parentheses.</summary>
    public static bool IsNationalNumber(string? value) => value is not null && NationalNumber().IsMatch(value);

    /// <summary>A latitude within ±90 as Attio's decimal string (the pattern of Attio's OpenAPI location schema).</summary>
    public static bool IsLatitude(string? value) => value is not null && Latitude().IsMatch(value);

    /// <summary>A longitude within ±180 as Attio's decimal string (the pattern of Attio's OpenAPI location schema).</summary>
    public static bool IsLongitude(string? value) => value is not null && Longitude().IsMatch(value);

    /// <summary>Formats a coordinate the way Attio stores it: invariant culture, at most 9 decimal places.</summary>
    public static string FormatCoordinate(double value) =>
        Math.Round(value, 9, MidpointRounding.AwayFromZero).ToString("0.#########", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*\z")]
    private static partial Regex LocalPart();

    [GeneratedRegex(@"^(?=.{1,253}\z)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\z")]
    private static partial Regex DomainName();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}\z")]
    private static partial Regex E164();

    [GeneratedRegex(@"^[0-9][0-9 ().-]{5,20}\z")]
    private static partial Regex NationalNumber();

    // Attio's own patterns, from the location input schema of its OpenAPI document.
    [GeneratedRegex(@"^[-+]?([1-8]?[0-9](\.[0-9]+)?|90(\.0+)?)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Latitude();

    [GeneratedRegex(@"^[-+]?(180(\.0+)?|((1[0-7][0-9])|([1-9]?[0-9]))(\.[0-9]+)?)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Longitude();

    [GeneratedRegex(@"^\+[0-9 ().-]+\z")]
    private static partial Regex FormattedNumber();

    [GeneratedRegex(@"^[a-z0-9_]{1,128}\z")]
    private static partial Regex Slug();
}
