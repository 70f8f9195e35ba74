using System.Text.Json.Nodes;

namespace Attio.Emulator.Schema;

/// <summary>One attribute of an object, as the schema file describes it.</summary>
internal sealed class AttributeDefinition
{
    public required ObjectDefinition Object { get; init; }

    /// <summary>The attribute exactly as GET …/attributes returns it (options and statuses removed).</summary>
    public required JsonObject Response { get; init; }

    public required string Id { get; init; }
    public required string Slug { get; init; }
    public required string Type { get; init; }
    public required bool IsMultiselect { get; init; }
    public required bool IsUnique { get; init; }
    public required bool IsRequired { get; init; }
    public required bool IsWritable { get; init; }
    public required bool IsArchived { get; init; }
    public required IReadOnlyList<JsonObject> Options { get; init; }
    public required IReadOnlyList<JsonObject> Statuses { get; init; }
    public required IReadOnlyList<string> AllowedObjectIds { get; init; }
    public string? DefaultCurrencyCode { get; init; }
    public string? InverseObjectSlug { get; init; }
    public string? InverseAttributeSlug { get; init; }

    public bool Matches(string slugOrId) =>
        string.Equals(Slug, slugOrId, StringComparison.Ordinal) ||
        string.Equals(Id, slugOrId, StringComparison.OrdinalIgnoreCase);
}
