using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Attio.Generators.Emit;
using Attio.Generators.Schema;

namespace Attio.Generators.Mapping;

/// <summary>
/// The conversion table: which member types each attribute type accepts, and the C# expression that converts a
/// non-null value of that type to the generated record's property type.
/// </summary>
internal static class Conversions
{
    /// <summary>The expression converting <paramref name="value"/> (of <paramref name="shape"/>, not null) for <paramref name="attribute"/>, or null when the type is not accepted.</summary>
    public static string? Expression(TypeShape shape, AttributeModel attribute, SchemaModel schema, string value)
    {
        var kind = shape.Kind;
        switch (attribute.Type)
        {
            case "text":
            case "email-address":
            case "domain":
                return kind == ValueKind.String ? value : null;
            case "phone-number":
                return kind switch
                {
                    ValueKind.String => $"new global::Attio.PhoneNumber({value})",
                    ValueKind.PhoneNumber => value,
                    _ => null,
                };
            case "select":
            case "status":
                string optionType = attribute.Type == "select" ? "global::Attio.SelectOption" : "global::Attio.StatusOption";
                return kind switch
                {
                    ValueKind.String => $"{optionType}.FromTitle({value})",
                    ValueKind.Enum => $"{optionType}.FromTitle({EnumTitle(shape, attribute, value)})",
                    ValueKind.SelectOption when attribute.Type == "select" => value,
                    ValueKind.StatusOption when attribute.Type == "status" => value,
                    _ => null,
                };
            case "record-reference":
                if (kind == ValueKind.RecordReference)
                {
                    return value;
                }

                return kind == ValueKind.String && ReferenceKey(attribute, schema) is { } key
                    ? $"global::Attio.RecordReference.ByMatch({SourceText.Literal(key.Object)}, {SourceText.Literal(key.Attribute)}, {KeyType(key, schema)}, {value})"
                    : null;
            case "actor-reference":
                return kind switch
                {
                    ValueKind.String => $"global::Attio.ActorReference.ByEmail({value})",
                    ValueKind.ActorReference => value,
                    _ => null,
                };
            case "personal-name":
                return kind switch
                {
                    ValueKind.String => $"global::Attio.PersonalName.Parse({value})",
                    ValueKind.PersonalName => value,
                    _ => null,
                };
            case "location":
                return kind switch
                {
                    ValueKind.String => $"global::Attio.Location.Parse({value})",
                    ValueKind.Location => value,
                    _ => null,
                };
            case "number":
                return kind == ValueKind.Double ? value : IsNumeric(kind) ? $"(double){value}" : null;
            case "currency":
                return kind == ValueKind.Decimal ? value : IsNumeric(kind) ? $"(decimal){value}" : null;
            case "rating":
                return kind == ValueKind.Int32 ? value : IsIntegral(kind) ? $"checked((int){value})" : null;
            case "checkbox":
                return kind == ValueKind.Boolean ? value : null;
            case "date":
                return kind switch
                {
                    ValueKind.DateOnly => value,
                    ValueKind.DateTime or ValueKind.DateTimeOffset => $"global::Attio.Internal.AttioMappingConversions.ToDate({value})",
                    _ => null,
                };
            case "timestamp":
                return kind switch
                {
                    ValueKind.DateTimeOffset => value,
                    ValueKind.DateTime or ValueKind.DateOnly => $"global::Attio.Internal.AttioMappingConversions.ToTimestamp({value})",
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>The member types <paramref name="attribute"/> accepts, for ATTIO002.</summary>
    public static string Accepted(AttributeModel attribute, SchemaModel schema)
    {
        string types = attribute.Type switch
        {
            "text" or "email-address" or "domain" => "string",
            "phone-number" => "string (E.164), Attio.PhoneNumber",
            "select" => "string (option title), an enum (member name = option title), Attio.SelectOption",
            "status" => "string (status title), an enum (member name = status title), Attio.StatusOption",
            "record-reference" => ReferenceKey(attribute, schema) is { } key
                ? $"string (matched on {key.Object}.{key.Attribute}), Attio.RecordReference"
                : "Attio.RecordReference",
            "actor-reference" => "string (member email), Attio.ActorReference",
            "personal-name" => "string (\"Last, First\"), Attio.PersonalName",
            "location" => "string (\"line 1, locality, region, postcode, country code\"), Attio.Location",
            "number" or "currency" => "any numeric type (int, long, double, decimal, ...)",
            "rating" => "an integral type (int, long, short, byte, ...)",
            "checkbox" => "bool",
            "date" or "timestamp" => "DateOnly, DateTime, DateTimeOffset",
            _ => "no member type (the attribute cannot be written)",
        };
        return attribute.IsMultiselect ? types + ", or a collection of these" : types;
    }

    /// <summary>How a string member names the target of a record reference: the single allowed object and its natural key.</summary>
    public static (string Object, string Attribute)? ReferenceKey(AttributeModel attribute, SchemaModel schema)
    {
        if (attribute.AllowedObjectSlugs.Count != 1)
        {
            return null;
        }

        string target = attribute.AllowedObjectSlugs[0];
        var targetObject = schema.Objects.FirstOrDefault(o => o.ApiSlug == target);
        if (targetObject is null)
        {
            return null;
        }

        // A string member referencing a standard object is matched by its natural key.
        if (AttioStandardObjects.NaturalKeyOf(target) is { } natural && targetObject.Attributes.Any(a => a.ApiSlug == natural && a.IsUnique))
        {
            return (target, natural);
        }

        var firstUniqueText = targetObject.Attributes.FirstOrDefault(a => a.IsUnique && a.IsWritable && !a.IsArchived && a.Type == "text");
        return firstUniqueText is null ? null : (target, firstUniqueText.ApiSlug);
    }

    /// <summary>The matching attribute's type as the runtime enum, so the reference is written and checked as that type.</summary>
    private static string KeyType((string Object, string Attribute) key, SchemaModel schema)
    {
        string apiType = schema.Objects.First(o => o.ApiSlug == key.Object).Attributes.First(a => a.ApiSlug == key.Attribute).Type;
        return "global::Attio.AttioAttributeType." + (AttributeTypes.Find(apiType)?.EnumMember ?? "Text");
    }

    public static string Describe(TypeShape shape)
    {
        string name = shape.TypeName.Replace("global::", string.Empty);
        return shape.IsNullableValueType ? name + "?" : name;
    }

    /// <summary>A switch from enum member to option title: a member matches the title equal to it ignoring case, spaces and punctuation.</summary>
    private static string EnumTitle(TypeShape shape, AttributeModel attribute, string value)
    {
        var builder = new StringBuilder("(").Append(value).Append(" switch { ");
        foreach (string member in shape.EnumMembers)
        {
            string bare = member.TrimStart('@');
            var option = attribute.Options.FirstOrDefault(o => !o.IsArchived && Normalize(o.Title) == Normalize(bare));
            builder.Append(shape.TypeName).Append('.').Append(member).Append(" => ").Append(SourceText.Literal(option?.Title ?? bare)).Append(", ");
        }

        return builder.Append("_ => ").Append(value).Append(".ToString() })").ToString();
    }

    /// <summary>Enum members whose name matches no option title, for the warning.</summary>
    public static IEnumerable<string> UnmatchedEnumMembers(TypeShape shape, AttributeModel attribute) =>
        attribute.Options.Count == 0
            ? Enumerable.Empty<string>()
            : shape.EnumMembers.Select(m => m.TrimStart('@')).Where(m => !attribute.Options.Any(o => !o.IsArchived && Normalize(o.Title) == Normalize(m)));

    /// <summary>
    /// "Member=Name" for each unmatched member: the C# name of the closest option no other member matches, for the code fix
    /// that renames the member. Members whose new name would clash or is not an identifier get none.
    /// </summary>
    public static IEnumerable<string> ClosestOptionNames(TypeShape shape, AttributeModel attribute, IReadOnlyCollection<string> unmatched)
    {
        var members = new HashSet<string>(shape.EnumMembers.Select(m => m.TrimStart('@')), StringComparer.Ordinal);
        var free = attribute.Options
            .Where(o => !o.IsArchived && !members.Any(m => Normalize(o.Title) == Normalize(m)))
            .Select(o => o.Title)
            .ToList();
        foreach (string member in unmatched)
        {
            if (Levenshtein.Nearest(Normalize(member), free.Select(Normalize)) is not { } nearest)
            {
                continue;
            }

            string title = free.First(t => Normalize(t) == nearest);
            string name = Model.Naming.ToPascalCase(title, "_");
            if (name[0] is not ('@' or '_') && !members.Contains(name))
            {
                free.Remove(title);
                yield return member + "=" + name;
            }
        }
    }

    private static string Normalize(string text) =>
        new string(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static bool IsIntegral(ValueKind kind) =>
        kind is ValueKind.SByte or ValueKind.Byte or ValueKind.Int16 or ValueKind.UInt16 or ValueKind.Int32 or ValueKind.UInt32 or ValueKind.Int64 or ValueKind.UInt64;

    private static bool IsNumeric(ValueKind kind) =>
        IsIntegral(kind) || kind is ValueKind.Single or ValueKind.Double or ValueKind.Decimal;
}
