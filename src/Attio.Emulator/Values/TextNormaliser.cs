using System.Text.Json.Nodes;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

internal sealed class TextNormaliser : IValueNormaliser
{
    /// <summary>S: "A raw text field. Values are limited to 10MB."</summary>
    private const int MaxBytes = 10 * 1024 * 1024;

    public NormalisedValue Normalise(JsonNode? input, ValueContext context)
    {
        var (inner, path) = ValueForms.Unwrap(input, "value", context);
        var text = ValueForms.RequireString(inner, path, context);
        if (text.Length > MaxBytes / 3 && System.Text.Encoding.UTF8.GetByteCount(text) > MaxBytes)
        {
            throw context.Invalid(Issues.Custom(path, $"Text values are limited to 10MB ({MaxBytes} bytes of UTF-8)."));
        }

        return new NormalisedValue(new JsonObject { ["value"] = text }, text);
    }
}
