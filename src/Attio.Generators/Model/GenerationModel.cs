using Attio.Generators.Common;

namespace Attio.Generators.Model;

/// <summary>Everything the emitters need, with every name already resolved. Equatable, so unchanged schemas are not re-emitted.</summary>
internal sealed record GenerationModel(
    string Namespace,
    EquatableArray<RecordClassModel> Records,
    ActionModel? Identify,
    ActionModel? Group);

internal sealed record RecordClassModel(
    string Namespace,
    string ClassName,
    string ObjectSlug,
    string Title,
    string? PluralNoun,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<MatchingAttributeModel> MatchingAttributes);

internal sealed record PropertyModel(
    string Name,
    string FieldName,
    string Slug,
    string Title,
    string? Description,
    string ApiType,
    string EnumMember,
    string ElementType,
    bool IsValueType,
    string Codec,
    bool IsMultiselect,
    bool IsUnique,
    bool IsRequired,
    EquatableArray<string> AllowedObjects,
    string? OptionsClassName,
    EquatableArray<OptionConstantModel> Options,
    EquatableArray<TargetKeyModel> TargetKeys = default,
    bool TargetKeysKnown = false);

/// <summary>A unique attribute of an object a record reference may target: what a reference by match can use.</summary>
internal sealed record TargetKeyModel(string ObjectSlug, string Slug, string EnumMember);

internal sealed record OptionConstantModel(string Name, string Title, bool IsArchived);

internal sealed record MatchingAttributeModel(string Name, string Slug, string PropertyName);

/// <summary>The pair of records an identify (people + users) or group (companies + workspaces) action writes.</summary>
internal sealed record ActionModel(
    string FirstClass,
    string FirstKeyProperty,
    string FirstKeySlug,
    bool FirstKeyIsMultiselect,
    string SecondClass,
    string SecondKeyProperty,
    string SecondKeySlug,
    string SecondLinkProperty,
    string FirstObjectSlug,
    string? SecondEmailProperty,
    string? MembershipProperty,
    string? MembershipTargetObject);
