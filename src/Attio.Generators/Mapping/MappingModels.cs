using System.Collections.Generic;
using System.Collections.Immutable;
using Attio.Generators.Common;
using Attio.Generators.Diagnostics;
using Attio.Generators.Model;
using Attio.Generators.Schema;
using Microsoft.CodeAnalysis;

namespace Attio.Generators.Mapping;

/// <summary>What a member's C# type is, as far as conversions care.</summary>
internal enum ValueKind
{
    Other = 0,
    String,
    SByte,
    Byte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    Boolean,
    DateOnly,
    DateTime,
    DateTimeOffset,
    Enum,
    PersonalName,
    Location,
    PhoneNumber,
    RecordReference,
    ActorReference,
    SelectOption,
    StatusOption,
    Collection,

    /// <summary>A type the compiler could not resolve; the compiler reports it, the mapping checks stay silent.</summary>
    Unresolved,
}

/// <summary>
/// A member type: its <c>global::</c>-qualified name (nullable value types unwrapped), its kind, whether null is possible,
/// the members of an enum and, for a collection, its element.
/// </summary>
internal sealed record TypeShape(
    ValueKind Kind,
    string TypeName,
    bool IsValueType,
    bool IsNullableValueType,
    EquatableArray<string> EnumMembers,
    TypeShape? Element)
{
    public bool CanBeNull => !IsValueType || IsNullableValueType;

    public bool IsCollection => Kind == ValueKind.Collection;
}

/// <summary>One <c>[AttioObject("slug")]</c> on a class.</summary>
internal sealed record TargetModel(string Slug, string? MatchOn, LocationInfo? SlugLocation, LocationInfo? MatchOnLocation);

/// <summary>One <c>[AttioMap("slug")]</c> on a property, field or positional record parameter.</summary>
internal sealed record MappedMemberModel(
    string MemberName,
    string AccessName,
    TypeShape Type,
    string Slug,
    string? ObjectSlug,
    int WhenNull,
    int Multiselect,
    LocationInfo? SlugLocation,
    LocationInfo? ObjectLocation);

/// <summary>
/// A class, struct or record with <c>[AttioObject]</c>, reduced to values. Built inside the attribute transform, which
/// keeps names unformatted (<see cref="Types"/>): the formatted ones are computed when the emitter or a message asks.
/// </summary>
internal sealed record MappedClassModel(
    string? Namespace,
    EquatableArray<TypePart> Types,
    bool IsPartial,
    bool IsValueType,
    bool IsPublic,
    bool CanHaveExtensions,
    LocationInfo? Location,
    EquatableArray<TargetModel> Targets,
    EquatableArray<MappedMemberModel> Members)
{
    public string Name => TypeNames.Escape(Types[Types.Count - 1].Name);

    public string DisplayName => TypeNames.Display(Types);

    public string FullyQualifiedName => TypeNames.FullyQualified(Namespace, Types);

    public string Declaration => TypeNames.Declaration(Types[Types.Count - 1]);

    public IEnumerable<string> ContainingDeclarations => TypeNames.ContainingDeclarations(Types);

    public string HintName => TypeNames.HintName(Namespace, Types);
}

/// <summary>A diagnostic of the mapping checks, with the suggestion the code fix applies.</summary>
internal sealed record MappingDiagnostic(string Id, LocationInfo? Location, EquatableArray<string> Arguments, string? Suggestion)
{
    public const string SuggestionProperty = "Suggestion";

    /// <summary>Slugs any of which fixes the mistake (ATTIO020: the mapped unique attributes), one code action each.</summary>
    public const string SuggestionsProperty = "Suggestions";

    /// <summary>"Member=NewName" lines (ATTIO021: each unmatched enum member and the name of its closest option).</summary>
    public const string RenamesProperty = "Renames";

    /// <summary>The separator of the list properties: no slug or C# identifier contains a line feed.</summary>
    public const char ListSeparator = '\n';

    public EquatableArray<string> Suggestions { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Renames { get; init; } = EquatableArray<string>.Empty;

    public static MappingDiagnostic Create(DiagnosticDescriptor descriptor, LocationInfo? location, string? suggestion, params string[] arguments) =>
        new(descriptor.Id, location, new EquatableArray<string>(arguments), suggestion);

    public Diagnostic ToDiagnostic(SyntaxTree? tree = null)
    {
        var location = tree is not null && Location is not null && Location.Span.End <= tree.Length
            ? Microsoft.CodeAnalysis.Location.Create(tree, Location.Span)
            : Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None;
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (Suggestion is not null)
        {
            properties = properties.Add(SuggestionProperty, Suggestion);
        }

        if (Suggestions.Count > 0)
        {
            properties = properties.Add(SuggestionsProperty, string.Join(ListSeparator.ToString(), Suggestions));
        }

        if (Renames.Count > 0)
        {
            properties = properties.Add(RenamesProperty, string.Join(ListSeparator.ToString(), Renames));
        }

        return Diagnostic.Create(DiagnosticCatalog.ById(Id), location, properties, Arguments.ToArrayOfObjects());
    }
}

/// <summary>What every mapped class is checked against: the chosen schema, the generated records, and whether any schema file exists.</summary>
internal sealed record MappingContext(SchemaModel? Schema, GenerationModel? Model, bool HasSchemaFile);

/// <summary>The output for one mapped class: its source (when it can be generated) and its diagnostics.</summary>
internal sealed record MappingOutput(string HintName, string? Source, EquatableArray<MappingDiagnostic> Diagnostics);
