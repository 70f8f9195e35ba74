using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

/// <summary>Currency: at most 4 decimal places (U4); the code comes from the attribute config and cannot be written (U5).</summary>
internal sealed class CurrencyNormaliser : IValueNormaliser
{
    public NormalisedValue Normalise(JsonNode? input, ValueContext context)
    {
        var (inner, path) = ValueForms.Unwrap(input, "currency_value", context, "number");
        string raw = inner?.GetValueKind() switch
        {
            JsonValueKind.Number => ValueForms.RawNumber(inner),
            JsonValueKind.String => inner.GetValue<string>().Trim(),
            _ => throw context.Invalid(Issues.InvalidType(path, "number", inner)),
        };

        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            throw context.Invalid(Issues.InvalidType(path, "number", inner));
        }

        if (amount.Scale > 4 && decimal.Round(amount, 4) != amount)
        {
            throw context.Invalid(Issues.Custom(path, "Currency values can have at most 4 decimal places."));
        }

        var value = (double)amount;
        var fields = new JsonObject
        {
            ["currency_value"] = value,
            ["currency_code"] = context.Attribute.DefaultCurrencyCode,
        };
        return new NormalisedValue(fields, value.ToString("R", CultureInfo.InvariantCulture));
    }
}
