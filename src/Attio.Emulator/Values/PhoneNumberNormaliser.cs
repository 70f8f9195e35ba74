using System.Text.Json;
using System.Text.Json.Nodes;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

/// <summary>
/// Phone: normalised to E.164 under assumption U17 ("+" and 7-15 digits as is; a national number needs a
/// country code from the small calling-code table). The normalised form is emitted as <c>phone_number</c> (U2).
/// </summary>
internal sealed class PhoneNumberNormaliser : IValueNormaliser
{
    private static readonly HashSet<string> Keys = ["original_phone_number", "country_code"];

    public NormalisedValue Normalise(JsonNode? input, ValueContext context)
    {
        string original;
        string? country = null;
        string[] path = [];
        if (input is JsonObject obj)
        {
            var extra = obj.Select(p => p.Key).Where(k => !Keys.Contains(k)).ToList();
            if (extra.Count > 0)
            {
                throw context.Invalid(Issues.UnrecognizedKeys([], extra));
            }

            path = ["original_phone_number"];
            if (!obj.ContainsKey("original_phone_number"))
            {
                throw context.Invalid(Issues.Required(path, "string"));
            }

            original = ValueForms.RequireString(obj["original_phone_number"], path, context);
            var countryNode = obj["country_code"];
            if (countryNode is not null)
            {
                if (countryNode.GetValueKind() != JsonValueKind.String || !CountryCodes.All.Contains(countryNode.GetValue<string>()))
                {
                    throw context.Invalid(Issues.InvalidOption(["country_code"], [.. CountryCodes.All], Issues.KindOf(countryNode) == "string" ? countryNode.GetValue<string>() : countryNode.ToJsonString()));
                }

                country = countryNode.GetValue<string>();
            }
        }
        else
        {
            original = ValueForms.RequireString(input, path, context);
        }

        var compact = new string(original.Where(c => c is not (' ' or '-' or '(' or ')')).ToArray());
        string e164;
        if (compact.StartsWith('+'))
        {
            e164 = compact;
            country ??= CallingCodes.CountryOf(compact[1..]);
        }
        else
        {
            var callingCode = country is null ? null : CallingCodes.ForCountry(country);
            if (callingCode is null)
            {
                throw context.Invalid(Issues.Custom(path, $"\"{original}\" is not a valid phone number. Include the country calling code or a supported country_code."));
            }

            // A national trunk prefix ("0" in most of Europe) is not part of E.164; NANP numbers have none.
            var national = callingCode == "1" ? compact : compact.TrimStart('0');
            e164 = "+" + callingCode + national;
        }

        var digits = e164[1..];
        if (digits.Length is < 7 or > 15 || !digits.All(char.IsAsciiDigit) || digits[0] == '0')
        {
            throw context.Invalid(Issues.Custom(path, $"\"{original}\" is not a valid phone number."));
        }

        var fields = new JsonObject
        {
            ["original_phone_number"] = original,
            ["country_code"] = country,
            ["phone_number"] = e164,
        };
        return new NormalisedValue(fields, e164);
    }
}
