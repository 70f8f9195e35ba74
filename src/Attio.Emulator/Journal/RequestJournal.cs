namespace Attio.Emulator.Journal;

/// <summary>
/// Entries are written when a response is finished, but numbered when the request arrives,
/// so snapshots come back in arrival order even under concurrency.
/// </summary>
internal sealed class RequestJournal
{
    private readonly List<(long Sequence, JournalEntry Entry)> _entries = [];
    private readonly Lock _gate = new();
    private long _next;

    public long Reserve() => Interlocked.Increment(ref _next);

    public IReadOnlyList<JournalEntry> Snapshot()
    {
        lock (_gate)
        {
            return _entries.OrderBy(e => e.Sequence).Select(e => e.Entry).ToList();
        }
    }

    public void Add(long sequence, JournalEntry entry)
    {
        lock (_gate)
        {
            _entries.Add((sequence, entry));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
