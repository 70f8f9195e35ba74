using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

/// <summary>
/// Location: the object form must name all ten keys (null where unknown). The string form is split on commas
/// from the right into country_code, postcode, region, locality and line_1 (U10).
/// </summary>
internal sealed partial class LocationNormaliser : IValueNormaliser
{
    private static readonly string[] Keys =
        ["line_1", "line_2", "line_3", "line_4", "locality", "region", "postcode", "country_code", "latitude", "longitude"];

    [GeneratedRegex(@"^[-+]?([1-8]?[0-9](\.[0-9]+)?|90(\.0+)?)$")]
    private static partial Regex Latitude();

    [GeneratedRegex(@"^[-+]?(180(\.0+)?|((1[0-7][0-9])|([1-9]?[0-9]))(\.[0-9]+)?)$")]
    private static partial Regex Longitude();

    public NormalisedValue Normalise(JsonNode? input, ValueContext context)
    {
        var fields = input is JsonObject obj ? FromObject(obj, context) : FromString(ValueForms.RequireString(input, [], context), context);
        return new NormalisedValue(fields, Json.Serialize(fields));
    }

    private static JsonObject FromObject(JsonObject obj, ValueContext context)
    {
        var extra = obj.Select(p => p.Key).Where(k => !Keys.Contains(k)).ToList();
        if (extra.Count > 0)
        {
            throw context.Invalid(Issues.UnrecognizedKeys([], extra));
        }

        var issues = new List<JsonObject>();
        foreach (var key in Keys)
        {
            if (!obj.ContainsKey(key))
            {
                issues.Add(Issues.Required([key], "string"));
            }
            else if (obj[key] is not null && Issues.KindOf(obj[key]) != "string")
            {
                issues.Add(Issues.InvalidType([key], "string", obj[key]));
            }
        }

        if (issues.Count > 0)
        {
            throw context.Invalid([.. issues]);
        }

        var fields = new JsonObject();
        foreach (var key in Keys)
        {
            fields[key] = (string?)obj[key];
        }

        Check(fields, context);
        return fields;
    }

    private static JsonObject FromString(string text, ValueContext context)
    {
        var parts = text.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var fields = new JsonObject();
        foreach (var key in Keys)
        {
            fields[key] = null;
        }

        // Right to left: a known country code, a postcode (it has a digit), a region and a locality;
        // whatever is left is the first address line.
        string? Take(Func<string, bool> accept)
        {
            if (parts.Count == 0 || !accept(parts[^1]))
            {
                return null;
            }

            var last = parts[^1];
            parts.RemoveAt(parts.Count - 1);
            return last;
        }

        fields["country_code"] = Take(p => CountryCodes.All.Contains(p.ToUpperInvariant()))?.ToUpperInvariant();
        fields["postcode"] = Take(p => p.Any(char.IsAsciiDigit) && parts.Count > 1);
        fields["region"] = Take(_ => parts.Count > 2);
        fields["locality"] = Take(_ => parts.Count > 1);
        if (parts.Count > 0)
        {
            fields["line_1"] = string.Join(", ", parts);
        }

        Check(fields, context);
        return fields;
    }

    private static void Check(JsonObject fields, ValueContext context)
    {
        var country = (string?)fields["country_code"];
        if (country is not null && !CountryCodes.All.Contains(country))
        {
            throw context.Invalid(Issues.InvalidOption(["country_code"], [.. CountryCodes.All], country));
        }

        fields["latitude"] = Coordinate(fields, "latitude", Latitude(), context);
        fields["longitude"] = Coordinate(fields, "longitude", Longitude(), context);
    }

    private static string? Coordinate(JsonObject fields, string key, Regex pattern, ValueContext context)
    {
        var text = (string?)fields[key];
        if (text is null)
        {
            return null;
        }

        if (!pattern.IsMatch(text))
        {
            throw context.Invalid(Issues.Custom([key], $"Invalid {key} \"{text}\"."));
        }

        // Attio keeps coordinates to 9 decimal places.
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || text.Length - dot - 1 <= 9)
        {
            return text;
        }

        var rounded = decimal.Round(decimal.Parse(text, CultureInfo.InvariantCulture), 9, MidpointRounding.AwayFromZero);
        return rounded.ToString("0.#########", CultureInfo.InvariantCulture);
    }
}
