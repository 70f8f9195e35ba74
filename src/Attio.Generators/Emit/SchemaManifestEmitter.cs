using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Attio.Generators.Model;

namespace Attio.Generators.Emit;

/// <summary>
/// Emits the schema manifest: what the generated records write (object, attribute slug, type, the flags the code relies
/// on, option titles) and a fingerprint, registered with the runtime from a module initializer so that the start-up
/// drift check and the health check find it without reflection or assembly scanning (trimming and AOT safe).
/// </summary>
internal static class SchemaManifestEmitter
{
    public const string ClassName = "AttioSchemaManifestRegistration";

    public static string Emit(GenerationModel model)
    {
        var w = CodeWriter.File(model.Namespace);
        w.Line("#pragma warning disable CA2255 // a module initializer is how the manifest reaches the runtime before any host starts");
        w.Line();
        w.Doc("The objects and attributes this assembly's generated code writes, as the schema file described them at build time.",
            "Registered with <see cref=\"global::Attio.AttioSchemaManifest.Register\"/> when the assembly loads; <c>AddAttio(o =&gt; o.VerifySchemaOnStart = ...)</c> and the <c>attio-schema</c> health check compare it with the live workspace.");
        w.Line(CodeWriter.GeneratedCodeAttribute);
        w.Open($"internal static class {ClassName}");
        w.Doc("The manifest.");
        w.Line("public static readonly global::Attio.AttioSchemaManifest Manifest = new(");
        w.Line($"    typeof({ClassName}).Assembly.GetName().Name ?? {SourceText.Literal(model.Namespace)},");
        w.Line($"    {SourceText.Literal(Fingerprint(model))},");
        w.Line("    new global::Attio.AttioSchemaManifestObject[]");
        w.Line("    {");
        foreach (var record in model.Records)
        {
            w.Line($"        new({SourceText.Literal(record.ObjectSlug)}, new global::Attio.AttioSchemaManifestAttribute[]");
            w.Line("        {");
            foreach (var p in record.Properties)
            {
                w.Line($"            new({SourceText.Literal(p.Slug)}, {SourceText.Literal(p.Title)}, {SourceText.Literal(p.ApiType)}, true, {Bool(p.IsUnique)}, {Bool(p.IsMultiselect)}, {Bool(p.IsRequired)}, {Choices(p)}),");
            }

            w.Line("        }),");
        }

        w.Line("    });");
        w.Line();
        w.Doc("Registers <see cref=\"Manifest\"/> when the assembly loads.");
        w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        w.Line("internal static void Register() => global::Attio.AttioSchemaManifest.Register(Manifest);");
        w.Close();
        return w.ToString();
    }

    /// <summary>Hex SHA-256 of the facts in the manifest, one line per attribute: equal expectations, equal fingerprints.</summary>
    private static string Fingerprint(GenerationModel model)
    {
        var text = new StringBuilder();
        foreach (var record in model.Records)
        {
            foreach (var p in record.Properties)
            {
                text.Append(record.ObjectSlug).Append('.').Append(p.Slug).Append('|').Append(p.ApiType).Append('|')
                    .Append(p.IsUnique ? 'u' : '-').Append(p.IsMultiselect ? 'm' : '-').Append(p.IsRequired ? 'r' : '-').Append('|')
                    .Append(string.Join("\u001f", ActiveChoices(p))).Append('\n');
            }
        }

        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
        return string.Concat(hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string Choices(PropertyModel p)
    {
        var titles = ActiveChoices(p).ToList();
        return titles.Count == 0 ? "global::System.Array.Empty<string>()" : "new string[] { " + string.Join(", ", titles.Select(SourceText.Literal)) + " }";
    }

    // Archived options keep a constant (documented as rejected) but the code cannot rely on them, so they are not expected.
    private static System.Collections.Generic.IEnumerable<string> ActiveChoices(PropertyModel p) =>
        p.Options.Where(o => !o.IsArchived).Select(o => o.Title);

    private static string Bool(bool value) => value ? "true" : "false";
}
