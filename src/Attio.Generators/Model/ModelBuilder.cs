using System;
using System.Collections.Generic;
using System.Linq;
using Attio.Generators.Common;
using Attio.Generators.Diagnostics;
using Attio.Generators.Schema;

namespace Attio.Generators.Model;

/// <summary>Turns a parsed schema into a <see cref="GenerationModel"/>: class, property and constant names, matching attributes, actions.</summary>
internal static class ModelBuilder
{
    public const string ClientClassName = "AttioWorkspace";

    // Members of AttioRecord and object, and the nested types every record class declares.
    private static readonly string[] ReservedMemberNames =
    {
        "ObjectSlug", "ApiSlug", "GetState", "CollectValidationErrors", "WriteValues", "GetValidationErrors", "Validate",
        "WriteRequestBody", "ToRequestBody", "Clone", "AttioAttributes", "Equals", "GetHashCode", "ToString", "GetType",
        "MemberwiseClone", "Finalize", "ReferenceEquals", "GetAttributeInfos",
        // Reserved because AttioAttributes declares it beside one field per attribute.
        "All",
    };

    public static (GenerationModel Model, EquatableArray<DiagnosticInfo> Diagnostics) Build(SchemaModel schema, string @namespace)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var classNames = ClassNames(schema, diagnostics);
        var records = new List<RecordClassModel>(schema.Objects.Count);
        for (int i = 0; i < schema.Objects.Count; i++)
        {
            records.Add(BuildRecord(@namespace, classNames[i], schema.Objects[i], schema));
        }

