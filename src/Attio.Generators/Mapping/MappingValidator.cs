using System;
using System.Collections.Generic;
using System.Linq;
using Attio.Generators.Common;
using Attio.Generators.Diagnostics;
using Attio.Generators.Model;
using Attio.Generators.Schema;

namespace Attio.Generators.Mapping;

/// <summary>A member mapping that passed every check.</summary>
internal sealed record ResolvedMapping(MappedMemberModel Member, AttributeModel Attribute, PropertyModel Property, bool IsAppend);

/// <summary>A target object of a class, with the mappings that write it and the attribute its assert matches on.</summary>
internal sealed record ResolvedTarget(TargetModel Target, ObjectModel Object, RecordClassModel Record, List<ResolvedMapping> Mappings)
{
    public string? MatchingSlug { get; set; }
}

internal sealed record ResolvedClass(MappedClassModel Class, SchemaModel Schema, GenerationModel Model, List<ResolvedTarget> Targets, bool Identify, bool Group);

/// <summary>Checks a mapped class against the schema: every diagnostic of the mapping feature comes from here.</summary>
internal static class MappingValidator
{
    /// <summary>The generator's entry: the checks, and what emitting the class needs.</summary>
    public static ResolvedClass? Validate(MappedClassModel mapped, MappingContext context, List<MappingDiagnostic> diagnostics)
    {
        var model = context.Model;
        var result = Check(mapped, context.Schema, model is null ? null : new ModelRecords(model), context.HasSchemaFile, diagnostics);
        return result is null ? null : new ResolvedClass(mapped, context.Schema!, model!, result.Value.Targets, result.Value.Identify, result.Value.Group);
    }

    /// <summary>The checks alone, against whichever records <paramref name="records"/> provides; null when nothing can be resolved.</summary>
    public static (List<ResolvedTarget> Targets, bool Identify, bool Group)? Check(MappedClassModel mapped, SchemaModel? schema, IRecordLookup? records,
        bool hasSchemaFile, List<MappingDiagnostic> diagnostics)
    {
        if (!mapped.IsPartial)
        {
            diagnostics.Add(MappingDiagnostic.Create(DiagnosticCatalog.ClassNotPartial, mapped.Location, null, mapped.DisplayName));
        }

        if (schema is null || records is null)
        {
            if (!hasSchemaFile)
            {
                diagnostics.Add(MappingDiagnostic.Create(DiagnosticCatalog.SchemaNotFound, mapped.Targets[0].SlugLocation ?? mapped.Location, null));
            }

            // Otherwise the schema file is invalid, which ATTIO007 already reports.
            return null;
        }

        var targets = new List<ResolvedTarget>();
        var targetSlugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in mapped.Targets)
        {
            if (!targetSlugs.Add(target.Slug))
            {
                continue;
            }

            var obj = schema.Objects.FirstOrDefault(o => o.ApiSlug == target.Slug)
                ?? schema.Objects.FirstOrDefault(o => o.ObjectId.Length > 0 && string.Equals(o.ObjectId, target.Slug, StringComparison.OrdinalIgnoreCase));
            var record = obj is null ? null : records.Find(obj.ApiSlug);
            if (obj is null || record is null)
            {
                string? suggestion = Levenshtein.Closest(target.Slug, schema.Objects.Select(o => o.ApiSlug));
                string hint = suggestion is null ? "; " + ExistingObjects(schema) : $"; did you mean '{suggestion}'?";
                if (target.Slug is "users" or "workspaces")
                {
                    hint += "; activate the object in Workspace Settings > Objects and export the schema again";
                }

                diagnostics.Add(MappingDiagnostic.Create(DiagnosticCatalog.UnknownObject, target.SlugLocation ?? mapped.Location, suggestion, target.Slug, hint));
                continue;
            }

            targets.Add(new ResolvedTarget(target, obj, record, new List<ResolvedMapping>()));
        }

        var firstMemberBySlug = new Dictionary<(string, string), string>();
        foreach (var member in mapped.Members)
        {
            var resolved = Resolve(mapped, member, targets, targetSlugs, schema, diagnostics);
            if (resolved is null)
            {
                continue;
            }

            var (target, attribute) = resolved.Value;
            if (firstMemberBySlug.TryGetValue((target.Object.ApiSlug, attribute.ApiSlug), out var firstMember))
            {
                diagnostics.Add(MappingDiagnostic.Create(DiagnosticCatalog.DuplicateMapping, member.SlugLocation, null,
                    target.Object.ApiSlug, attribute.ApiSlug, firstMember, member.MemberName));
                continue;
            }

            firstMemberBySlug[(target.Object.ApiSlug, attribute.ApiSlug)] = member.MemberName;
            if (CheckValue(mapped, member, target, attribute, schema, diagnostics) is { } mapping)
            {
                target.Mappings.Add(mapping);
            }
        }

        foreach (var target in targets)
        {
            target.MatchingSlug = MatchingAttribute(target, diagnostics);
        }

