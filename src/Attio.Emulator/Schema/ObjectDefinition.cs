using System.Text.Json.Nodes;

namespace Attio.Emulator.Schema;

/// <summary>One activated object of the workspace and its attributes.</summary>
internal sealed class ObjectDefinition
{
    private readonly List<AttributeDefinition> _attributes = [];

    /// <summary>The object exactly as GET /v2/objects returns it.</summary>
    public required JsonObject Response { get; init; }

    public required string Id { get; init; }
    public required string Slug { get; init; }
    public required string SingularNoun { get; init; }

    public IReadOnlyList<AttributeDefinition> Attributes => _attributes;

    public IEnumerable<AttributeDefinition> ActiveAttributes => _attributes.Where(a => !a.IsArchived);

    internal void Add(AttributeDefinition attribute) => _attributes.Add(attribute);

    public AttributeDefinition? FindAttribute(string slugOrId) =>
        _attributes.FirstOrDefault(a => a.Matches(slugOrId));

    public bool Matches(string slugOrId) =>
        string.Equals(Slug, slugOrId, StringComparison.Ordinal) ||
        string.Equals(Id, slugOrId, StringComparison.OrdinalIgnoreCase);
}
