using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;

namespace Attio.Emulator.Tests.Values;

/// <summary>Writes one value to a fresh subscriptions record (the object that has every attribute type).</summary>
internal static class ValueWriter
{
    private static int _next;

    public static Task<ApiResponse> Write(ApiClient client, string slug, JsonNode? value) =>
        client.Create("subscriptions", new JsonObject
        {
            ["subscription_id"] = $"sub-{Interlocked.Increment(ref _next)}",
            [slug] = value,
        });

    public static JsonNode Parse(string json) => JsonNode.Parse(json)!;
}
