using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Attio.Generators.Model;

namespace Attio.Generators.Emit;

/// <summary>Emits one typed record class per Attio object.</summary>
internal static class RecordEmitter
{
    public static string Emit(RecordClassModel record)
    {
        var w = CodeWriter.File(record.Namespace);
        w.Doc($"A record of the Attio object <c>{SourceText.Doc(record.ObjectSlug)}</c> ({SourceText.Doc(record.Title)}).",
            "Set only what you want to write: unset properties are left out of the request, properties set to null are cleared in Attio.");
        w.Line(CodeWriter.GeneratedCodeAttribute);
        w.Open($"public sealed partial class {record.ClassName} : global::Attio.AttioRecord, global::Attio.IAttioReadable<{record.ClassName}>");

        w.Doc("The object's <c>api_slug</c>.");
        w.Line($"public const string ApiSlug = {SourceText.Literal(record.ObjectSlug)};");
        w.Line();
        w.Doc("The object's <c>api_slug</c>.");
        w.Line("public override string ObjectSlug => ApiSlug;");

        EmitAttributeInfos(w, record);
        foreach (var property in record.Properties)
        {
            EmitProperty(w, property);
        }

        EmitGetState(w, record);
        EmitValidate(w, record);
        EmitWrite(w, record);
        EmitFrom(w, record);

        w.Line();
        w.Doc("A shallow copy: values are immutable, so a copy can be changed without touching this record.");
        w.Line($"public {record.ClassName} Clone() => ({record.ClassName})MemberwiseClone();");
        w.Close();

        EmitMatchingEnum(w, record);
        return w.ToString();
    }

    private static void EmitAttributeInfos(CodeWriter w, RecordClassModel record)
    {
        w.Line();
        w.Doc("What the runtime knows of each writable attribute: slug, type, multiselect, allowed reference targets.");
        w.Open("public static class AttioAttributes");
        foreach (var p in record.Properties)
        {
            string allowed = p.AllowedObjects.Count == 0
                ? "null"
                : "new string[] { " + string.Join(", ", p.AllowedObjects.Select(SourceText.Literal)) + " }";
            w.Doc($"<c>{SourceText.Doc(p.Slug)}</c> ({SourceText.Doc(p.ApiType)}).");
            w.Line($"public static readonly global::Attio.AttioAttributeInfo {p.Name} = new({SourceText.Literal(record.ObjectSlug)}, {SourceText.Literal(p.Slug)}, global::Attio.AttioAttributeType.{p.EnumMember}, {Bool(p.IsMultiselect)}, {allowed}){Facts(p)};");
        }

        w.Line();
        w.Doc("Every attribute above, in schema order.");
        w.Line("public static readonly global::System.Collections.Generic.IReadOnlyList<global::Attio.AttioAttributeInfo> All = new global::Attio.AttioAttributeInfo[]");
        w.Line("{");
        foreach (var p in record.Properties)
        {
            w.Line($"    {p.Name},");
        }

        w.Line("};");
        w.Close();
        w.Line();
        w.Doc("Every writable attribute of the object.");
        w.Line("public override global::System.Collections.Generic.IReadOnlyList<global::Attio.AttioAttributeInfo> GetAttributeInfos() => AttioAttributes.All;");
    }

    // is_unique, is_required and, for references, the targets' unique attributes: what validation needs beyond the type.
    private static string Facts(PropertyModel p)
    {
        var facts = new List<string>();
        if (p.IsUnique)
        {
            facts.Add("IsUnique = true");
        }

        if (p.IsRequired)
        {
            facts.Add("IsRequired = true");
        }

        if (p.TargetKeysKnown)
        {
            facts.Add("TargetUniqueAttributes = new global::Attio.AttioAttributeInfo[] { " + string.Join(", ", p.TargetKeys.Select(k =>
                $"new({SourceText.Literal(k.ObjectSlug)}, {SourceText.Literal(k.Slug)}, global::Attio.AttioAttributeType.{k.EnumMember}) {{ IsUnique = true }}")) + " }");
        }

        return facts.Count == 0 ? string.Empty : " { " + string.Join(", ", facts) + " }";
    }

