using System.Text.Json.Nodes;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

/// <summary>Timestamp: partial inputs are filled out to nanoseconds, UTC assumed, offsets converted to UTC.</summary>
internal sealed class TimestampNormaliser : IValueNormaliser
{
    public NormalisedValue Normalise(JsonNode? input, ValueContext context)
    {
        var (inner, path) = ValueForms.Unwrap(input, "value", context);
        var text = ValueForms.RequireString(inner, path, context);
        var moment = IsoMoment.TryParse(text)
            ?? throw context.Invalid(Issues.Custom(path, $"Invalid timestamp \"{text}\". Expected an ISO 8601 timestamp."));
        var timestamp = moment.ToTimestamp();
        return new NormalisedValue(new JsonObject { ["value"] = timestamp }, timestamp);
    }
}
