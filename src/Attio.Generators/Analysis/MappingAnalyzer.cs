using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Attio.Generators.Diagnostics;
using Attio.Generators.Mapping;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Attio.Generators.Analysis;

/// <summary>
/// Reports the mapping rules (ATTIO001-006, 008-011, 018-021) as the user types: editors run analyzers live, generators
/// only on save or build. The rules are <see cref="MappingValidator"/>'s, the same code the generator uses to emit.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MappingAnalyzer : DiagnosticAnalyzer
{
    /// <summary>What this analyzer reports; the generator reports none of these for a mapped class.</summary>
    internal static readonly ImmutableArray<string> RuleIds = ImmutableArray.Create(
        "ATTIO001", "ATTIO002", "ATTIO003", "ATTIO004", "ATTIO005", "ATTIO006", "ATTIO008", "ATTIO009", "ATTIO010", "ATTIO011",
        "ATTIO018", "ATTIO019", "ATTIO020", "ATTIO021");

    private readonly SchemaCache schemas = new();

    // ATTIO007 too: a check that throws is reported on the class rather than failing the analyzer (AD0001).
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        RuleIds.Add(DiagnosticCatalog.InvalidSchema.Id).Select(DiagnosticCatalog.ById).ToImmutableArray();

    /// <summary>Schema texts this instance has parsed.</summary>
    internal int SchemaParses => schemas.Parses;

    /// <summary>Records built for the schemas this instance holds.</summary>
    internal int RecordsBuilt => schemas.RecordsBuilt;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var schema = new CompilationSchema(schemas, start.Options);
            start.RegisterSymbolAction(symbol => Analyze(symbol, schema), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, CompilationSchema schema)
    {
        // The cheap test first: a type without [AttioObject] costs one look at its attributes and no schema.
        var type = (INamedTypeSymbol)context.Symbol;
        if (!type.GetAttributes().Any(a => MappingParser.IsObjectAttribute(a.AttributeClass)))
        {
            return;
        }

        var mapped = MappingParser.Parse(type, declaration: null, includeLocations: true, context.CancellationToken);
        if (mapped is null)
        {
            return;
        }

        var diagnostics = new List<MappingDiagnostic>();
        try
        {
            var checkedAgainst = schema.Get(context.CancellationToken);
            MappingValidator.Check(mapped, checkedAgainst.Schema, checkedAgainst.Records, checkedAgainst.HasSchemaFile, diagnostics);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Add(MappingDiagnostic.Create(DiagnosticCatalog.InvalidSchema, mapped.Location, null,
                $"mapping '{mapped.DisplayName}' failed: {ex.GetType().Name}: {ex.Message}"));
        }

        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic(TreeOf(type, diagnostic.Location, context.Compilation)));
        }
    }

    // Every site is in a declaration of the type (its attributes, members, positional parameters), so its trees suffice.
    private static SyntaxTree? TreeOf(INamedTypeSymbol type, LocationInfo? location, Compilation compilation)
    {
        if (location is null)
        {
            return null;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree.FilePath == location.FilePath)
            {
                return reference.SyntaxTree;
            }
        }

        return compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == location.FilePath);
    }

    /// <summary>The schema of one compilation, fetched on first use so that a compilation without mapped classes reads none.</summary>
    private sealed class CompilationSchema(SchemaCache cache, AnalyzerOptions options)
    {
        private readonly object gate = new();
        private AnalyzerSchema? context;

        public AnalyzerSchema Get(CancellationToken cancellationToken)
        {
            lock (gate)
            {
                return context ??= cache.Get(options, cancellationToken);
            }
        }
    }
}
