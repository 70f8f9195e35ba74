using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Attio.Emulator.Tests.Infrastructure;

internal sealed record ApiResponse(int Status, string Text, HttpResponseHeaders Headers, HttpContentHeaders? ContentHeaders)
{
    public JsonNode Json => JsonNode.Parse(Text) ?? throw new InvalidOperationException("The body is JSON null.");

    public JsonNode Data => Json["data"] ?? throw new InvalidOperationException($"No data in {Text}");

    public string? Code => (string?)Json["code"];

    public string? Message => (string?)Json["message"];
}
