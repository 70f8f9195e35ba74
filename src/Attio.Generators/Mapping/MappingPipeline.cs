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
        // Null (a partial declaration other than the class's first) flows on rather than through a Where: every node costs a
        // pass over all mapped classes on every edit.
        var classes = context.SyntaxProvider
            .ForAttributeWithMetadataName(MappingParser.ObjectAttributeName, MappingParser.IsCandidate, MappingParser.Parse)
            .WithTrackingName(TrackingNames.MappedClasses);

        var mappingContext = chosenSchema
            .Combine(model)
            .Combine(parsedSchemas.Collect())
            .Select(static (pair, _) => new MappingContext(pair.Left.Left.Model, pair.Left.Right.Model, pair.Right.Length > 0))
            .WithTrackingName(TrackingNames.MappingContext);

        // The class joined with the schema is the last node: the build runs in the output step, which the driver skips for a
        // cached entry. One node fewer means one pass fewer over every mapped class on every edit.
        var inputs = classes
            .Combine(mappingContext)
            .WithTrackingName(TrackingNames.MappingOutputs);

        // Only sources here: the mapping diagnostics come from MappingAnalyzer, which editors run as the user types.
        // An emitter failure is the one thing only the generator sees, so it is reported here.
        context.RegisterSourceOutput(inputs, static (spc, input) =>
        {
            if (Build(input.Left, input.Right) is not { } output)
            {
                return;
            }

            if (output.Source is not null)
            {
                spc.AddSource(output.HintName, output.Source);
            }

            foreach (var diagnostic in output.Diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }

    public static MappingOutput? Build(MappedClassModel? mapped, MappingContext context)
    {
        if (mapped is null)
        {
            return null;
        }

        // The checks run here too, silently: emitting needs what they resolve, and a class with errors emits nothing.
        var ignored = new List<MappingDiagnostic>();
        ResolvedClass? resolved;
        try
        {
            resolved = MappingValidator.Validate(mapped, context, ignored);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The analyzer reports this failure on the class; the generator only stays alive.
            return new MappingOutput(mapped.HintName, null, EquatableArray<MappingDiagnostic>.Empty);
        }

        try
        {
            string? source = resolved is not null && mapped.IsPartial && resolved.Targets.Count > 0 ? MappingEmitter.Emit(resolved) : null;
            return new MappingOutput(mapped.HintName, source, EquatableArray<MappingDiagnostic>.Empty);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The generator must never fail the build with an exception: report it instead.
            var failure = MappingDiagnostic.Create(DiagnosticCatalog.InvalidSchema, mapped.Location, null,
                $"mapping '{mapped.DisplayName}' failed: {ex.GetType().Name}: {ex.Message}");
            return new MappingOutput(mapped.HintName, null, new[] { failure }.ToEquatableArray());
        }
    }
}
