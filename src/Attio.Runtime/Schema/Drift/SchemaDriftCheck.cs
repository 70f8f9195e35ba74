using System.Text.Json;

namespace Attio.Schema.Drift;

/// <summary>
/// Compares the generated schema manifests with the live workspace, with the CLI's classification
/// (<see cref="SchemaDiff"/>): the manifest is the "before", the live workspace the "after".
/// </summary>
internal static class SchemaDriftCheck
{
    public static async Task<IReadOnlyList<AttioSchemaChange>> CompareAsync(
        AttioClient client, IReadOnlyList<AttioSchemaManifest> manifests, CancellationToken cancellationToken)
    {
        var expected = Expected(manifests);
        if (expected.Objects.Count == 0)
        {
            return [];
        }

        var live = await ReadLiveAsync(client, expected, cancellationToken).ConfigureAwait(false);
        return [.. SchemaDiff.Compare(expected, live).Changes.Select(ToPublic)];
    }

    /// <summary>The manifests as a snapshot; an attribute listed by two assemblies is expected once (the first wins).</summary>
    internal static SchemaSnapshot Expected(IReadOnlyList<AttioSchemaManifest> manifests)
    {
        var objects = new List<ObjectSnapshot>();
        foreach (var group in manifests.SelectMany(m => m.Objects).GroupBy(o => o.Slug, StringComparer.Ordinal))
        {
            var attributes = group.SelectMany(o => o.Attributes).DistinctBy(a => a.Slug, StringComparer.Ordinal).Select(a =>
            {
                IReadOnlyList<ChoiceSnapshot> choices = [.. a.Choices.Select(c => new ChoiceSnapshot(null, c, false))];
                bool status = a.Type == "status";
                // Allowed target objects are ids live and slugs in the manifest; the generated code does not depend on them.
                return new AttributeSnapshot(null, a.Slug, a.Title, a.Type, a.IsWritable, a.IsUnique, a.IsMultiselect, a.IsRequired, false,
                    [], status ? [] : choices, status ? choices : []);
            }).ToList();
            objects.Add(new ObjectSnapshot(null, group.Key, null, null, attributes));
        }

        return new SchemaSnapshot(null, null, objects, null);
    }

    private static async Task<SchemaSnapshot> ReadLiveAsync(AttioClient client, SchemaSnapshot expected, CancellationToken cancellationToken)
    {
        var liveSlugs = (await client.ListObjectsAsync(cancellationToken).ConfigureAwait(false)).Select(o => o.ApiSlug).ToHashSet(StringComparer.Ordinal);
        var objects = new List<ObjectSnapshot>();
        foreach (var wanted in expected.Objects.Where(o => liveSlugs.Contains(o.Slug)))
        {
            var used = wanted.Attributes.ToDictionary(a => a.Slug, StringComparer.Ordinal);
            var attributes = new List<AttributeSnapshot>();
            foreach (var attribute in await client.ListAttributesAsync(wanted.Slug, showArchived: true, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                bool isUsed = used.TryGetValue(attribute.ApiSlug, out var expectedAttribute);
                // New writable attributes are reported (harmless); system and archived ones the code never knew are noise.
                if (!isUsed && (!attribute.IsWritable || attribute.IsArchived))
                {
                    continue;
                }

                IReadOnlyList<ChoiceSnapshot> options = [], statuses = [];
                if (isUsed && expectedAttribute!.Options.Count > 0 && attribute.Type == "select")
                {
                    options = [.. (await client.ListOptionsAsync(wanted.Slug, attribute.ApiSlug, showArchived: true, cancellationToken).ConfigureAwait(false))
                        .Select(o => new ChoiceSnapshot(null, o.Title, o.IsArchived))];
                }
                else if (isUsed && expectedAttribute!.Statuses.Count > 0 && attribute.Type == "status")
                {
                    statuses = [.. (await client.ListStatusesAsync(wanted.Slug, attribute.ApiSlug, showArchived: true, cancellationToken).ConfigureAwait(false))
                        .Select(s => new ChoiceSnapshot(null, s.Title, s.IsArchived))];
                }
                else if (isUsed)
                {
                    // Not compared: keep the expectation so that no option is reported as removed.
                    (options, statuses) = (expectedAttribute!.Options, expectedAttribute.Statuses);
                }

                attributes.Add(new AttributeSnapshot(null, attribute.ApiSlug, attribute.Title, attribute.Type, attribute.IsWritable, attribute.IsUnique,
                    attribute.IsMultiselect, attribute.IsRequired, attribute.IsArchived, [], options, statuses));
            }

            objects.Add(new ObjectSnapshot(null, wanted.Slug, null, null, attributes));
        }

        return new SchemaSnapshot(null, null, objects, null);
    }

    private static AttioSchemaChange ToPublic(Change change)
    {
        string path = change.Path;
        int bracket = path.IndexOf('[', StringComparison.Ordinal);
        string head = bracket < 0 ? path : path[..bracket];
        int dot = head.IndexOf('.', StringComparison.Ordinal);
        string objectSlug = dot < 0 ? head : head[..dot];
        string? attribute = dot < 0 ? null : head[(dot + 1)..];
        string description = bracket < 0 ? change.Description : $"{path[bracket..]} {change.Description}";
        return new AttioSchemaChange(objectSlug, attribute, JsonNamingPolicy.SnakeCaseLower.ConvertName(change.Kind.ToString()), description, change.Breaking);
    }
}
