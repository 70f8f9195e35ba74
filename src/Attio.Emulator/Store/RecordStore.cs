using System.Text.Json.Nodes;
using Attio.Emulator.Schema;
using Attio.Emulator.Values;

namespace Attio.Emulator;

/// <summary>
/// The emulator's in-memory records. Every read and write goes through one lock, so concurrent clients
/// never lose an update. Tests use the public members to look at what was stored.
/// </summary>
public sealed class RecordStore : IRecordLookup
{
    private readonly Dictionary<Guid, Store.StoredRecord> _byId = [];
    private readonly Dictionary<string, List<Store.StoredRecord>> _byObject = new(StringComparer.Ordinal);
    private readonly WorkspaceSchema _schema;
    private readonly Store.RecordRenderer _renderer;

    internal RecordStore(WorkspaceSchema schema, Store.RecordRenderer renderer)
    {
        _schema = schema;
        _renderer = renderer;
        foreach (var obj in schema.Objects)
        {
            _byObject[obj.Id] = [];
        }
    }

    internal object Gate { get; } = new();

    /// <summary>All records of an object (slug or id), rendered as GET record returns them, oldest first.</summary>
    public IReadOnlyList<JsonObject> Records(string objectSlugOrId)
    {
        lock (Gate)
        {
            return RecordsOf(objectSlugOrId).Select(_renderer.Render).ToList();
        }
    }

    /// <summary>One record rendered as GET returns it, or null.</summary>
    public JsonObject? Record(Guid recordId)
    {
        lock (Gate)
        {
            return _byId.TryGetValue(recordId, out var record) ? _renderer.Render(record) : null;
        }
    }

    public int Count(string objectSlugOrId)
    {
        lock (Gate)
        {
            return RecordsOf(objectSlugOrId).Count;
        }
    }

    /// <summary>Removes every record, for tests that share one emulator.</summary>
    public void Clear()
    {
        lock (Gate)
        {
            _byId.Clear();
            foreach (var list in _byObject.Values)
            {
                list.Clear();
            }
        }
    }

    internal IReadOnlyList<Store.StoredRecord> RecordsOf(ObjectDefinition obj) => _byObject[obj.Id];

    internal Store.StoredRecord? Find(Guid id) => _byId.GetValueOrDefault(id);

    internal void Add(Store.StoredRecord record)
    {
        _byId.Add(record.Id, record);
        _byObject[record.Object.Id].Add(record);
    }

    internal void Remove(Store.StoredRecord record)
    {
        _byId.Remove(record.Id);
        _byObject[record.Object.Id].Remove(record);
    }

    bool IRecordLookup.Exists(ObjectDefinition target, Guid recordId) =>
        _byId.TryGetValue(recordId, out var record) && record.Object == target;

    IReadOnlyList<Guid> IRecordLookup.FindByKey(AttributeDefinition attribute, string key) =>
        _byObject[attribute.Object.Id]
            .Where(r => r.ValuesOf(attribute.Slug).Any(v => v.Key == key))
            .Select(r => r.Id)
            .ToList();

    private IReadOnlyList<Store.StoredRecord> RecordsOf(string objectSlugOrId)
    {
        var obj = _schema.FindObject(objectSlugOrId)
            ?? throw new ArgumentException($"The schema has no object \"{objectSlugOrId}\".", nameof(objectSlugOrId));
        return _byObject[obj.Id];
    }
}
