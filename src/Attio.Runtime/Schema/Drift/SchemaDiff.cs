namespace Attio.Schema.Drift;

/// <summary>
/// Compares two schema snapshots and classifies every difference as breaking or harmless for a build. The one
/// classification: the CLI's <c>schema diff</c> / <c>schema check</c> and the start-up drift check both use it.
/// Breaking means: code written against classes generated from the old file no longer compiles once they are
/// regenerated from the new one (a class, property, matching-attribute member or constant is gone, renamed or
/// retyped). Everything else is harmless, even where Attio may reject a write at run time (say, a newly required
/// attribute), because the compiler cannot catch it either way.
/// </summary>
internal static class SchemaDiff
{
    /// <summary>Every change from <paramref name="before"/> to <paramref name="after"/>, in the order of the files.</summary>
    public static SchemaDiffResult Compare(SchemaSnapshot before, SchemaSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<Change>();
        if (before.WorkspaceId is not null && after.WorkspaceId is not null && before.WorkspaceId != after.WorkspaceId)
        {
            // Comparing a staging workspace against production is legitimate; ids then never match, slugs do.
            changes.Add(new Change(ChangeKind.WorkspaceChanged, "workspace", false,
                $"another workspace: {before.WorkspaceName ?? before.WorkspaceId} -> {after.WorkspaceName ?? after.WorkspaceId}", before.WorkspaceId, after.WorkspaceId));
        }

        var objects = Match(before.Objects, after.Objects, o => o.Slug, o => o.Id);
        foreach (var (old, current) in objects.Pairs)
        {
            if (old.Slug != current.Slug)
            {
                changes.Add(new Change(ChangeKind.ObjectRenamed, old.Slug, true, $"object renamed to {current.Slug}", old.Slug, current.Slug));
            }

            CompareObject(old, current, changes);
        }

        changes.AddRange(objects.Removed.Select(o => new Change(ChangeKind.ObjectRemoved, o.Slug, true, "object removed", o.Slug)));
        changes.AddRange(objects.Added.Select(o => new Change(ChangeKind.ObjectAdded, o.Slug, false,
            $"object added ({o.Attributes.Count} attribute{(o.Attributes.Count == 1 ? string.Empty : "s")})", null, o.Slug)));

        // Members are compared only when both sides list them: a file pulled without them is silent, not empty.
        bool bothListMembers = before.Members is not null && after.Members is not null;
        var members = Match(bothListMembers ? before.Members! : [], bothListMembers ? after.Members! : [], m => m.EmailAddress ?? m.Id ?? string.Empty, m => m.Id);
        changes.AddRange(members.Removed.Select(m => new Change(ChangeKind.MemberRemoved, $"members[{m.EmailAddress ?? m.Id}]", false, "workspace member removed", m.EmailAddress)));
        changes.AddRange(members.Added.Select(m => new Change(ChangeKind.MemberAdded, $"members[{m.EmailAddress ?? m.Id}]", false, "workspace member added", null, m.EmailAddress)));
        return new SchemaDiffResult(changes);
    }

    private static void CompareObject(ObjectSnapshot old, ObjectSnapshot current, List<Change> changes)
    {
        string path = current.Slug;
        if (old.SingularNoun != current.SingularNoun)
        {
            changes.Add(new Change(ChangeKind.ObjectClassRenamed, path, true,
                $"singular noun changed from \"{old.SingularNoun}\" to \"{current.SingularNoun}\" (the generated class is named after it)", old.SingularNoun, current.SingularNoun));
        }

        if (old.PluralNoun != current.PluralNoun)
        {
            changes.Add(new Change(ChangeKind.ObjectPluralNounChanged, path, false,
                $"plural noun changed from \"{old.PluralNoun}\" to \"{current.PluralNoun}\"", old.PluralNoun, current.PluralNoun));
        }

        var attributes = Match(old.Attributes, current.Attributes, a => a.Slug, a => a.Id);
        foreach (var (before, after) in attributes.Pairs)
        {
            CompareAttribute($"{path}.{before.Slug}", before, after, changes);
        }

        changes.AddRange(attributes.Removed.Select(a => new Change(ChangeKind.AttributeRemoved, $"{path}.{a.Slug}", true, $"attribute removed ({a.Type})", a.Type)));
        changes.AddRange(attributes.Added.Select(a => new Change(ChangeKind.AttributeAdded, $"{path}.{a.Slug}", false,
            $"attribute added ({Describe(a)})", null, a.Type)));
    }

