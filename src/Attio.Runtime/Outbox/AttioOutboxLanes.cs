namespace Attio;

/// <summary>
/// The claim rule every store applies, in one place: walking unfinished rows in id order, a Pending row that is due is
/// claimable unless an earlier row sharing one of its record keys is InFlight, or Pending and not claimed in this pass
/// (not due yet, or beyond the limit). Rows of one record thus go in enqueue order, and rows claimed together may coalesce.
/// </summary>
public static class AttioOutboxLanes
{
    /// <summary>Picks the rows to claim from <paramref name="unfinished"/> (Pending and InFlight rows, in id order).</summary>
    public static List<T> SelectClaimable<T>(IEnumerable<T> unfinished, Func<T, long> id, Func<T, AttioOutboxState> state,
        Func<T, DateTimeOffset> nextAttemptAt, Func<T, IReadOnlyList<string>> recordKeys, int maxRows, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(unfinished);
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        var claimed = new List<T>();
        foreach (T row in unfinished)
        {
            IReadOnlyList<string> keys = recordKeys(row);
            bool free = true;
            foreach (string key in keys)
            {
                free &= !blocked.Contains(key);
            }

            if (free && claimed.Count < maxRows && state(row) == AttioOutboxState.Pending && nextAttemptAt(row) <= now)
            {
                claimed.Add(row);
                continue;
            }

            foreach (string key in keys)
            {
                blocked.Add(key);
            }
        }

        return claimed;
    }
}
