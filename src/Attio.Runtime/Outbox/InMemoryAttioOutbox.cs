namespace Attio;

/// <summary>
/// The reference store: every promise of <see cref="IAttioOutbox"/> (lease, fencing, lanes, dead letters, ledger) kept in
/// this process's memory. Nothing survives the process; it gives tests and apps the outbox semantics without a file.
/// Delivered rows are counted and then dropped, so a long-running sender does not grow without bound.
/// </summary>
public sealed class InMemoryAttioOutbox : IAttioOutbox
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly SortedDictionary<long, AttioOutboxEntry> _rows = [];
    private readonly SortedDictionary<DateTimeOffset, (long Delivered, long Dead)> _minutes = [];
    private readonly Dictionary<(string Key, string Slug), AttioLedgerEntry> _ledger = [];
    private long _nextId;
    private long _delivered;
    private long _lastToken;
    private AttioOutboxLease? _lease;

    /// <summary>A store on the system clock.</summary>
    public InMemoryAttioOutbox()
        : this(TimeProvider.System)
    {
    }

    /// <summary>A store whose lease expiry and enqueue times follow <paramref name="timeProvider"/>.</summary>
    public InMemoryAttioOutbox(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
    }

    /// <inheritdoc />
    public string Description => "in memory (not durable)";

    /// <inheritdoc />
    public ValueTask InitializeAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public async ValueTask<long> EnqueueAsync(AttioOutboxMessage message, CancellationToken cancellationToken = default) =>
        (await EnqueueManyAsync([message], cancellationToken).ConfigureAwait(false))[0];

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<long>> EnqueueManyAsync(IReadOnlyList<AttioOutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        // Checked before anything is stored: all or nothing.
        for (int i = 0; i < messages.Count; i++)
        {
            Validate(messages[i], i);
        }

        cancellationToken.ThrowIfCancellationRequested();
        DateTimeOffset now = _time.GetUtcNow();
        var ids = new long[messages.Count];
        lock (_gate)
        {
            for (int i = 0; i < messages.Count; i++)
            {
                AttioOutboxMessage m = messages[i];
                long id = ++_nextId;
                ids[i] = id;
                _rows[id] = new AttioOutboxEntry
                {
                    Id = id,
                    PlanJson = m.PlanJson,
                    RecordKeys = [.. m.RecordKeys],
                    EventTime = m.EventTime,
                    Description = m.Description,
                    EnqueuedAt = now,
                    State = AttioOutboxState.Pending,
                    NextAttemptAt = now,
                };
            }
        }

        return ValueTask.FromResult<IReadOnlyList<long>>(ids);
    }

    /// <inheritdoc />
    public ValueTask<AttioOutboxLease?> AcquireLeaseAsync(string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "The lease duration must be positive.");
        }

        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_lease is { } current && current.Owner == owner)
            {
                // A renewal, even after expiry: no one took over, so the token is still the newest.
                _lease = current with { ExpiresAt = now + duration };
                return ValueTask.FromResult<AttioOutboxLease?>(_lease);
            }

            if (_lease is { } other && other.ExpiresAt > now)
            {
                return ValueTask.FromResult<AttioOutboxLease?>(null);
            }

            _lease = new AttioOutboxLease(owner, ++_lastToken, now + duration);
            foreach (AttioOutboxEntry row in _rows.Values.ToList())
            {
                if (row.State == AttioOutboxState.InFlight && row.ClaimToken < _lease.Token)
                {
                    _rows[row.Id] = row with { State = AttioOutboxState.Pending };
                }
            }

            return ValueTask.FromResult<AttioOutboxLease?>(_lease);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> ReleaseLeaseAsync(AttioOutboxLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            if (_lease?.Token != lease.Token)
            {
                return ValueTask.FromResult(false);
            }

            _lease = null;
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AttioOutboxEntry>> ClaimAsync(AttioOutboxLease lease, int maxRows, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            if (!IsNewest(lease) || maxRows <= 0)
            {
                return ValueTask.FromResult<IReadOnlyList<AttioOutboxEntry>>([]);
            }

            List<AttioOutboxEntry> picked = AttioOutboxLanes.SelectClaimable(
                _rows.Values.Where(r => r.State is AttioOutboxState.Pending or AttioOutboxState.InFlight),
                r => r.Id, r => r.State, r => r.NextAttemptAt, r => r.RecordKeys, maxRows, now);
            var claimed = new List<AttioOutboxEntry>(picked.Count);
            foreach (AttioOutboxEntry row in picked)
            {
                AttioOutboxEntry taken = row with { State = AttioOutboxState.InFlight, ClaimToken = lease.Token };
                _rows[row.Id] = taken;
                claimed.Add(taken);
            }

            return ValueTask.FromResult<IReadOnlyList<AttioOutboxEntry>>(claimed);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> SaveProgressAsync(AttioOutboxLease lease, long id, string progress, CancellationToken cancellationToken = default) =>
        ChangeClaimed(lease, [id], row => row with { Progress = progress });

    /// <inheritdoc />
    public ValueTask<bool> CompleteAsync(AttioOutboxLease lease, IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_gate)
        {
            if (!AllClaimed(lease, ids))
            {
                return ValueTask.FromResult(false);
            }

            foreach (long id in ids)
            {
                _rows.Remove(id);
            }

            _delivered += ids.Count;
            Count(now, ids.Count, 0);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> RescheduleAsync(AttioOutboxLease lease, long id, DateTimeOffset nextAttemptAt, AttioOutboxError error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return ChangeClaimed(lease, [id], row => row with
        {
            State = AttioOutboxState.Pending,
            NextAttemptAt = nextAttemptAt,
            Attempts = row.Attempts + 1,
            LastError = error,
        });
    }

    /// <inheritdoc />
    public ValueTask<bool> DeadLetterAsync(AttioOutboxLease lease, long id, AttioOutboxError error, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        lock (_gate)
        {
            if (!AllClaimed(lease, [id]))
            {
                return ValueTask.FromResult(false);
            }

            AttioOutboxEntry row = _rows[id];
            _rows[id] = row with { State = AttioOutboxState.Dead, Attempts = row.Attempts + 1, LastError = error, FinishedAt = now };
            Count(now, 0, 1);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<AttioOutboxStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            long pending = 0, inFlight = 0, dead = 0;
            DateTimeOffset? oldest = null;
            foreach (AttioOutboxEntry row in _rows.Values)
            {
                switch (row.State)
                {
                    case AttioOutboxState.Pending:
                        pending++;
                        break;
                    case AttioOutboxState.InFlight:
                        inFlight++;
                        break;
                    case AttioOutboxState.Dead:
                        dead++;
                        continue;
                    default:
                        continue;
                }

                if (oldest is null || row.EnqueuedAt < oldest)
                {
                    oldest = row.EnqueuedAt;
                }
            }

            return ValueTask.FromResult(new AttioOutboxStatus(pending, inFlight, dead, _delivered, oldest));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AttioOutboxMinute>> GetActivityAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        DateTimeOffset from = MinuteOf(since);
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<AttioOutboxMinute>>(
                [.. _minutes.Where(m => m.Key >= from).Select(m => new AttioOutboxMinute(m.Key, m.Value.Delivered, m.Value.Dead))]);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AttioOutboxEntry>> ListAsync(AttioOutboxQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            IEnumerable<AttioOutboxEntry> rows = _rows.Values.Where(r => r.Id > query.AfterId && (query.State is null || r.State == query.State));
            if (query.State == AttioOutboxState.Dead)
            {
                rows = rows.Reverse();
            }

            return ValueTask.FromResult<IReadOnlyList<AttioOutboxEntry>>([.. rows.Take(Math.Max(0, query.Limit))]);
        }
    }

    /// <inheritdoc />
    public ValueTask<int> RetryDeadAsync(long? id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            int changed = 0;
            foreach (AttioOutboxEntry row in _rows.Values.Where(r => r.State == AttioOutboxState.Dead && (id is null || r.Id == id)).ToList())
            {
                // The last error stays: the sender reads it to know an operator sent an uncertain create back on purpose.
                _rows[row.Id] = row with { State = AttioOutboxState.Pending, NextAttemptAt = now, Attempts = 0, FinishedAt = null };
                changed++;
            }

            return ValueTask.FromResult(changed);
        }
    }

    /// <inheritdoc />
    public ValueTask<int> PurgeDeadAsync(DateTimeOffset? olderThan, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            List<long> doomed = [.. _rows.Values
                .Where(r => r.State == AttioOutboxState.Dead && (olderThan is null || r.FinishedAt < olderThan))
                .Select(r => r.Id)];
            foreach (long id in doomed)
            {
                _rows.Remove(id);
            }

            return ValueTask.FromResult(doomed.Count);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AttioLedgerEntry>> ReadLedgerAsync(IReadOnlyCollection<string> recordKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recordKeys);
        var keys = new HashSet<string>(recordKeys, StringComparer.Ordinal);
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<AttioLedgerEntry>>([.. _ledger.Values.Where(e => keys.Contains(e.RecordKey))]);
        }
    }

    /// <inheritdoc />
    public ValueTask WriteLedgerAsync(IReadOnlyList<AttioLedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_gate)
        {
            foreach (AttioLedgerEntry entry in entries)
            {
                _ledger[(entry.RecordKey, entry.AttributeSlug)] = entry;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static void Validate(AttioOutboxMessage message, int index)
    {
        if (message is null || string.IsNullOrEmpty(message.PlanJson) || message.RecordKeys is null || message.Description is null)
        {
            throw new ArgumentException($"Outbox message {index} is incomplete: it needs plan JSON, record keys and a description.", nameof(message));
        }
    }

    private static DateTimeOffset MinuteOf(DateTimeOffset at)
    {
        DateTimeOffset utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
    }

    private bool IsNewest(AttioOutboxLease lease) => lease.Token == _lastToken && _lease?.Token == lease.Token;

    private bool AllClaimed(AttioOutboxLease lease, IReadOnlyList<long> ids)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (!IsNewest(lease))
        {
            return false;
        }

        foreach (long id in ids)
        {
            if (!_rows.TryGetValue(id, out AttioOutboxEntry? row) || row.State != AttioOutboxState.InFlight || row.ClaimToken != lease.Token)
            {
                return false;
            }
        }

        return true;
    }

    private ValueTask<bool> ChangeClaimed(AttioOutboxLease lease, long[] ids, Func<AttioOutboxEntry, AttioOutboxEntry> change)
    {
        lock (_gate)
        {
            if (!AllClaimed(lease, ids))
            {
                return ValueTask.FromResult(false);
            }

            foreach (long id in ids)
            {
                _rows[id] = change(_rows[id]);
            }

            return ValueTask.FromResult(true);
        }
    }

    private void Count(DateTimeOffset now, long delivered, long dead)
    {
        DateTimeOffset minute = MinuteOf(now);
        (long d, long x) = _minutes.GetValueOrDefault(minute);
        _minutes[minute] = (d + delivered, x + dead);
    }
}
