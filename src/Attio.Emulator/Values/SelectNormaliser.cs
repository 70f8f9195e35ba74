using System.Text.Json.Nodes;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

/// <summary>Select: matched by exact title first, then by option id (U15); archived options count as missing (U7).</summary>
internal sealed class SelectNormaliser : IValueNormaliser
{
    public NormalisedValue Normalise(JsonNode? input, ValueContext context)
    {
        var (inner, path) = ValueForms.Unwrap(input, "option", context);
        var wanted = ValueForms.RequireNonEmptyString(inner, path, context);
        var live = context.Attribute.Options.Where(o => (bool?)o["is_archived"] != true).ToList();
        var option = live.FirstOrDefault(o => (string?)o["title"] == wanted)
            ?? live.FirstOrDefault(o => string.Equals((string?)o["id"]?["option_id"], wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw Errors.UnknownSelectOption(wanted);
        return new NormalisedValue(new JsonObject { ["option"] = option.DeepClone() }, (string)option["id"]!["option_id"]!);
    }
}
