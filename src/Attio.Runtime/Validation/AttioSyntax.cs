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

    /// <summary>A national number: digits with optional spaces, dashes, dots and parentheses.</summary>
    public static bool IsNationalNumber(string? value) => value is not null && NationalNumber().IsMatch(value);

    /// <summary>A latitude within ±90 as Attio's decimal string.</summary>
    public static bool IsLatitude(string? value) => IsCoordinate(value, 90);

    /// <summary>A longitude within ±180 as Attio's decimal string.</summary>
    public static bool IsLongitude(string? value) => IsCoordinate(value, 180);

    private static bool IsCoordinate(string? value, double limit) =>
        value is not null
        && Coordinate().IsMatch(value)
        && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
        && Math.Abs(v) <= limit;

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")]
    private static partial Regex LocalPart();

    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")]
    private static partial Regex DomainName();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"^[0-9][0-9 ().-]{5,20}$")]
    private static partial Regex NationalNumber();

    [GeneratedRegex(@"^-?[0-9]{1,3}(\.[0-9]{1,9})?$")]
    private static partial Regex Coordinate();
}
