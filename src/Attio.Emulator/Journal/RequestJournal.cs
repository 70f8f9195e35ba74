namespace Attio.Emulator.Journal;

/// <summary>
/// Entries are written when a response is finished, but numbered when the request arrives,
/// so snapshots come back in arrival order even under concurrency. Bounded by count and by bytes so that a long
/// run or a hostile client cannot grow it without limit: the oldest entries go first.
/// </summary>
internal sealed class RequestJournal(int maxEntries, long maxBytes)
{
    private readonly LinkedList<(long Sequence, JournalEntry Entry, long Bytes)> _entries = new();
    private readonly Lock _gate = new();
    private long _next;
    private long _bytes;

    public long Reserve() => Interlocked.Increment(ref _next);

    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public IReadOnlyList<JournalEntry> Snapshot()
    {
        lock (_gate)
        {
            return _entries.OrderBy(e => e.Sequence).Select(e => e.Entry).ToList();
        }
    }

    public void Add(long sequence, JournalEntry entry)
    {
        // Strings are UTF-16 in memory: two bytes a character.
        var size = 2L * ((entry.Body?.Length ?? 0) + (entry.ResponseBody?.Length ?? 0) + entry.Path.Length + entry.QueryString.Length);
        lock (_gate)
        {
            _entries.AddLast((sequence, entry, size));
            _bytes += size;
            while (_entries.Count > 0 && (_entries.Count > maxEntries || _bytes > maxBytes))
            {
                _bytes -= _entries.First!.Value.Bytes;
                _entries.RemoveFirst();
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _bytes = 0;
        }
    }
}
