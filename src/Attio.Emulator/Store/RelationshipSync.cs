using System.Text.Json.Nodes;
using Attio.Emulator.Schema;

namespace Attio.Emulator.Store;

/// <summary>
/// Keeps both sides of a two-way relationship in step: writing one side of a record reference adds or
/// removes the inverse reference on the target, and a single-value inverse drops its previous partner.
/// </summary>
internal sealed class RelationshipSync(WorkspaceSchema schema, RecordStore store)
{
    public void Apply(StoredRecord source, Dictionary<string, List<StoredValue>> before, string now)
    {
        foreach (var attribute in source.Object.ActiveAttributes.Where(a => a.Type == "record-reference"))
        {
            var inverse = InverseOf(attribute);
            if (inverse is null)
            {
                continue;
            }

            var old = Targets(before.GetValueOrDefault(attribute.Slug) ?? []);
            var current = Targets(source.ValuesOf(attribute.Slug));
            foreach (var removed in old.Except(current))
            {
                if (store.Find(removed) is { } target)
                {
                    Unlink(target, inverse, source);
                }
            }

            foreach (var added in current.Except(old))
            {
                if (store.Find(added) is { } target)
                {
                    Link(target, inverse, source, attribute, now);
                }
            }
        }
    }

    /// <summary>Removes every reference to a deleted record.</summary>
    public void Forget(StoredRecord deleted)
    {
        foreach (var obj in schema.Objects)
        {
            foreach (var record in store.RecordsOf(obj))
            {
                foreach (var list in record.Values.Values)
                {
                    list.RemoveAll(v => v.Key == deleted.ReferenceKey);
                }
            }
        }
    }

    private AttributeDefinition? InverseOf(AttributeDefinition attribute)
    {
        if (attribute.InverseObjectSlug is null || attribute.InverseAttributeSlug is null)
        {
            return null;
        }

        var inverse = schema.FindObject(attribute.InverseObjectSlug)?.FindAttribute(attribute.InverseAttributeSlug);
        return inverse is { IsArchived: false, Type: "record-reference" } ? inverse : null;
    }

    private void Link(StoredRecord target, AttributeDefinition inverse, StoredRecord source, AttributeDefinition forward, string now)
    {
        var list = target.Values.TryGetValue(inverse.Slug, out var existing) ? existing : target.Values[inverse.Slug] = [];
        if (list.Any(v => v.Key == source.ReferenceKey))
        {
            return;
        }

        if (!inverse.IsMultiselect)
        {
            // The target can point at only one record: its previous partner loses the target.
            foreach (var previous in Targets(list).Where(t => t != source.Id))
            {
                if (store.Find(previous) is { } partner)
                {
                    Unlink(partner, forward, target);
                }
            }

            list.Clear();
        }

        var fields = new JsonObject { ["target_object"] = source.Object.Slug, ["target_record_id"] = source.Id.ToString() };
        list.Add(new StoredValue(fields, source.ReferenceKey, "record-reference", now));
    }

    private static void Unlink(StoredRecord holder, AttributeDefinition attribute, StoredRecord removed)
    {
        if (holder.Values.TryGetValue(attribute.Slug, out var list))
        {
            list.RemoveAll(v => v.Key == removed.ReferenceKey);
        }
    }

    private static List<Guid> Targets(IEnumerable<StoredValue> values) =>
        values.Select(v => Guid.Parse(v.Key[(v.Key.IndexOf(':', StringComparison.Ordinal) + 1)..])).ToList();
}
