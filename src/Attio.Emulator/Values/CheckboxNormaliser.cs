using System.Text.Json;
using System.Text.Json.Nodes;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

internal sealed class CheckboxNormaliser : IValueNormaliser
{
    public NormalisedValue Normalise(JsonNode? input, ValueContext context)
    {
        var (inner, path) = ValueForms.Unwrap(input, "value", context, "boolean");
        bool value = inner?.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when inner.GetValue<string>() == "true" => true,
            JsonValueKind.String when inner.GetValue<string>() == "false" => false,
            _ => throw context.Invalid(Issues.InvalidType(path, "boolean", inner)),
        };
        return new NormalisedValue(new JsonObject { ["value"] = value }, value ? "true" : "false");
    }
}
