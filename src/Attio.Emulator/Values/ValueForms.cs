using System.Text.Json;
using System.Text.Json.Nodes;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

/// <summary>Shared handling of the "bare value or single-key object" input forms.</summary>
internal static class ValueForms
{
    /// <summary>
    /// Returns the inner value: the input itself when it is not an object, otherwise the value under
    /// <paramref name="key"/>. Objects with other keys are rejected the way Attio's strict schemas do.
    /// </summary>
    public static (JsonNode? Value, string[] Path) Unwrap(JsonNode? input, string key, ValueContext context, string expected = "string")
    {
        if (input is not JsonObject obj)
        {
            return (input, []);
        }

        var extra = obj.Select(p => p.Key).Where(k => k != key).ToList();
        if (extra.Count > 0)
        {
            throw context.Invalid(Issues.UnrecognizedKeys([], extra));
        }

        if (!obj.ContainsKey(key))
        {
            throw context.Invalid(Issues.Required([key], expected));
        }

        return (obj[key], [key]);
    }

    public static string RequireString(JsonNode? value, string[] path, ValueContext context)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }

        throw context.Invalid(Issues.InvalidType(path, "string", value));
    }

    public static string RequireNonEmptyString(JsonNode? value, string[] path, ValueContext context)
    {
        var text = RequireString(value, path, context);
        if (text.Length == 0)
        {
            throw context.Invalid(Issues.Custom(path, "String must contain at least 1 character(s)"));
        }

        return text;
    }

    public static bool IsNumber(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    /// <summary>The number as written on the wire, so decimal places can be counted exactly.</summary>
    public static string RawNumber(JsonNode value) => value.ToJsonString();
}
