using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attio.Emulator.Http;

internal static class Json
{
    /// <summary>Relaxed escaping so messages keep <c>\"</c> rather than <c>\u0022</c>, as Attio writes them.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Serialize(JsonNode node) => node.ToJsonString(Options);
}
