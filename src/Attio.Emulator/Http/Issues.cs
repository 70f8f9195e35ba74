using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attio.Emulator.Http;

/// <summary>Builds <c>validation_errors</c> items in the zod style Attio uses.</summary>
internal static class Issues
{
    public static JsonObject InvalidType(IEnumerable<string> path, string expected, JsonNode? received, bool present = true) => new()
    {
        ["code"] = "invalid_type",
        ["path"] = Path(path),
        ["message"] = present ? $"Expected {expected}, received {KindOf(received)}" : "Required",
        ["expected"] = expected,
        ["received"] = present ? KindOf(received) : "undefined",
    };

    public static JsonObject Required(IEnumerable<string> path, string expected) =>
        InvalidType(path, expected, null, present: false);

    public static JsonObject InvalidOption(IEnumerable<string> path, IReadOnlyList<string> options, string received) => new()
    {
        ["code"] = "invalid_option",
        ["path"] = Path(path),
        ["message"] = $"Invalid enum value. Expected {string.Join(" | ", options.Select(o => $"'{o}'"))}, received '{received}'",
        ["options"] = new JsonArray([.. options.Select(o => (JsonNode?)JsonValue.Create(o))]),
        ["received"] = received,
    };

    public static JsonObject UnrecognizedKeys(IEnumerable<string> path, IReadOnlyList<string> keys) => new()
    {
        ["code"] = "unrecognized_keys",
        ["path"] = Path(path),
        ["message"] = $"Unrecognized key(s) in object: {string.Join(", ", keys.Select(k => $"'{k}'"))}",
        ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode?)JsonValue.Create(k))]),
    };

    public static JsonObject Custom(IEnumerable<string> path, string message) => new()
    {
        ["code"] = "custom",
        ["path"] = Path(path),
        ["message"] = message,
    };

    public static JsonObject TooBig(IEnumerable<string> path, int maximum) => new()
    {
        ["code"] = "too_big",
        ["path"] = Path(path),
        ["message"] = $"Array must contain at most {maximum} element(s)",
        ["maximum"] = maximum,
        ["type"] = "array",
        ["inclusive"] = true,
    };

    public static string KindOf(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null or JsonValueKind.Undefined => "null",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    private static JsonArray Path(IEnumerable<string> path) => new([.. path.Select(p => (JsonNode?)JsonValue.Create(p))]);
}
