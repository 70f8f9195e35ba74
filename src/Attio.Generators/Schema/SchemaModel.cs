using Attio.Generators.Common;
using Attio.Generators.Diagnostics;

namespace Attio.Generators.Schema;

/// <summary>The parts of an exported workspace schema the generator uses, as equatable values.</summary>
internal sealed record SchemaModel(string FilePath, string? WorkspaceName, EquatableArray<ObjectModel> Objects);

internal sealed record ObjectModel(
    string ApiSlug,
    string ObjectId,
    string? SingularNoun,
    string? PluralNoun,
    LocationInfo? Location,
    EquatableArray<AttributeModel> Attributes);

internal sealed record AttributeModel(
    string ApiSlug,
    string AttributeId,
    string Title,
    string? Description,
    string Type,
    bool IsWritable,
    bool IsUnique,
    bool IsMultiselect,
    bool IsRequired,
    bool IsArchived,
    EquatableArray<string> AllowedObjectSlugs,
    EquatableArray<OptionModel> Options,
    LocationInfo? Location);

/// <summary>A select option or a status.</summary>
internal sealed record OptionModel(string Title, string Id, bool IsArchived);

/// <summary>The result of reading one schema file: the model when usable, and what went wrong.</summary>
internal sealed record SchemaParseResult(SchemaModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
