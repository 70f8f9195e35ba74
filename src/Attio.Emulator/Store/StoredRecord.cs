using Attio.Emulator.Schema;

namespace Attio.Emulator.Store;

internal sealed class StoredRecord(Guid id, ObjectDefinition obj, string createdAt)
{
    public Guid Id { get; } = id;
    public ObjectDefinition Object { get; } = obj;
    public string CreatedAt { get; } = createdAt;

    /// <summary>Active values by attribute slug; an attribute with no entry has no values.</summary>
    public Dictionary<string, List<StoredValue>> Values { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<StoredValue> ValuesOf(string slug) =>
        Values.TryGetValue(slug, out var list) ? list : [];

    public string ReferenceKey => $"{Object.Id}:{Id}";
}