    private static void CompareAttribute(string path, AttributeSnapshot old, AttributeSnapshot current, List<Change> changes)
    {
        if (old.Slug != current.Slug)
        {
            changes.Add(new Change(ChangeKind.AttributeRenamed, path, true, $"attribute renamed to {current.Slug}", old.Slug, current.Slug));
        }

        if (old.Type != current.Type)
        {
            changes.Add(new Change(ChangeKind.TypeChanged, path, true, $"type changed from {old.Type} to {current.Type}", old.Type, current.Type));
        }

        Flag(changes, old.IsWritable, current.IsWritable,
            new Change(ChangeKind.BecameReadOnly, path, true, "became read-only (is_writable true -> false)", "writable", "read-only"),
            new Change(ChangeKind.BecameWritable, path, false, "became writable (is_writable false -> true)", "read-only", "writable"));
        Flag(changes, old.IsUnique, current.IsUnique,
            new Change(ChangeKind.BecameNonUnique, path, true, "no longer unique (is_unique true -> false): it can no longer match an assert", "unique", "non-unique"),
            new Change(ChangeKind.BecameUnique, path, false, "became unique (is_unique false -> true)", "non-unique", "unique"));
        if (old.IsMultiselect != current.IsMultiselect)
        {
            changes.Add(new Change(ChangeKind.MultiselectChanged, path, true,
                current.IsMultiselect ? "became multiselect (the property becomes a list)" : "is no longer multiselect (the property becomes a single value)",
                old.IsMultiselect ? "multiselect" : "single", current.IsMultiselect ? "multiselect" : "single"));
        }

        if (old.IsRequired != current.IsRequired)
        {
            changes.Add(new Change(ChangeKind.RequiredChanged, path, false,
                current.IsRequired ? "became required (Attio rejects records without it)" : "is no longer required",
                old.IsRequired ? "required" : "optional", current.IsRequired ? "required" : "optional"));
        }

        Flag(changes, !old.IsArchived, !current.IsArchived,
            new Change(ChangeKind.AttributeArchived, path, true, "archived (no property is generated for it any more)", "active", "archived"),
            new Change(ChangeKind.AttributeUnarchived, path, false, "unarchived", "archived", "active"));
        if (old.Title != current.Title)
        {
            changes.Add(new Change(ChangeKind.AttributeTitleChanged, path, false, $"title changed from \"{old.Title}\" to \"{current.Title}\"", old.Title, current.Title));
        }

        if (!old.AllowedObjectIds.Order(StringComparer.Ordinal).SequenceEqual(current.AllowedObjectIds.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            string before = string.Join(", ", old.AllowedObjectIds), after = string.Join(", ", current.AllowedObjectIds);
            changes.Add(new Change(ChangeKind.AllowedObjectsChanged, path, false, $"allowed target objects changed from [{before}] to [{after}]", before, after));
        }

        CompareChoices(path, old.Options, current.Options, "option", ChangeKind.OptionAdded, ChangeKind.OptionRemoved, ChangeKind.OptionRenamed, ChangeKind.OptionArchived, ChangeKind.OptionUnarchived, changes);
        CompareChoices(path, old.Statuses, current.Statuses, "status", ChangeKind.StatusAdded, ChangeKind.StatusRemoved, ChangeKind.StatusRenamed, ChangeKind.StatusArchived, ChangeKind.StatusUnarchived, changes);
    }

    private static void CompareChoices(
        string path, IReadOnlyList<ChoiceSnapshot> old, IReadOnlyList<ChoiceSnapshot> current, string noun,
        ChangeKind added, ChangeKind removed, ChangeKind renamed, ChangeKind archived, ChangeKind unarchived, List<Change> changes)
    {
        var match = Match(old, current, c => c.Title, c => c.Id);
        foreach (var (before, after) in match.Pairs)
        {
            string at = $"{path}[{before.Title}]";
            if (before.Title != after.Title)
            {
                changes.Add(new Change(renamed, at, true, $"{noun} renamed to \"{after.Title}\" (its constant is renamed)", before.Title, after.Title));
            }

            // An archived option keeps its generated constant (documented as rejected), so the build still compiles.
            Flag(changes, !before.IsArchived, !after.IsArchived,
                new Change(archived, at, false, $"{noun} archived (Attio rejects writes of it)", "active", "archived"),
                new Change(unarchived, at, false, $"{noun} unarchived", "archived", "active"));
        }

        changes.AddRange(match.Removed.Select(c => new Change(removed, $"{path}[{c.Title}]", true, $"{noun} removed (its constant goes with it)", c.Title)));
        changes.AddRange(match.Added.Select(c => new Change(added, $"{path}[{c.Title}]", false, $"{noun} added", null, c.Title)));
    }

    /// <summary>Adds <paramref name="lost"/> when a flag went from true to false and <paramref name="gained"/> the other way.</summary>
    private static void Flag(List<Change> changes, bool old, bool current, Change lost, Change gained)
    {
        if (old && !current)
        {
            changes.Add(lost);
        }
        else if (!old && current)
        {
            changes.Add(gained);
        }
    }

    private static string Describe(AttributeSnapshot a) =>
        a.Type + (a.IsMultiselect ? ", multiselect" : string.Empty) + (a.IsUnique ? ", unique" : string.Empty) +
        (a.IsWritable ? string.Empty : ", read-only") + (a.IsRequired ? ", required" : string.Empty) + (a.IsArchived ? ", archived" : string.Empty);

    /// <summary>
    /// Pairs items by key (slug or title), then pairs what is left by id, so that a renamed item is one change and
    /// not a removal plus an addition. Ids differ between workspaces, so comparing two workspaces falls back to keys.
    /// </summary>
    private static Matching<T> Match<T>(IReadOnlyList<T> old, IReadOnlyList<T> current, Func<T, string> key, Func<T, string?> id)
    {
        var pairs = new List<(T Old, T New)>();
        var unmatchedNew = current.ToList();
        var unmatchedOld = new List<T>();
        foreach (var item in old)
        {
            int index = unmatchedNew.FindIndex(n => string.Equals(key(n), key(item), StringComparison.Ordinal));
            if (index >= 0)
            {
                pairs.Add((item, unmatchedNew[index]));
                unmatchedNew.RemoveAt(index);
            }
            else
            {
                unmatchedOld.Add(item);
            }
        }

        var removed = new List<T>();
        foreach (var item in unmatchedOld)
        {
            int index = id(item) is { Length: > 0 } itemId
                ? unmatchedNew.FindIndex(n => string.Equals(id(n), itemId, StringComparison.OrdinalIgnoreCase))
                : -1;
            if (index >= 0)
            {
                pairs.Add((item, unmatchedNew[index]));
                unmatchedNew.RemoveAt(index);
            }
            else
            {
                removed.Add(item);
            }
        }

        return new Matching<T>(pairs, removed, unmatchedNew);
    }

    private sealed record Matching<T>(List<(T Old, T New)> Pairs, List<T> Removed, List<T> Added);
}

/// <summary>The changes between two schemas.</summary>
internal sealed record SchemaDiffResult(IReadOnlyList<Change> Changes)
{
    /// <summary>The changes that break a build.</summary>
    public IReadOnlyList<Change> Breaking => [.. Changes.Where(c => c.Breaking)];

    /// <summary>The changes that keep a build green.</summary>
    public IReadOnlyList<Change> Harmless => [.. Changes.Where(c => !c.Breaking)];
}
