using System.Text.Json.Nodes;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

/// <summary>Rating: whole numbers 0 to 5 only (U3).</summary>
internal sealed class RatingNormaliser : IValueNormaliser
{
    public NormalisedValue Normalise(JsonNode? input, ValueContext context)
    {
        var (inner, path) = ValueForms.Unwrap(input, "value", context, "number");
        if (!ValueForms.IsNumber(inner))
        {
            throw context.Invalid(Issues.InvalidType(path, "number", inner));
        }

        var number = inner!.GetValue<double>();
        if (number != Math.Floor(number) || number < 0 || number > 5)
        {
            throw context.Invalid(Issues.Custom(path, "Rating must be a whole number between 0 and 5 (inclusive)."));
        }

        var rating = (int)number;
        return new NormalisedValue(new JsonObject { ["value"] = rating }, rating.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