    private static void EmitProperty(CodeWriter w, PropertyModel p)
    {
        string type = PropertyType(p);
        w.Line();
        w.Line($"private global::Attio.AttioFieldState {p.FieldName}State;");
        w.Line($"private {type} {p.FieldName};");
        w.Line();
        w.Line($"/// <summary>{SourceText.Doc(p.Title)}{(string.IsNullOrWhiteSpace(p.Description) ? "." : ": " + SourceText.Doc(p.Description))}</summary>");
        w.Line($"/// <remarks>Attio attribute <c>{SourceText.Doc(p.Slug)}</c>: {SourceText.Doc(p.ApiType)}{Flags(p)}. Assign null to clear it in Attio.</remarks>");
        w.Open($"public {type} {p.Name}");
        w.Line($"get => {p.FieldName};");
        // Assigning records the state too: null (or an empty list) is a clear, anything else a value to send.
        w.Line(p.IsMultiselect
            ? $"set => {p.FieldName}State = global::Attio.Internal.AttioFields.StateOfMany({p.FieldName} = value);"
            : $"set => {p.FieldName}State = ({p.FieldName} = value) is null ? global::Attio.AttioFieldState.Cleared : global::Attio.AttioFieldState.Set;");
        w.Close();

        if (p.OptionsClassName is not null)
        {
            w.Line();
            string kind = p.ApiType == "select" ? "option" : "status";
            w.Doc($"The {kind} titles of <c>{SourceText.Doc(p.Slug)}</c> in the exported schema.");
            w.Open($"public static class {p.OptionsClassName}");
            foreach (var option in p.Options)
            {
                w.Doc(SourceText.Doc(option.Title) + (option.IsArchived ? " (archived: Attio rejects it)" : "."));
                w.Line($"public const string {option.Name} = {SourceText.Literal(option.Title)};");
            }

            w.Close();
        }
    }

    private static void EmitGetState(CodeWriter w, RecordClassModel record)
    {
        w.Line();
        w.Doc("Whether the attribute is not set, set or cleared on this record.");
        w.Open("public override global::Attio.AttioFieldState GetState(string attributeSlug)");
        w.Open("switch (attributeSlug)");
        foreach (var p in record.Properties)
        {
            w.Line($"case {SourceText.Literal(p.Slug)}: return {p.FieldName}State;");
        }

        w.Line("default: return global::Attio.AttioFieldState.NotSet;");
        w.Close();
        w.Close();
    }

    private static void EmitValidate(CodeWriter w, RecordClassModel record) =>
        EmitPerAttribute(w, record,
            "Checks every set value with Attio's rules for its type.",
            "public override void CollectValidationErrors(global::Attio.AttioValidationErrors errors)",
            static (p, args) => p.IsMultiselect
                ? $"global::Attio.Internal.AttioFields.ValidateMany({args}, errors);"
                : $"global::Attio.Internal.AttioFields.Validate({args}, errors);");

    private static void EmitWrite(CodeWriter w, RecordClassModel record) =>
        EmitPerAttribute(w, record,
            "Writes each set or cleared attribute into <c>data.values</c>.",
            "public override void WriteValues(global::System.Text.Json.Utf8JsonWriter writer)",
            static (p, args) => p.IsMultiselect
                ? $"global::Attio.Internal.AttioFields.WriteMany(writer, {args});"
                : $"global::Attio.Internal.AttioFields.Write(writer, {args});");

    // Validation and writing make the same call per attribute (info, state, value, codec); only the runtime helper differs.
    private static void EmitPerAttribute(CodeWriter w, RecordClassModel record, string doc, string signature, System.Func<PropertyModel, string, string> call)
    {
        w.Line();
        w.Doc(doc);
        w.Open(signature);
        foreach (var p in record.Properties)
        {
            string value = p.IsMultiselect ? p.FieldName : ValueExpression(p);
            w.Line(call(p, $"AttioAttributes.{p.Name}, {p.FieldName}State, {value}, global::Attio.Internal.AttioCodecs.{p.Codec}"));
        }

        w.Close();
    }

