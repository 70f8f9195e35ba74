using System.Text.Json.Nodes;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

/// <summary>Date: partial dates are completed, the time part is dropped after converting an offset to UTC.</summary>
internal sealed class DateNormaliser : IValueNormaliser
{
    public NormalisedValue Normalise(JsonNode? input, ValueContext context)
    {
        var (inner, path) = ValueForms.Unwrap(input, "value", context);
        var text = ValueForms.RequireString(inner, path, context);
        var moment = IsoMoment.TryParse(text)
            ?? throw context.Invalid(Issues.Custom(path, $"Invalid date \"{text}\". Expected an ISO 8601 date."));
        var date = moment.ToDate();
        return new NormalisedValue(new JsonObject { ["value"] = date }, date);
    }
}
