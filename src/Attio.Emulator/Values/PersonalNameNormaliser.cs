using System.Text.Json.Nodes;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

/// <summary>Personal name: the object form needs all three keys; the string form is "Last, First" (U3b).</summary>
internal sealed class PersonalNameNormaliser : IValueNormaliser
{
    private static readonly string[] Keys = ["first_name", "last_name", "full_name"];

    public NormalisedValue Normalise(JsonNode? input, ValueContext context)
    {
        string first, last, full;
        if (input is JsonObject obj)
        {
            var extra = obj.Select(p => p.Key).Where(k => !Keys.Contains(k)).ToList();
            if (extra.Count > 0)
            {
                throw context.Invalid(Issues.UnrecognizedKeys([], extra));
            }

            var issues = Keys
                .Select(k => obj.ContainsKey(k)
                    ? (Issues.KindOf(obj[k]) == "string" ? null : Issues.InvalidType([k], "string", obj[k]))
                    : Issues.Required([k], "string"))
                .OfType<JsonObject>()
                .ToArray();
            if (issues.Length > 0)
            {
                throw context.Invalid(issues);
            }

            first = (string)obj["first_name"]!;
            last = (string)obj["last_name"]!;
            full = (string)obj["full_name"]!;
        }
        else
        {
            var text = ValueForms.RequireString(input, [], context);
            var comma = text.IndexOf(',', StringComparison.Ordinal);
            last = comma < 0 ? string.Empty : text[..comma].Trim();
            first = (comma < 0 ? text : text[(comma + 1)..]).Trim();
            full = $"{first} {last}".Trim();
        }

        var fields = new JsonObject { ["first_name"] = first, ["last_name"] = last, ["full_name"] = full };
        return new NormalisedValue(fields, $"{first}\u0001{last}\u0001{full}");
    }
}
