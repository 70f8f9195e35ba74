namespace Attio;

/// <summary>
/// The change ledger's memory: per record key, the record id and a mark per attribute. Bounded: the least recently
/// written keys are forgotten first (a forgotten value is only sent once more). Not thread-safe: the ledger locks around it.
/// </summary>
internal sealed class LedgerMemory
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<Record>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Record> _order = new();

    public LedgerMemory(int capacity) => _capacity = capacity;

    public int Count => _entries.Count;

    public Record? Find(string key) => _entries.TryGetValue(key, out var node) ? node.Value : null;

    public Record GetOrAdd(string key)
    {
        if (_entries.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            _order.AddLast(node);
            return node.Value;
        }

        node = _order.AddLast(new Record(key));
        _entries[key] = node;
        while (_entries.Count > _capacity)
        {
            LinkedListNode<Record> oldest = _order.First!;
            _order.RemoveFirst();
            _entries.Remove(oldest.Value.Key);
        }

        return node.Value;
    }

    /// <summary>What was delivered for one attribute: the newest event time, the written value's hash, and when it was written.</summary>
    public sealed record Mark(DateTimeOffset EventTime, string Hash, DateTimeOffset DeliveredAt);

    public sealed class Record(string key)
    {
        public string Key { get; } = key;

        public string? RecordId { get; set; }

        public Dictionary<string, Mark> Marks { get; } = new(StringComparer.Ordinal);
    }
}