        bool identify = CheckKeys(mapped, targets, "people", "email_addresses", "users", "user_id", "IdentifyUserAsync", diagnostics) && records.HasIdentify;
        bool group = CheckKeys(mapped, targets, "companies", "domains", "workspaces", "workspace_id", "GroupWorkspaceAsync", diagnostics) && records.HasGroup;
        return (targets, identify, group);
    }

    private static (ResolvedTarget Target, AttributeModel Attribute)? Resolve(MappedClassModel mapped, MappedMemberModel member,
        List<ResolvedTarget> targets, HashSet<string> targetSlugs, SchemaModel schema, List<MappingDiagnostic> diagnostics)
    {
        if (member.ObjectSlug is { } objectSlug)
        {
            if (!targetSlugs.Contains(objectSlug))
            {
                string? suggestion = Levenshtein.Closest(objectSlug, targetSlugs);
                diagnostics.Add(MappingDiagnostic.Create(DiagnosticCatalog.ObjectNotTargeted, member.ObjectLocation, suggestion,
                    member.MemberName, objectSlug, mapped.DisplayName, Join(targetSlugs, "and")));
                return null;
            }

            var only = targets.FirstOrDefault(t => t.Target.Slug == objectSlug);
            return only is null ? null : Find(only, member, new[] { only }, diagnostics);
        }

        if (targets.Count == 0)
        {
            return null;
        }

        var matches = targets.Where(t => FindAttribute(t.Object, member.Slug) is not null).ToList();
        if (matches.Count > 1)
        {
            diagnostics.Add(MappingDiagnostic.Create(DiagnosticCatalog.AmbiguousObject, member.SlugLocation, null,
                member.Slug, Join(matches.Select(t => t.Object.ApiSlug), "and")));
            return null;
        }

        return Find(matches.Count == 1 ? matches[0] : null, member, targets, diagnostics);
    }

    private static (ResolvedTarget, AttributeModel)? Find(ResolvedTarget? target, MappedMemberModel member, IReadOnlyList<ResolvedTarget> searched, List<MappingDiagnostic> diagnostics)
    {
        var attribute = target is null ? null : FindAttribute(target.Object, member.Slug);
        if (target is null || attribute is null)
        {
            string? suggestion = Levenshtein.Closest(member.Slug, searched.SelectMany(t => t.Object.Attributes.Where(a => !a.IsArchived).Select(a => a.ApiSlug)));
            diagnostics.Add(MappingDiagnostic.Create(DiagnosticCatalog.UnknownAttribute, member.SlugLocation, suggestion,
                string.Join("' or '", searched.Select(t => t.Object.ApiSlug)), member.Slug, suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
            return null;
        }

        return (target, attribute);
    }

    private static ResolvedMapping? CheckValue(MappedClassModel mapped, MappedMemberModel member, ResolvedTarget target, AttributeModel attribute,
        SchemaModel schema, List<MappingDiagnostic> diagnostics)
    {
        string objectSlug = target.Object.ApiSlug;
        var property = target.Record.Properties.FirstOrDefault(p => p.Slug == attribute.ApiSlug);
        if (!attribute.IsWritable || attribute.IsArchived || property is null)
        {
            diagnostics.Add(MappingDiagnostic.Create(DiagnosticCatalog.ReadOnlyAttribute, member.SlugLocation, null,
                objectSlug, attribute.ApiSlug, attribute.Type, attribute.IsArchived ? "it is archived" : "Attio sets it itself"));
            return null;
        }

        string memberName = mapped.DisplayName + "." + member.MemberName;
        if (member.Type.IsCollection && !attribute.IsMultiselect)
        {
            diagnostics.Add(MappingDiagnostic.Create(DiagnosticCatalog.CollectionToSingleValue, member.SlugLocation, null,
                memberName, objectSlug, attribute.ApiSlug, attribute.Type));
            return null;
        }

        var valueShape = member.Type.IsCollection ? member.Type.Element : member.Type;
        if (valueShape?.Kind == ValueKind.Unresolved || member.Type.Kind == ValueKind.Unresolved)
        {
            return null;
        }

        if (valueShape is null || Conversions.Expression(valueShape, attribute, schema, "value") is null)
        {
            diagnostics.Add(MappingDiagnostic.Create(DiagnosticCatalog.IncompatibleType, member.SlugLocation, null,
                memberName, Conversions.Describe(member.Type), objectSlug, attribute.ApiSlug, attribute.Type, Conversions.Accepted(attribute, schema)));
            return null;
        }

        if (valueShape.Kind == ValueKind.Enum && Conversions.UnmatchedEnumMembers(valueShape, attribute).ToList() is { Count: > 0 } unmatched)
        {
            diagnostics.Add(MappingDiagnostic.Create(DiagnosticCatalog.EnumMemberWithoutOption, member.SlugLocation, null,
                Conversions.Describe(valueShape), string.Join(", ", unmatched), objectSlug, attribute.ApiSlug,
                string.Join(", ", attribute.Options.Where(o => !o.IsArchived).Select(o => "'" + o.Title + "'")))
                with { Renames = Conversions.ClosestOptionNames(valueShape, attribute, unmatched).ToEquatableArray() });
        }

        return new ResolvedMapping(member, attribute, property, attribute.IsMultiselect && member.Multiselect == 1);
    }

    /// <summary>The attribute the generated assert overload matches on: MatchOn when given, else the natural key or first unique attribute mapped.</summary>
    private static string? MatchingAttribute(ResolvedTarget target, List<MappingDiagnostic> diagnostics)
    {
        string objectSlug = target.Object.ApiSlug;
        if (target.Target.MatchOn is { } matchOn)
        {
            var attribute = FindAttribute(target.Object, matchOn);
            var location = target.Target.MatchOnLocation ?? target.Target.SlugLocation;
            if (attribute is null)
            {
                string? suggestion = Levenshtein.Closest(matchOn, target.Object.Attributes.Where(a => a.IsUnique && !a.IsArchived).Select(a => a.ApiSlug));
                diagnostics.Add(MappingDiagnostic.Create(DiagnosticCatalog.UnknownAttribute, location, suggestion,
                    objectSlug, matchOn, suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
                return null;
            }

            var matching = target.Record.MatchingAttributes.FirstOrDefault(m => m.Slug == attribute.ApiSlug);
            if (matching is null)
            {
                string unique = string.Join(", ", target.Record.MatchingAttributes.Select(m => m.Slug));
                diagnostics.Add(MappingDiagnostic.Create(DiagnosticCatalog.MatchingAttributeNotUnique, location, null,
                    objectSlug, attribute.ApiSlug, unique.Length == 0 ? "(none)" : unique));
                return null;
            }

            if (!target.Mappings.Any(m => m.Attribute.ApiSlug == attribute.ApiSlug))
            {
                var mappedUnique = target.Record.MatchingAttributes.Select(m => m.Slug)
                    .Where(slug => target.Mappings.Any(m => m.Attribute.ApiSlug == slug));
                diagnostics.Add(MappingDiagnostic.Create(DiagnosticCatalog.MatchingAttributeNotMapped, location, null,
                    objectSlug, attribute.ApiSlug) with { Suggestions = mappedUnique.ToEquatableArray() });
                return null;
            }

            return attribute.ApiSlug;
        }

        return target.Record.MatchingAttributes
            .Select(m => m.Slug)
            .FirstOrDefault(slug => target.Mappings.Any(m => m.Attribute.ApiSlug == slug));
    }

    /// <summary>Whether a class targeting both objects of an action maps both keys; the action itself may still be missing from the schema.</summary>
    private static bool CheckKeys(MappedClassModel mapped, List<ResolvedTarget> targets, string firstObject, string firstKey,
        string secondObject, string secondKey, string action, List<MappingDiagnostic> diagnostics)
    {
        var first = targets.FirstOrDefault(t => t.Object.ApiSlug == firstObject);
        var second = targets.FirstOrDefault(t => t.Object.ApiSlug == secondObject);
        if (first is null || second is null)
        {
            return false;
        }

        var missing = new List<string>();
        if (!first.Mappings.Any(m => m.Attribute.ApiSlug == firstKey))
        {
            missing.Add($"'{firstObject}.{firstKey}'");
        }

        if (!second.Mappings.Any(m => m.Attribute.ApiSlug == secondKey))
        {
            missing.Add($"'{secondObject}.{secondKey}'");
        }

        if (missing.Count > 0)
        {
            var location = first.Target.SlugLocation.Start() > second.Target.SlugLocation.Start() ? first.Target.SlugLocation : second.Target.SlugLocation;
            diagnostics.Add(MappingDiagnostic.Create(DiagnosticCatalog.MissingActionKeys, location ?? mapped.Location, null,
                mapped.DisplayName, $"'{firstObject}' and '{secondObject}'", string.Join(" and ", missing), action));
            return false;
        }

        return true;
    }

    /// <summary>With no close slug to suggest, what the schema does have (a large workspace's list is cut short).</summary>
    private static string ExistingObjects(SchemaModel schema)
    {
        // Every object of the schema gets a record, so the schema's slugs are the objects a class can target.
        const int Shown = 20;
        var slugs = schema.Objects.Select(o => o.ApiSlug).ToList();
        if (slugs.Count == 0)
        {
            return "the exported schema has no objects";
        }

        string listed = string.Join(", ", slugs.Take(Shown).Select(slug => "'" + slug + "'"));
        return "objects in the exported schema: " + listed + (slugs.Count > Shown ? $" and {slugs.Count - Shown} more" : string.Empty);
    }

    /// <summary>An attribute by slug, or by attribute id.</summary>
    public static AttributeModel? FindAttribute(ObjectModel obj, string slugOrId) =>
        obj.Attributes.FirstOrDefault(a => a.ApiSlug == slugOrId)
        ?? obj.Attributes.FirstOrDefault(a => a.AttributeId.Length > 0 && string.Equals(a.AttributeId, slugOrId, StringComparison.OrdinalIgnoreCase));

    private static int Start(this LocationInfo? location) => location?.Span.Start ?? -1;

    private static string Join(IEnumerable<string> items, string conjunction)
    {
        var list = items.Select(i => "'" + i + "'").ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " " + conjunction + " " + list[list.Count - 1];
    }
}
