using System.Text.Json.Nodes;

namespace Attio.Emulator.Values;

internal sealed class TextNormaliser : IValueNormaliser
{
    public NormalisedValue Normalise(JsonNode? input, ValueContext context)
    {
        var (inner, path) = ValueForms.Unwrap(input, "value", context);
        var text = ValueForms.RequireString(inner, path, context);
        return new NormalisedValue(new JsonObject { ["value"] = text }, text);
    }
}
