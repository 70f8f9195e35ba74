using System.Globalization;
using System.Text.Json.Nodes;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

internal sealed class NumberNormaliser : IValueNormaliser
{
    public NormalisedValue Normalise(JsonNode? input, ValueContext context)
    {
        var (inner, path) = ValueForms.Unwrap(input, "value", context, "number");
        if (!ValueForms.IsNumber(inner))
        {
            throw context.Invalid(Issues.InvalidType(path, "number", inner));
        }

        // Attio keeps numbers as 64-bit floats.
        var number = inner!.GetValue<double>();
        return new NormalisedValue(new JsonObject { ["value"] = number }, number.ToString("R", CultureInfo.InvariantCulture));
    }
}
