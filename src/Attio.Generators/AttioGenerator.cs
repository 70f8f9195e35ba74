using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Attio.Generators.Common;
using Attio.Generators.Diagnostics;
using Attio.Generators.Emit;
using Attio.Generators.Model;
using Attio.Generators.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Attio.Generators;

/// <summary>
/// Reads the exported Attio schema (an AdditionalFile) and emits typed records and client methods.
/// Pipeline: select schema files -> parse (cached per file text) -> build the model (cached per schema and namespace) -> emit.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class AttioGenerator : IIncrementalGenerator
{
    public const string DefaultSchemaFileName = "attio-schema.json";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var schemaFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsSchemaFile(pair.Left, pair.Right))
            .Select(static (pair, cancellationToken) => new SchemaFileText(pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString()))
            .WithTrackingName(TrackingNames.SchemaFiles);

        var parsed = schemaFiles
            .Select(static (file, _) => file.Text is null
                ? new SchemaParseResult(null, new[] { DiagnosticInfo.Create(DiagnosticCatalog.InvalidSchema, null, $"{file.Path} could not be read") }.ToEquatableArray())
                : SharedSchemaParses.Parse(file.Path, file.Text))
            .WithTrackingName(TrackingNames.ParsedSchemas);

        var chosenSchema = parsed.Collect()
            .Select(static (results, _) => ChooseSchema(results))
            .WithTrackingName(TrackingNames.ChosenSchema);

        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GeneratorSettings.From(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Settings);

        var model = chosenSchema.Combine(settings)
            .Select(static (pair, _) => BuildModel(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Model);

        context.RegisterSourceOutput(parsed, static (spc, result) => Report(spc, result.Diagnostics));
        context.RegisterSourceOutput(chosenSchema, static (spc, result) => Report(spc, result.Diagnostics));
        context.RegisterSourceOutput(model, static (spc, result) => Report(spc, result.Diagnostics));

        var records = model
            .SelectMany(static (result, _) => result.Model is null ? ImmutableArray<RecordClassModel>.Empty : result.Model.Records.ToImmutableArray())
            .WithTrackingName(TrackingNames.Records);
        context.RegisterSourceOutput(records, static (spc, record) =>
            spc.AddSource(HintName(record.ClassName), RecordEmitter.Emit(record)));

        var client = model
            .Select(static (result, _) => result.Model)
            .WithTrackingName(TrackingNames.Client);
        context.RegisterSourceOutput(client, static (spc, generation) =>
        {
            if (generation is not null)
            {
                spc.AddSource(HintName(ModelBuilder.ClientClassName), ClientEmitter.Emit(generation));
                spc.AddSource(HintName(SchemaManifestEmitter.ClassName), SchemaManifestEmitter.Emit(generation));
            }
        });

        Mapping.MappingPipeline.Register(context, parsed, chosenSchema, model);
    }

    internal static bool IsSchemaFile(AdditionalText file, AnalyzerConfigOptionsProvider options)
    {
        var fileOptions = options.GetOptions(file);
        if (fileOptions.TryGetValue("build_metadata.AdditionalFiles.AttioSchema", out var marker) && !string.IsNullOrEmpty(marker))
        {
            return string.Equals(marker, "true", StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(Path.GetFileName(file.Path), DefaultSchemaFileName, StringComparison.OrdinalIgnoreCase);
    }

    internal static ChosenSchema ChooseSchema(ImmutableArray<SchemaParseResult> results)
    {
        if (results.IsDefaultOrEmpty)
        {
            return new ChosenSchema(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var ordered = results.OrderBy(r => r.Model?.FilePath ?? string.Empty, StringComparer.Ordinal).ToList();
        var usable = ordered.FirstOrDefault(r => r.Model is not null);
        if (results.Length > 1 && usable?.Model is { } chosen)
        {
            var paths = string.Join(", ", ordered.Where(r => r.Model is not null).Select(r => Path.GetFileName(r.Model!.FilePath)));
            return new ChosenSchema(chosen, new[] { DiagnosticInfo.Create(DiagnosticCatalog.MultipleSchemaFiles, null, paths, chosen.FilePath) }.ToEquatableArray());
        }

        return new ChosenSchema(usable?.Model, EquatableArray<DiagnosticInfo>.Empty);
    }

    internal static ModelResult BuildModel(ChosenSchema schema, GeneratorSettings settings)
    {
        if (schema.Model is null)
        {
            return new ModelResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        try
        {
            var (model, diagnostics) = ModelBuilder.Build(schema.Model, settings.Namespace);
            return new ModelResult(model, diagnostics);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ModelResult(null, new[] { DiagnosticInfo.Create(DiagnosticCatalog.InvalidSchema, null, $"{schema.Model.FilePath}: {ex.GetType().Name}: {ex.Message}") }.ToEquatableArray());
        }
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    private static string HintName(string className) => HintNames.Create(className.TrimStart('@'));
}

/// <summary>Names of the pipeline steps, for incrementality tests.</summary>
public static class TrackingNames
{
    public const string SchemaFiles = nameof(SchemaFiles);
    public const string ParsedSchemas = nameof(ParsedSchemas);
    public const string ChosenSchema = nameof(ChosenSchema);
    public const string Settings = nameof(Settings);
    public const string Model = nameof(Model);
    public const string Records = nameof(Records);
    public const string Client = nameof(Client);
    public const string MappedClasses = nameof(MappedClasses);
    public const string MappingContext = nameof(MappingContext);
    public const string MappingOutputs = nameof(MappingOutputs);
}

internal sealed record SchemaFileText(string Path, string? Text);

internal sealed record ChosenSchema(SchemaModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

internal sealed record ModelResult(GenerationModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>MSBuild properties the generator reads.</summary>
internal sealed record GeneratorSettings(string Namespace)
{
    public const string DefaultNamespace = "Attio.Workspace";

    public static GeneratorSettings From(AnalyzerConfigOptions options)
    {
        string? ns = null;
        if (options.TryGetValue("build_property.AttioNamespace", out var configured) && IsNamespace(configured))
        {
            ns = configured.Trim();
        }
        else if (options.TryGetValue("build_property.RootNamespace", out var root) && IsNamespace(root))
        {
            ns = root.Trim() + ".Attio";
        }

        return new GeneratorSettings(ns ?? DefaultNamespace);
    }

    private static bool IsNamespace(string? value) =>
        !string.IsNullOrWhiteSpace(value) &&
        value!.Trim().Split('.').All(part => part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_')
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None);
}
