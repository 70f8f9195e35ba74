using System.Text.Json.Nodes;
using Attio.Emulator.Http;
using Attio.Emulator.Schema;
using Attio.Emulator.Values;

namespace Attio.Emulator.Store;

/// <summary>
/// Create, update and assert semantics. Everything is validated before anything is changed, so a failed
/// write stores nothing. Callers hold the store lock.
/// </summary>
internal sealed class RecordWriter(WorkspaceSchema schema, RecordStore store, TimeProvider clock, string tokenId)
{
    private readonly ValueParser _parser = new(schema, store);
    private readonly RelationshipSync _relationships = new(schema, store);

    public StoredRecord Create(ObjectDefinition obj, JsonNode? body)
    {
        var incoming = _parser.Parse(obj, WritePayload.ReadValues(body, strictData: false));
        return Apply(obj, null, incoming, WriteMode.Create, null);
    }

    public StoredRecord Update(ObjectDefinition obj, StoredRecord record, JsonNode? body, WriteMode mode)
    {
        var incoming = _parser.Parse(obj, WritePayload.ReadValues(body, strictData: true));
        return Apply(obj, record, incoming, mode, null);
    }

    public StoredRecord Assert(ObjectDefinition obj, string? matchingAttribute, JsonNode? body)
    {
        if (string.IsNullOrEmpty(matchingAttribute))
        {
            throw Errors.QueryValidation(Issues.Required(["matching_attribute"], "string"));
        }

        var matching = obj.FindAttribute(matchingAttribute);
        if (matching is null || matching.IsArchived)
        {
            throw Errors.UnknownMatchingAttribute(matchingAttribute);
        }

        if (!matching.IsUnique)
        {
            throw Errors.MatchingAttributeNotUnique();
        }

        var incoming = _parser.Parse(obj, WritePayload.ReadValues(body, strictData: true));
        var supplied = incoming.FirstOrDefault(p => p.Attribute == matching);
        if (supplied is null || supplied.Values.Count == 0)
        {
            throw Errors.MatchingValueMissing(matching.Slug);
        }

        var keys = supplied.Values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var hits = store.RecordsOf(obj).Where(r => r.ValuesOf(matching.Slug).Any(v => keys.Contains(v.Key))).ToList();
        return hits.Count switch
        {
            0 => Apply(obj, null, incoming, WriteMode.Create, null),
            1 => Apply(obj, hits[0], incoming, WriteMode.Assert, matching),
            _ => throw Errors.MultipleMatches(),
        };
    }

    public void Delete(StoredRecord record)
    {
        store.Remove(record);
        _relationships.Forget(record);
    }

    private StoredRecord Apply(
        ObjectDefinition obj,
        StoredRecord? existing,
        List<ParsedAttribute> incoming,
        WriteMode mode,
        AttributeDefinition? matching)
    {
        var now = IsoMoment.Format(clock.GetUtcNow());
        var id = existing?.Id ?? Guid.NewGuid();
        var next = new Dictionary<string, List<StoredValue>>(StringComparer.Ordinal);
        foreach (var (attribute, values, sentNull) in incoming)
        {
            // PATCH only adds or overwrites: an empty list there removes nothing (S: "Use the PUT endpoint to
            // overwrite or remove"); null is the one way PATCH clears a single-value attribute.
            if (mode == WriteMode.Append && values.Count == 0 && !sentNull)
            {
                continue;
            }

            var current = existing?.ValuesOf(attribute.Slug) ?? [];
            var append = attribute.IsMultiselect &&
                         (mode == WriteMode.Append || (mode == WriteMode.Assert && attribute == matching));
            next[attribute.Slug] = Merge(attribute, current, values, append, now);
        }

        if (existing is null)
        {
            AddSystemValues(obj, id, now, next);
        }

        CheckRequired(obj, next, existing is null);
        CheckUnique(obj, id, next);

        var record = existing ?? new StoredRecord(id, obj, now);
        var before = record.Values.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal);
        foreach (var (slug, values) in next)
        {
            record.Values[slug] = values;
        }

        if (existing is null)
        {
            store.Add(record);
        }

        _relationships.Apply(record, before, now);
        return record;
    }

    private static List<StoredValue> Merge(
        AttributeDefinition attribute, IReadOnlyList<StoredValue> current, List<NormalisedValue> values, bool append, string now)
    {
        // Values already held keep their instance, so active_from says when they first appeared.
        StoredValue Keep(NormalisedValue v) =>
            current.FirstOrDefault(c => c.Key == v.Key) ?? StoredValue.From(v, attribute.Type, now);

        if (!append)
        {
            return values.Select(Keep).ToList();
        }

        var added = values.Where(v => current.All(c => c.Key != v.Key)).Select(Keep).ToList();
        return [.. added, .. current];
    }

    private void AddSystemValues(ObjectDefinition obj, Guid id, string now, Dictionary<string, List<StoredValue>> next)
    {
        if (obj.FindAttribute("record_id") is { Type: "text" })
        {
            var text = id.ToString();
            next["record_id"] = [new StoredValue(new JsonObject { ["value"] = text }, text, "text", now)];
        }

        if (obj.FindAttribute("created_at") is { Type: "timestamp" })
        {
            next["created_at"] = [new StoredValue(new JsonObject { ["value"] = now }, now, "timestamp", now)];
        }

        if (obj.FindAttribute("created_by") is { Type: "actor-reference" })
        {
            var actor = new JsonObject { ["referenced_actor_type"] = "api-token", ["referenced_actor_id"] = tokenId };
            next["created_by"] = [new StoredValue(actor, "api-token", "actor-reference", now)];
        }
    }

    private static void CheckRequired(ObjectDefinition obj, Dictionary<string, List<StoredValue>> next, bool creating)
    {
        foreach (var attribute in obj.ActiveAttributes.Where(a => a.IsRequired))
        {
            var touched = next.TryGetValue(attribute.Slug, out var values);
            if ((creating || touched) && (values is null || values.Count == 0))
            {
                throw Errors.MissingRequiredValue(attribute.Id);
            }
        }
    }

    private void CheckUnique(ObjectDefinition obj, Guid id, Dictionary<string, List<StoredValue>> next)
    {
        foreach (var (slug, values) in next)
        {
            var attribute = obj.FindAttribute(slug)!;
            if (!attribute.IsUnique || values.Count == 0)
            {
                continue;
            }

            var keys = values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
            if (store.RecordsOf(obj).Any(r => r.Id != id && r.ValuesOf(slug).Any(v => keys.Contains(v.Key))))
            {
                throw Errors.UniquenessConflict(slug);
            }
        }
    }
}
