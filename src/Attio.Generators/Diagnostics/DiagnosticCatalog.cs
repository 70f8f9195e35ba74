using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Attio.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the Attio generator reports. IDs are never reused; each has a page under docs/diagnostics
/// and a line in AnalyzerReleases.*.md.
/// </summary>
internal static class DiagnosticCatalog
{
    private const string MappingCategory = "Attio.Mapping";
    private const string SchemaCategory = "Attio.Schema";
    private const string HelpLinkBase = RepositoryInfo.DiagnosticsHelpLinkBase;

    public static readonly DiagnosticDescriptor UnknownAttribute = Error("ATTIO001", MappingCategory,
        "Unknown Attio attribute",
        "The object '{0}' has no attribute '{1}' in the exported schema{2}");

    public static readonly DiagnosticDescriptor IncompatibleType = Error("ATTIO002", MappingCategory,
        "Member type cannot be converted to the attribute type",
        "'{0}' is {1}, which cannot be written to '{2}.{3}' ({4}); use one of: {5}");

    public static readonly DiagnosticDescriptor ReadOnlyAttribute = Error("ATTIO003", MappingCategory,
        "Attribute is read-only",
        "'{0}.{1}' ({2}) is not writable: {3}; remove the mapping");

    public static readonly DiagnosticDescriptor UnknownObject = Error("ATTIO004", MappingCategory,
        "Object is not in the exported schema",
        "The object '{0}' is not in the exported schema{1}");

    public static readonly DiagnosticDescriptor MatchingAttributeNotUnique = Error("ATTIO005", MappingCategory,
        "Matching attribute is not unique",
        "'{0}.{1}' cannot be the matching attribute: it is not unique; unique attributes of '{0}': {2}");

    public static readonly DiagnosticDescriptor SchemaNotFound = Error("ATTIO006", SchemaCategory,
        "No Attio schema file",
        "Attio attributes are used but no schema file was found; add attio-schema.json to the project folder or mark a file with <AdditionalFiles Include=\"...\" AttioSchema=\"true\" />");

    public static readonly DiagnosticDescriptor InvalidSchema = Error("ATTIO007", SchemaCategory,
        "Invalid Attio schema file",
        "The Attio schema file is invalid: {0}");

    public static readonly DiagnosticDescriptor DuplicateMapping = Error("ATTIO008", MappingCategory,
        "Attribute mapped twice",
        "'{0}.{1}' is mapped by both '{2}' and '{3}'; map each attribute once");

    public static readonly DiagnosticDescriptor CollectionToSingleValue = Error("ATTIO009", MappingCategory,
        "Collection mapped to a single-value attribute",
        "'{0}' is a collection but '{1}.{2}' ({3}) holds a single value; map a single value");

    public static readonly DiagnosticDescriptor AmbiguousObject = Error("ATTIO010", MappingCategory,
        "Target object is ambiguous",
        "'{0}' exists on {1}; say which with Object = \"...\"");

    public static readonly DiagnosticDescriptor MissingActionKeys = Error("ATTIO011", MappingCategory,
        "Identify or group class lacks its keys",
        "'{0}' targets {1} but does not map {2}; {3} needs both keys");

    public static readonly DiagnosticDescriptor DuplicateSchemaSlug = Warning("ATTIO012", SchemaCategory,
        "Duplicate slug in the schema",
        "The schema defines {0} '{1}' more than once; the later one is ignored");

    public static readonly DiagnosticDescriptor UnknownAttributeType = Warning("ATTIO013", SchemaCategory,
        "Unknown attribute type",
        "The attribute '{0}.{1}' has the unknown type '{2}'; it is skipped (update Attio.Runtime)");

    public static readonly DiagnosticDescriptor DuplicateClassName = Warning("ATTIO014", SchemaCategory,
        "Two objects have the same name",
        "The objects '{0}' and '{1}' both produce the class name '{2}'; '{1}' is generated as '{3}'");

    public static readonly DiagnosticDescriptor SchemaEntrySkipped = Warning("ATTIO015", SchemaCategory,
        "Schema entry skipped",
        "{0}; the entry is skipped");

    public static readonly DiagnosticDescriptor MultipleSchemaFiles = Warning("ATTIO016", SchemaCategory,
        "Several Attio schema files",
        "Several Attio schema files were found ({0}); '{1}' is used");

    public static readonly DiagnosticDescriptor ActionNotGenerated = Info("ATTIO017", SchemaCategory,
        "Identify or group method not generated",
        "{0} is not generated: {1}");

    public static readonly DiagnosticDescriptor ClassNotPartial = Error("ATTIO018", MappingCategory,
        "Mapped class is not partial",
        "'{0}' has [AttioObject] but is not partial; declare it (and every type containing it) partial so the generator can add its conversions");

    public static readonly DiagnosticDescriptor ObjectNotTargeted = Error("ATTIO019", MappingCategory,
        "Object= names an object the class does not target",
        "'{0}' maps to the object '{1}', but '{2}' targets only {3}; add [AttioObject(\"{1}\")] or fix Object");

    public static readonly DiagnosticDescriptor MatchingAttributeNotMapped = Error("ATTIO020", MappingCategory,
        "Matching attribute is not mapped",
        "MatchOn names '{0}.{1}', but no member maps it; an assert needs the matching attribute's value, so map it with [AttioMap(\"{1}\")]");

    public static readonly DiagnosticDescriptor EnumMemberWithoutOption = Warning("ATTIO021", MappingCategory,
        "Enum member matches no option",
        "The enum member(s) {1} of '{0}' match no option of '{2}.{3}' (options: {4}); Attio will reject those values");

    private static readonly Dictionary<string, DiagnosticDescriptor> All = typeof(DiagnosticCatalog)
        .GetFields()
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToDictionary(d => d.Id);

    public static IEnumerable<DiagnosticDescriptor> Descriptors => All.Values;

    public static DiagnosticDescriptor ById(string id) => All[id];

    private static DiagnosticDescriptor Error(string id, string category, string title, string message) =>
        Create(id, category, title, message, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string category, string title, string message) =>
        Create(id, category, title, message, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Info(string id, string category, string title, string message) =>
        Create(id, category, title, message, DiagnosticSeverity.Info);

    private static DiagnosticDescriptor Create(string id, string category, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
