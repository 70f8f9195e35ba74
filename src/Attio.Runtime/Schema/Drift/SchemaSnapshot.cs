namespace Attio.Schema.Drift;

/// <summary>
/// What a schema file (or the live workspace, or a compiled schema manifest) says that matters to code generated from it: the facts <see cref="SchemaDiff"/> compares.
/// Ids are kept so that a rename (same id, new slug or title) is told apart from a removal plus an addition.
/// <see cref="Members"/> is null when the file has no <c>workspace_members</c> (pulled with a token that may not list them).
/// </summary>
internal sealed record SchemaSnapshot(
    string? WorkspaceId,
    string? WorkspaceName,
    IReadOnlyList<ObjectSnapshot> Objects,
    IReadOnlyList<MemberSnapshot>? Members);

/// <summary>An object: its slug (the generated code's key) and nouns (the generated class name comes from the singular).</summary>
internal sealed record ObjectSnapshot(
    string? Id,
    string Slug,
    string? SingularNoun,
    string? PluralNoun,
    IReadOnlyList<AttributeSnapshot> Attributes);

/// <summary>An attribute and every property that decides whether, and how, a property is generated for it.</summary>
internal sealed record AttributeSnapshot(
    string? Id,
    string Slug,
    string? Title,
    string Type,
    bool IsWritable,
    bool IsUnique,
    bool IsMultiselect,
    bool IsRequired,
    bool IsArchived,
    IReadOnlyList<string> AllowedObjectIds,
    IReadOnlyList<ChoiceSnapshot> Options,
    IReadOnlyList<ChoiceSnapshot> Statuses);

/// <summary>A select option or a status.</summary>
internal sealed record ChoiceSnapshot(string? Id, string Title, bool IsArchived);

/// <summary>A workspace member (actor references can name members by email).</summary>
internal sealed record MemberSnapshot(string? Id, string? EmailAddress);
