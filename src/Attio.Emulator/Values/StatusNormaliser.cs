using System.Text.Json.Nodes;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

/// <summary>Status: matched by exact title first, then by status id (U15); archived statuses count as missing (U7).</summary>
internal sealed class StatusNormaliser : IValueNormaliser
{
    public NormalisedValue Normalise(JsonNode? input, ValueContext context)
    {
        var (inner, path) = ValueForms.Unwrap(input, "status", context);
        var wanted = ValueForms.RequireNonEmptyString(inner, path, context);
        var live = context.Attribute.Statuses.Where(s => (bool?)s["is_archived"] != true).ToList();
        var status = live.FirstOrDefault(s => (string?)s["title"] == wanted)
            ?? live.FirstOrDefault(s => string.Equals((string?)s["id"]?["status_id"], wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw Errors.UnknownStatus(wanted);
        return new NormalisedValue(new JsonObject { ["status"] = status.DeepClone() }, (string)status["id"]!["status_id"]!);
    }
}
