using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Attio.Generators.Common;
using Attio.Generators.Diagnostics;
using Attio.Generators.Mapping;
using Attio.Generators.Model;
using Attio.Generators.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Attio.Generators.Analysis;

/// <summary>
/// The analyzer's parsed schemas, kept across compilations: an editor makes a new compilation per keystroke, and a large
/// schema must be parsed once per change of its text, not per compilation or per class.
/// </summary>
internal sealed class SchemaCache
{
    // A project has one schema; a few entries cover several projects sharing one analyzer instance.
    private const int Capacity = 8;

    private readonly object gate = new();
    private readonly LinkedList<Entry> entries = new();
    private int parses;

    /// <summary>
    /// How many schema texts this cache had to read (parsed, or taken from the generator's parse of the same text), for the
    /// test that proves files without Attio attributes cost no parse.
    /// </summary>
    public int Parses => Volatile.Read(ref parses);

    /// <summary>How many records the cached schemas built, for the test that proves only targeted objects get one.</summary>
    public int RecordsBuilt
    {
        get
        {
            lock (gate)
            {
                return entries.Sum(e => e.Records?.Built ?? 0);
            }
        }
    }

    /// <summary>The chosen schema and its records for the compilation's AdditionalFiles, as the generator chooses them.</summary>
    public AnalyzerSchema Get(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        var files = options.AdditionalFiles.Where(f => AttioGenerator.IsSchemaFile(f, provider)).ToList();
        if (files.Count == 0)
        {
            return new AnalyzerSchema(null, null, HasSchemaFile: false);
        }

        var results = files.Select(f => Parse(f, cancellationToken)).ToList();
        var chosen = AttioGenerator.ChooseSchema(results.Select(r => r.Result).ToImmutableArray());
        var entry = chosen.Model is null ? null : results.First(r => ReferenceEquals(r.Result.Model, chosen.Model));
        if (entry is null || chosen.Model is null)
        {
            return new AnalyzerSchema(null, null, HasSchemaFile: true);
        }

        var settings = GeneratorSettings.From(provider.GlobalOptions);
        return new AnalyzerSchema(chosen.Model, entry.RecordsFor(chosen.Model, settings), HasSchemaFile: true);
    }

    private Entry Parse(AdditionalText file, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        lock (gate)
        {
            for (var node = entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Matches(file.Path, text))
                {
                    entries.Remove(node);
                    entries.AddFirst(node);
                    return node.Value;
                }
            }
        }

        // Read outside the lock: another thread may read the same text meanwhile, which costs time, not correctness.
        Interlocked.Increment(ref parses);
        var result = text is null
            ? new SchemaParseResult(null, new[] { DiagnosticInfo.Create(DiagnosticCatalog.InvalidSchema, null, $"{file.Path} could not be read") }.ToEquatableArray())
            : SharedSchemaParses.Find(file.Path, text) ?? SharedSchemaParses.Parse(file.Path, text.ToString());
        var entry = new Entry(file.Path, text, result);
        lock (gate)
        {
            entries.AddFirst(entry);
            while (entries.Count > Capacity)
            {
                entries.RemoveLast();
            }
        }

        return entry;
    }

    private sealed class Entry(string path, SourceText? text, SchemaParseResult result)
    {
        private OnDemandRecords? records;
        private string? recordsNamespace;

        public OnDemandRecords? Records => records;

        public SchemaParseResult Result { get; } = result;

        public bool Matches(string otherPath, SourceText? otherText) =>
            path == otherPath && (ReferenceEquals(text, otherText) || (text is not null && otherText is not null && text.ContentEquals(otherText)));

        /// <summary>The records, kept across compilations while the schema text and namespace stay the same.</summary>
        public OnDemandRecords RecordsFor(SchemaModel schema, GeneratorSettings settings)
        {
            lock (this)
            {
                if (records is null || recordsNamespace != settings.Namespace)
                {
                    records = new OnDemandRecords(schema, settings.Namespace);
                    recordsNamespace = settings.Namespace;
                }

                return records;
            }
        }
    }
}

/// <summary>What the analyzer checks a compilation's classes against: the chosen schema, its records, and whether any schema file exists.</summary>
internal sealed record AnalyzerSchema(SchemaModel? Schema, OnDemandRecords? Records, bool HasSchemaFile);
