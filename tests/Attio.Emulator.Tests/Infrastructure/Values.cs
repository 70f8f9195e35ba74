using System.Text.Json.Nodes;

namespace Attio.Emulator.Tests.Infrastructure;

internal static class RecordJson
{
    public static JsonArray ValuesOf(JsonNode record, string slug) =>
        record["values"]?[slug] as JsonArray ?? throw new InvalidOperationException($"No values for {slug} in {record.ToJsonString()}");

    public static string? Field(JsonNode record, string slug, string field, int index = 0) =>
        ValuesOf(record, slug)[index]?[field]?.ToString();

    public static string[] Fields(JsonNode record, string slug, string field) =>
        ValuesOf(record, slug).Select(v => v?[field]?.ToString() ?? "").ToArray();

    public static string Id(JsonNode record) => (string)record["id"]!["record_id"]!;
}
