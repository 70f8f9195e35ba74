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
            if (output.Source is not null)
            {
                spc.AddSource(output.HintName, output.Source);
            }
        });

        // Diagnostics-only output. Its sites are in C# files, so they are reported at real source locations (that is
        // what makes #pragma warning disable and the code fix work); only this last step sees the compilation's trees.
        var diagnostics = outputs
            .Select(static (output, _) => output.Diagnostics)
            .Where(static d => d.Count > 0)
            .Combine(context.CompilationProvider);
        context.RegisterSourceOutput(diagnostics, static (spc, pair) =>
        {
            foreach (var diagnostic in pair.Left)
            {
                var tree = diagnostic.Location is { } location
                    ? pair.Right.SyntaxTrees.FirstOrDefault(t => t.FilePath == location.FilePath)
                    : null;
                spc.ReportDiagnostic(diagnostic.ToDiagnostic(tree));
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