    // Typed reads: each attribute with a stored value is assigned through its property, so the rest stay not set.
    private static void EmitFrom(CodeWriter w, RecordClassModel record)
    {
        w.Line();
        w.Doc("The stored values of <paramref name=\"stored\"/> as typed properties; attributes without a value stay not set.");
        w.Open($"public static {record.ClassName} From(global::Attio.AttioStoredRecord stored)");
        // Locals are numbered: attribute names come from the schema and may collide with anything else.
        w.Line($"var read = new {record.ClassName}();");
        int i = 0;
        foreach (var p in record.Properties)
        {
            string read = p.IsMultiselect ? "TryReadMany" : "TryRead";
            string local = "v" + (i++).ToString(CultureInfo.InvariantCulture);
            w.Line($"if (global::Attio.Internal.AttioReaders.{read}(stored, AttioAttributes.{p.Name}, global::Attio.Internal.AttioReaders.{p.Codec}, out var {local})) read.{p.Name} = {local};");
        }

        w.Line("return read;");
        w.Close();
    }

    private static void EmitMatchingEnum(CodeWriter w, RecordClassModel record)
    {
        if (record.MatchingAttributes.Count == 0)
        {
            return;
        }

        string enumName = MatchingEnumName(record);
        w.Line();
        w.Doc($"The unique attributes of <c>{SourceText.Doc(record.ObjectSlug)}</c> an assert can match records by.");
        w.Line(CodeWriter.GeneratedCodeAttribute);
        w.Open($"public enum {enumName}");
        int index = 0;
        foreach (var m in record.MatchingAttributes)
        {
            w.Doc($"<c>{SourceText.Doc(m.Slug)}</c>{(index == 0 ? " (the default)" : string.Empty)}.");
            w.Line($"{m.Name} = {index.ToString(CultureInfo.InvariantCulture)},");
            index++;
        }

        w.Close();
        w.Line();
        w.Doc($"Slugs of <see cref=\"{enumName}\"/> members.");
        w.Line(CodeWriter.GeneratedCodeAttribute);
        w.Open($"public static class {enumName}Extensions");
        w.Doc("The attribute's <c>api_slug</c>, as Attio's <c>matching_attribute</c> expects it.");
        w.Open($"public static string ToSlug(this {enumName} attribute) => attribute switch");
        foreach (var m in record.MatchingAttributes)
        {
            w.Line($"{enumName}.{m.Name} => {SourceText.Literal(m.Slug)},");
        }

        w.Line($"_ => throw new global::System.ArgumentOutOfRangeException(nameof(attribute), attribute, {SourceText.Literal("Not a unique attribute of " + record.ObjectSlug + ".")}),");
        w.Close(";");
        w.Close();
    }

    public static string MatchingEnumName(RecordClassModel record) => record.ClassName.TrimStart('@') + "MatchingAttribute";

    public static string PropertyType(PropertyModel p) =>
        p.IsMultiselect
            ? $"global::System.Collections.Generic.IReadOnlyList<{p.ElementType}>?"
            : p.ElementType + "?";

    private static string ValueExpression(PropertyModel p) =>
        p.IsValueType ? $"{p.FieldName}.GetValueOrDefault()" : $"{p.FieldName}!";

    private static string Flags(PropertyModel p) =>
        (p.IsMultiselect ? ", multiselect" : string.Empty) + (p.IsUnique ? ", unique" : string.Empty) + (p.IsRequired ? ", required" : string.Empty) +
        (p.AllowedObjects.Count > 0 ? ", references " + string.Join(" or ", p.AllowedObjects.Select(SourceText.Doc)) : string.Empty);

    private static string Bool(bool value) => value ? "true" : "false";
}
