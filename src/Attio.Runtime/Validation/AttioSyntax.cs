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

        return LocalPart().IsMatch(value.AsSpan(0, at)) && IsHostName(value[(at + 1)..]);
    }

    /// <summary>
    /// True when <paramref name="value"/> is a host name or a URL with one (see <see cref="NormalizeDomain"/>):
    /// Attio keeps only the domain of what it is given, so <c>https://acme.com/pricing</c> is a valid domain value.
    /// </summary>
    public static bool IsDomain(string? value) => NormalizeDomain(value) is not null;

    /// <summary>
    /// The host Attio stores for a domain value, or null when <paramref name="value"/> holds no host name: surrounding
    /// spaces, the scheme, user info, port, path, query, fragment and a trailing dot are removed, the host is
    /// lower-cased and an internationalised name is converted to punycode (<c>https://Bücher.example:443/x?y</c>
    /// gives <c>xn--bcher-kva.example</c>). What remains must be at least two labels of letters, digits and hyphens
    /// with an alphabetic (or punycode) top-level label; IP addresses and single labels such as <c>localhost</c> are not domains.
    /// </summary>
    public static string? NormalizeDomain(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        ReadOnlySpan<char> host = value.AsSpan().Trim();
        int scheme = host.IndexOf("://", StringComparison.Ordinal);
        bool hadScheme = scheme >= 0;
        if (hadScheme)
        {
            if (scheme == 0 || !UrlScheme().IsMatch(host[..scheme]))
            {
                return null;
            }

            host = host[(scheme + 3)..];
        }
        else if (host.StartsWith("//", StringComparison.Ordinal))
        {
            hadScheme = true;
            host = host[2..];
        }

        int end = host.IndexOfAny('/', '?', '#');
        if (end >= 0)
        {
            host = host[..end];
        }

        // "user:password@host" only means user info inside a URL; a bare "a@b.com" is an email address, not a domain.
        int at = host.LastIndexOf('@');
        if (at >= 0)
        {
            if (!hadScheme)
            {
                return null;
            }

            host = host[(at + 1)..];
        }

        int colon = host.IndexOf(':');
        if (colon >= 0)
        {
            ReadOnlySpan<char> port = host[(colon + 1)..];
            if (port.IsEmpty || port.Length > 5 || !IsAsciiDigits(port))
            {
                return null;
            }

            host = host[..colon];
        }

        if (host.EndsWith('.'))
        {
            host = host[..^1];
        }

        if (host.IsEmpty || host.Length > 253)
        {
            return null;
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(host.ToString()).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }

        return IsHostName(ascii) ? ascii : null;
    }

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    private static bool IsAsciiDigits(ReadOnlySpan<char> value)
    {
        foreach (char c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // At least two labels of 1-63 letters, digits or hyphens, and an alphabetic or punycode ("xn--") top-level label.
    private static bool IsHostName(string value) => value.Length is > 0 and <= 253 && DomainName().IsMatch(value);

    /// <summary>E.164: '+' then 7 to 15 digits, the first not zero.</summary>
    public static bool IsE164(string? value) => value is not null && E164().IsMatch(value);

    /// <summary>
    /// E.164 once the separators Attio strips (spaces, '-', '(' and ')') are removed, e.g. "+44 20 7946 0958", with a
    /// number after the calling code that is not all zeros. Dots are not separators to Attio.
    /// </summary>
    public static bool IsFormattedE164(string? value) =>
        value is not null && value.StartsWith('+') && FormattedNumber().IsMatch(value) && IsE164(StripSeparators(value))
        && !IsAllZerosAfterCallingCode(StripSeparators(value).AsSpan(1));

    /// <summary>
    /// A national number for <paramref name="countryCode"/>: digits with spaces, '-', '(' and ')', not all zeros,
    /// for a country that has a calling code, and at most 15 digits once written in E.164 (calling code included,
    /// a leading trunk '0' dropped).
    /// </summary>
    public static bool IsNationalNumber(string? value, string? countryCode)
    {
        if (!IsNationalNumber(value) || AttioCallingCodes.Of(countryCode) is not { } callingCode)
        {
            return false;
        }

        string digits = StripSeparators(value!);
        if (digits.AsSpan().IndexOfAnyExcept('0') < 0)
        {
            return false;
        }

        int national = digits.StartsWith('0') ? digits.Length - 1 : digits.Length;
        return callingCode.Length + national <= 15;
    }

    private static bool IsAllZerosAfterCallingCode(ReadOnlySpan<char> digits) =>
        AttioCallingCodes.Prefix(digits) is { } code && digits[code.Length..].IndexOfAnyExcept('0') < 0;

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

    private static bool IsSeparator(char c) => c is ' ' or '-' or '(' or ')';

    /// <summary>The shape of a national number: digits with optional spaces, dashes and parentheses.</summary>
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

    [GeneratedRegex(@"^(?=.{1,253}\z)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,63}|[Xx][Nn]--[A-Za-z0-9-]{1,59})\z")]
    private static partial Regex DomainName();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*\z")]
    private static partial Regex UrlScheme();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}\z")]
    private static partial Regex E164();

    [GeneratedRegex(@"^[0-9(][0-9 ()-]{5,20}\z")]
    private static partial Regex NationalNumber();

    // Attio's own patterns, from the location input schema of its OpenAPI document.
    [GeneratedRegex(@"^[-+]?([1-8]?[0-9](\.[0-9]+)?|90(\.0+)?)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Latitude();

    [GeneratedRegex(@"^[-+]?(180(\.0+)?|((1[0-7][0-9])|([1-9]?[0-9]))(\.[0-9]+)?)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Longitude();

    [GeneratedRegex(@"^\+[0-9 ()-]+\z")]
    private static partial Regex FormattedNumber();

    [GeneratedRegex(@"^[a-z0-9_]{1,128}\z")]
    private static partial Regex Slug();
}
