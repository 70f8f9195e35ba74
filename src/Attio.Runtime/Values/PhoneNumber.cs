namespace Attio;

/// <summary>
/// A value for a <c>phone-number</c> attribute: an E.164 number ("+447700900123"), or a national number
/// with its ISO 3166-1 alpha-2 country code.
/// </summary>
/// <param name="Number">The number as given; must start with '+' unless <paramref name="CountryCode"/> is set.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code, needed when the number has no '+' prefix.</param>
public sealed record PhoneNumber(string Number, string? CountryCode = null)
{
    /// <summary>Converts an E.164 string to a phone number.</summary>
    public static implicit operator PhoneNumber(string number) => new(number);

    /// <inheritdoc />
    public override string ToString() => CountryCode is null ? Number : $"{Number} ({CountryCode})";
}
