namespace Attio;

/// <summary>
/// A value for a <c>location</c> attribute. Written as Attio's object with all ten keys, unknown parts as null,
/// so that no string parsing on Attio's side can guess wrong.
/// </summary>
public sealed record Location
{
    /// <summary>First address line.</summary>
    public string? Line1 { get; init; }
    /// <summary>Second address line.</summary>
    public string? Line2 { get; init; }
    /// <summary>Third address line.</summary>
    public string? Line3 { get; init; }
    /// <summary>Fourth address line.</summary>
    public string? Line4 { get; init; }
    /// <summary>City or town.</summary>
    public string? Locality { get; init; }
    /// <summary>State, county or region.</summary>
    public string? Region { get; init; }
    /// <summary>Postal code.</summary>
    public string? Postcode { get; init; }
    /// <summary>ISO 3166-1 alpha-2 country code, e.g. "GB".</summary>
    public string? CountryCode { get; init; }
    /// <summary>Latitude in decimal degrees, as Attio's string form, e.g. "51.5072".</summary>
    public string? Latitude { get; init; }
    /// <summary>Longitude in decimal degrees, as Attio's string form, e.g. "-0.1276".</summary>
    public string? Longitude { get; init; }

    /// <summary>
    /// Reads "line 1, locality, region, postcode, country code" from the right: the last part is the country
    /// code, then postcode, region, locality, and everything before is the first line.
    /// </summary>
    public static Location Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string? Take(int fromEnd) => parts.Length >= fromEnd ? parts[^fromEnd] : null;
        return parts.Length switch
        {
            0 => new Location(),
            1 => new Location { Locality = parts[0] },
            2 => new Location { Locality = parts[0], CountryCode = parts[1] },
            3 => new Location { Locality = parts[0], Region = parts[1], CountryCode = parts[2] },
            4 => new Location { Line1 = parts[0], Locality = parts[1], Region = parts[2], CountryCode = parts[3] },
            _ => new Location
            {
                Line1 = string.Join(", ", parts[..^4]),
                Locality = Take(4),
                Region = Take(3),
                Postcode = Take(2),
                CountryCode = Take(1),
            },
        };
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(", ", new[] { Line1, Line2, Line3, Line4, Locality, Region, Postcode, CountryCode }.Where(p => !string.IsNullOrEmpty(p)));
}