        var identify = BuildIdentify(records, schema, diagnostics);
        var group = BuildGroup(records, schema, diagnostics);
        return (new GenerationModel(@namespace, records.ToEquatableArray(), identify, group), diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// The class name of each object, in schema order. Cheap beside the records themselves, and a record's member names
    /// depend on its class name, so whoever builds only some records (the analyzer) still names every class.
    /// </summary>
    public static IReadOnlyList<string> ClassNames(SchemaModel schema, List<DiagnosticInfo> diagnostics)
    {
        // Ignoring case: each class becomes a file whose hint name must be unique ignoring case (CS8785 otherwise), and
        // "Deal"/"DEAL" would also clash on case-insensitive file systems.
        var takenTypeNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ClientClassName };
        var names = new List<string>(schema.Objects.Count);
        var classNameBySlug = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var obj in schema.Objects)
        {
            string preferred = Naming.ToPascalCase(obj.SingularNoun ?? obj.ApiSlug, "AttioObject");
            string className = preferred;
            if (IsTaken(className, takenTypeNames))
            {
                string fallback = Naming.ToPascalCase(obj.ApiSlug, "AttioObject");
                className = UniqueClassName(IsTaken(fallback, takenTypeNames) ? preferred : fallback, takenTypeNames);
                var other = classNameBySlug.FirstOrDefault(p => IsTaken(preferred, new HashSet<string>(DerivedTypeNames(p.Value), StringComparer.OrdinalIgnoreCase))).Key ?? preferred;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DuplicateClassName, obj.Location, other, obj.ApiSlug, preferred.TrimStart('@'), className.TrimStart('@')));
            }
            takenTypeNames.UnionWith(DerivedTypeNames(className));
            classNameBySlug[obj.ApiSlug] = className;
            names.Add(className);
        }

        return names;
    }

    /// <summary>IdentifyUserAsync's pair (people + users); <paramref name="records"/> needs only those two objects' records.</summary>
    public static ActionModel? BuildIdentify(IReadOnlyList<RecordClassModel> records, SchemaModel schema, List<DiagnosticInfo> diagnostics) =>
        BuildAction(records, "people", "email_addresses", "email-address", "users", "user_id", "person", "primary_email_address", null, "IdentifyUserAsync", schema, diagnostics);

    /// <summary>GroupWorkspaceAsync's pair (companies + workspaces); <paramref name="records"/> needs only those two objects' records.</summary>
    public static ActionModel? BuildGroup(IReadOnlyList<RecordClassModel> records, SchemaModel schema, List<DiagnosticInfo> diagnostics) =>
        BuildAction(records, "companies", "domains", "domain", "workspaces", "workspace_id", "company", null, "users", "GroupWorkspaceAsync", schema, diagnostics);

    // The unique attributes of each allowed target, so the runtime can refuse a reference by match on anything else
    // and knows each key's type. Null unless the reference is restricted to objects the export describes.
    private static EquatableArray<TargetKeyModel>? TargetKeys(AttributeModel attribute, SchemaModel schema)
    {
        var keys = new List<TargetKeyModel>();
        if (attribute.Type != "record-reference" || attribute.AllowedObjectSlugs.Count == 0)
        {
            return null;
        }

        foreach (string target in attribute.AllowedObjectSlugs)
        {
            var targetObject = schema.Objects.FirstOrDefault(o => o.ApiSlug == target);
            if (targetObject is null)
            {
                // A target the export does not describe: its keys are unknown, so the runtime must not refuse any.
                return null;
            }

            foreach (var key in targetObject.Attributes.Where(a => a.IsUnique && !a.IsArchived))
            {
                if (AttributeTypes.Find(key.Type) is { } type)
                {
                    keys.Add(new TargetKeyModel(target, key.ApiSlug, type.EnumMember));
                }
            }
        }

        return keys.ToEquatableArray();
    }


    /// <summary>A class name is free only when every type generated for it is: the record, its matching enum and that enum's extensions.</summary>
    private static bool IsTaken(string name, HashSet<string> taken) => DerivedTypeNames(name).Any(taken.Contains);

    private static IEnumerable<string> DerivedTypeNames(string className)
    {
        string bare = className.TrimStart('@');
        return new[] { bare, bare + "MatchingAttribute", bare + "MatchingAttributeExtensions" };
    }

    private static string UniqueClassName(string name, HashSet<string> taken)
    {
        string candidate = name;
        for (int i = 2; IsTaken(candidate, taken); i++)
        {
            candidate = name.TrimStart('@') + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    public static RecordClassModel BuildRecord(string @namespace, string className, ObjectModel obj, SchemaModel schema)
    {
        var taken = new HashSet<string>(ReservedMemberNames, StringComparer.Ordinal) { className.TrimStart('@') };

        // Each property declares a backing field and a state field (FieldName + "State"): `plan` and `plan_state` would both
        // want "_planState", so a field name is taken with its state field.
        var takenFields = new HashSet<string>(StringComparer.Ordinal);
        var properties = new List<PropertyModel>();
        int index = 0;
        foreach (var attribute in obj.Attributes)
        {
            index++;
            var type = AttributeTypes.Find(attribute.Type);
            if (type?.Codec is null || !attribute.IsWritable || attribute.IsArchived)
            {
                continue;
            }

            string name = Naming.Unique(Naming.ToPascalCase(attribute.ApiSlug, "Attribute" + index), taken);
            string? optionsClass = null;
            var constants = new List<OptionConstantModel>();
            if (attribute.Type is "select" or "status")
            {
                optionsClass = Naming.Unique(name.TrimStart('@') + (attribute.Type == "select" ? "Options" : "Statuses"), taken);
                var constantNames = new HashSet<string>(StringComparer.Ordinal) { optionsClass.TrimStart('@') };
                int optionIndex = 0;
                foreach (var option in attribute.Options)
                {
                    optionIndex++;
                    constants.Add(new OptionConstantModel(Naming.Unique(Naming.ToPascalCase(option.Title, "Option" + optionIndex), constantNames), option.Title, option.IsArchived));
                }
            }

            var targetKeys = TargetKeys(attribute, schema);
            properties.Add(new PropertyModel(
                name,
                FieldName(name, takenFields),
                attribute.ApiSlug,
                attribute.Title,
                attribute.Description,
                attribute.Type,
                type.EnumMember,
                type.ClrType,
                type.IsValueType,
                type.Codec,
                attribute.IsMultiselect,
                attribute.IsUnique,
                attribute.IsRequired,
                attribute.AllowedObjectSlugs,
                optionsClass,
                constants.ToEquatableArray(),
                targetKeys ?? EquatableArray<TargetKeyModel>.Empty,
                targetKeys is not null));
        }

        var unique = properties.Where(p => p.IsUnique).ToList();
        if (AttioStandardObjects.NaturalKeyOf(obj.ApiSlug) is { } natural)
        {
            unique = unique.OrderBy(p => p.Slug == natural ? 0 : 1).ToList();
        }

        var enumNames = new HashSet<string>(StringComparer.Ordinal);
        var matching = unique.Select(p => new MatchingAttributeModel(Naming.Unique(p.Name.TrimStart('@'), enumNames), p.Slug, p.Name)).ToEquatableArray();
        return new RecordClassModel(@namespace, className, obj.ApiSlug, obj.SingularNoun ?? obj.ApiSlug, obj.PluralNoun, properties.ToEquatableArray(), matching);
    }

    private static string FieldName(string propertyName, HashSet<string> taken)
    {
        string bare = propertyName.TrimStart('@');
        string name = "_" + char.ToLowerInvariant(bare[0]) + bare.Substring(1);
        string candidate = name;
        for (int i = 2; taken.Contains(candidate) || taken.Contains(candidate + "State"); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        taken.Add(candidate);
        taken.Add(candidate + "State");
        return candidate;
    }

    private static ActionModel? BuildAction(
        IReadOnlyList<RecordClassModel> records,
        string firstObject, string firstKey, string firstKeyType,
        string secondObject, string secondKey, string linkSlug, string? emailSlug, string? membershipSlug,
        string methodName, SchemaModel schema, List<DiagnosticInfo> diagnostics)
    {
        var first = records.FirstOrDefault(r => r.ObjectSlug == firstObject);
        var second = records.FirstOrDefault(r => r.ObjectSlug == secondObject);
        string? reason = null;
        if (first is null || second is null)
        {
            string missing = first is null ? firstObject : secondObject;
            reason = $"the object '{missing}' is not in the exported schema" +
                (missing is "users" or "workspaces" ? $"; activate it in Attio under Workspace Settings > Objects and export the schema again" : string.Empty);
        }

        PropertyModel? Find(RecordClassModel? r, string slug, string type) =>
            r?.Properties.FirstOrDefault(p => p.Slug == slug && p.ApiType == type);

        var firstKeyProperty = Find(first, firstKey, firstKeyType);
        var secondKeyProperty = Find(second, secondKey, "text");
        var link = Find(second, linkSlug, "record-reference");
        if (reason is null && (firstKeyProperty is null || secondKeyProperty is null || link is null))
        {
            reason = firstKeyProperty is null ? $"'{firstObject}.{firstKey}' ({firstKeyType}) is missing or not writable"
                : secondKeyProperty is null ? $"'{secondObject}.{secondKey}' (text) is missing or not writable"
                : $"'{secondObject}.{linkSlug}' (record-reference) is missing or not writable";
        }

        var email = emailSlug is null ? null : Find(second, emailSlug, "email-address");

        // The action writes one key, one link and one email into the second record: a schema declaring any of them
        // multiselect would give code assigning a value to a list, so the action is reported instead of generated.
        if (reason is null && new[] { secondKeyProperty, link, email }.FirstOrDefault(p => p is { IsMultiselect: true }) is { } multi)
        {
            reason = $"'{secondObject}.{multi.Slug}' ({multi.ApiType}) is multiselect in the schema, but {methodName} writes one value to it";
        }

        if (reason is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.ActionNotGenerated,
                LocationInfo.InFile(schema.FilePath, 0, 0, 0, 0, 0, 0), methodName, reason));
            return null;
        }

        var membership = membershipSlug is null ? null : Find(second, membershipSlug, "record-reference");
        return new ActionModel(
            first!.ClassName, firstKeyProperty!.Name, firstKey, firstKeyProperty.IsMultiselect,
            second!.ClassName, secondKeyProperty!.Name, secondKey, link!.Name, firstObject,
            email?.Name,
            membership is { IsMultiselect: true } ? membership.Name : null,
            membership is { IsMultiselect: true } ? (membership.AllowedObjects.Count == 1 ? membership.AllowedObjects[0] : "users") : null);
    }
}
