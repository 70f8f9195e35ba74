namespace Attio;

/// <summary>
/// What the sender delivered per record key (the record id and, per attribute, the newest event time written), for stale-write
/// protection. Bounded: the least recently written keys are forgotten first. Not thread-safe: the sender locks around it.
/// </summary>
internal sealed class RecordHistory
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();

    public RecordHistory(int capacity) => _capacity = capacity;

    public int Count => _entries.Count;

    public Entry? Find(string key) => _entries.TryGetValue(key, out var node) ? node.Value : null;

    public Entry GetOrAdd(string key)
    {
        if (_entries.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            _order.AddLast(node);
            return node.Value;
        }

        node = _order.AddLast(new Entry(key));
        _entries[key] = node;
        while (_entries.Count > _capacity)
        {
            LinkedListNode<Entry> oldest = _order.First!;
            _order.RemoveFirst();
            _entries.Remove(oldest.Value.Key);
        }

        return node.Value;
    }

    public sealed class Entry(string key)
    {
        public string Key { get; } = key;

        public string? RecordId { get; set; }

        public Dictionary<string, DateTimeOffset> LastDelivered { get; } = new(StringComparer.Ordinal);
    }
}
