using System;
using System.Collections.Generic;
using System.Linq;
using Attio.Generators.Common;
using Attio.Generators.Diagnostics;
using Attio.Generators.Schema;
using Microsoft.CodeAnalysis;

namespace Attio.Generators.Mapping;

/// <summary>
/// The mapping half of the generator: classes with <c>[AttioObject]</c>, each joined with the chosen schema, so that
/// editing one class re-processes only that class and schema edits re-check every class.
/// </summary>
internal static class MappingPipeline
{
    public static void Register(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<SchemaParseResult> parsedSchemas,
        IncrementalValueProvider<ChosenSchema> chosenSchema,
        IncrementalValueProvider<ModelResult> model)
    {
        var classes = context.SyntaxProvider
            .ForAttributeWithMetadataName(MappingParser.ObjectAttributeName, MappingParser.IsCandidate, MappingParser.Parse)
            .Where(static m => m is not null)
            .Select(static (m, _) => m!)
            .WithTrackingName(TrackingNames.MappedClasses);

        var mappingContext = chosenSchema
            .Combine(model)
            .Combine(parsedSchemas.Collect())
            .Select(static (pair, _) => new MappingContext(pair.Left.Left.Model, pair.Left.Right.Model, pair.Right.Length > 0))
            .WithTrackingName(TrackingNames.MappingContext);

        var outputs = classes
            .Combine(mappingContext)
            .Select(static (pair, _) => Build(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.MappingOutputs);

        context.RegisterSourceOutput(outputs, static (spc, output) =>
        {
            foreach (var diagnostic in output.Diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (output.Source is not null)
            {
                spc.AddSource(output.HintName, output.Source);
            }
        });
    }

    public static MappingOutput Build(MappedClassModel mapped, MappingContext context)
    {
        var diagnostics = new List<MappingDiagnostic>();
        try
        {
            var resolved = MappingValidator.Validate(mapped, context, diagnostics);
            string? source = resolved is not null && mapped.IsPartial && resolved.Targets.Count > 0 ? MappingEmitter.Emit(resolved) : null;
            return new MappingOutput(mapped.HintName, source, diagnostics.ToEquatableArray());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The generator must never fail the build with an exception: report it on the class instead.
            diagnostics.Add(MappingDiagnostic.Create(DiagnosticCatalog.InvalidSchema, mapped.Location, null,
                $"mapping '{mapped.DisplayName}' failed: {ex.GetType().Name}: {ex.Message}"));
            return new MappingOutput(mapped.HintName, null, diagnostics.ToEquatableArray());
        }
    }
}
