using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Attio.Generators.Diagnostics;
using Attio.Generators.Mapping;
using Attio.Generators.Model;
using Attio.Generators.Schema;

namespace Attio.Generators.Analysis;

/// <summary>
/// The analyzer's records: each built the first time a class targets its object, then kept with the parsed schema.
/// Building every record of a 50-object schema to check classes that map a handful of objects was most of the analyzer's
/// cost on a build; the records built here are the generator's (same class names, same members), so the checks agree.
/// </summary>
internal sealed class OnDemandRecords : IRecordLookup
{
    private static readonly string[] ActionObjects = { "people", "users", "companies", "workspaces" };

    private readonly SchemaModel schema;
    private readonly string @namespace;
    private readonly ConcurrentDictionary<string, Lazy<RecordClassModel?>> records = new(StringComparer.Ordinal);
    private readonly object namesGate = new();
    private IReadOnlyList<string>? classNames;
    private readonly Lazy<(bool Identify, bool Group)> actions;
    private int built;

    public OnDemandRecords(SchemaModel schema, string @namespace)
    {
        this.schema = schema;
        this.@namespace = @namespace;
        actions = new Lazy<(bool, bool)>(Actions, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>How many records were built, for the test that proves an analysis builds only the targeted objects'.</summary>
    public int Built => Volatile.Read(ref built);

    public bool HasIdentify => actions.Value.Identify;

    public bool HasGroup => actions.Value.Group;

    // Lazy: classes of one object are analysed concurrently, and each record is built once.
    public RecordClassModel? Find(string objectSlug) =>
        records.GetOrAdd(objectSlug, slug => new Lazy<RecordClassModel?>(() => Build(slug), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private RecordClassModel? Build(string objectSlug)
    {
        for (int i = 0; i < schema.Objects.Count; i++)
        {
            if (schema.Objects[i].ApiSlug == objectSlug)
            {
                Interlocked.Increment(ref built);
                return ModelBuilder.BuildRecord(@namespace, ClassNames()[i], schema.Objects[i], schema);
            }
        }

        return null;
    }

    private IReadOnlyList<string> ClassNames()
    {
        lock (namesGate)
        {
            // The duplicate-name warnings are the generator's to report.
            return classNames ??= ModelBuilder.ClassNames(schema, new List<DiagnosticInfo>());
        }
    }

    private (bool Identify, bool Group) Actions()
    {
        var pair = new List<RecordClassModel>();
        foreach (string slug in ActionObjects)
        {
            if (Find(slug) is { } record)
            {
                pair.Add(record);
            }
        }

        var ignored = new List<DiagnosticInfo>();
        return (ModelBuilder.BuildIdentify(pair, schema, ignored) is not null, ModelBuilder.BuildGroup(pair, schema, ignored) is not null);
    }
}
