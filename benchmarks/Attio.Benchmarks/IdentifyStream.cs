using Northwind.Crm;

namespace Attio.Benchmarks;

/// <summary>One identify of the stream: the user and the traits it carries.</summary>
public sealed record StreamEvent(int User, string Email, string UserId, string JobTitle, string Description, DateTimeOffset At)
{
    public Person Person() => new() { JobTitle = JobTitle, Description = Description };
}

/// <summary>
/// A seeded identify stream over a user population with Zipf-like popularity: most events re-identify a known user with
/// the traits it already has, some change one trait, some introduce a new user. Half of the population exists before it.
/// </summary>
public sealed class IdentifyStream
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private IdentifyStream(Dictionary<string, StreamEvent> existing, List<StreamEvent> events, int unchanged, int changed, int added)
    {
        Existing = existing;
        Events = events;
        Unchanged = unchanged;
        Changed = changed;
        New = added;
    }

    /// <summary>The users already in Attio when the stream starts, by user id.</summary>
    public Dictionary<string, StreamEvent> Existing { get; }

    public List<StreamEvent> Events { get; }

    public int Unchanged { get; }

    public int Changed { get; }

    public int New { get; }

    /// <param name="events">Events in the stream.</param>
    /// <param name="users">The population; half exists before the stream, the other half is introduced by it.</param>
    /// <param name="seed">The random seed: the same seed gives the same stream.</param>
    public static IdentifyStream Generate(int events, int users, int seed)
    {
        var random = new Random(seed);
        int existingCount = users / 2;
        int newCount = Math.Min(users - existingCount, events);
        var current = new StreamEvent?[users];
        var existing = new Dictionary<string, StreamEvent>(StringComparer.Ordinal);
        for (int u = 0; u < existingCount; u++)
        {
            current[u] = new StreamEvent(u, $"user{u}@stream.example", $"s-{u}", $"title-{u}-0", $"desc-{u}-0", T0.AddDays(-1));
            existing[current[u]!.UserId] = current[u]!;
        }

        // Popularity: a random rank per user, weight 1/rank (Zipf, s = 1), as a cumulative table to sample from.
        var rankOf = Enumerable.Range(0, users).OrderBy(_ => random.Next()).ToArray();
        var cumulative = new double[users];
        double total = 0;
        for (int u = 0; u < users; u++)
        {
            total += 1.0 / (rankOf[u] + 1);
            cumulative[u] = total;
        }

        var newAt = new HashSet<int>(Enumerable.Range(0, events).OrderBy(_ => random.Next()).Take(newCount));
        int nextNew = existingCount, changed = 0, unchanged = 0, edits = 0;
        var list = new List<StreamEvent>(events);
        for (int i = 0; i < events; i++)
        {
            var at = T0.AddMilliseconds(i);
            if (newAt.Contains(i))
            {
                int u = nextNew++;
                current[u] = new StreamEvent(u, $"user{u}@stream.example", $"s-{u}", $"title-{u}-0", $"desc-{u}-0", at);
                list.Add(current[u]!);
                continue;
            }

            int user = Pick(random, cumulative, total, current);
            var known = current[user]!;
            // 10% of all events change one trait: 10/95 of the events that are not new users.
            if (random.NextDouble() < 10.0 / 95)
            {
                edits++;
                changed++;
                known = random.Next(2) == 0 ? known with { JobTitle = $"title-{user}-{edits}" } : known with { Description = $"desc-{user}-{edits}" };
            }
            else
            {
                unchanged++;
            }

            current[user] = known with { At = at };
            list.Add(current[user]!);
        }

        return new IdentifyStream(existing, list, unchanged, changed, newCount);
    }

    /// <summary>Each user's newest traits after <paramref name="events"/>, starting from <paramref name="existing"/>.</summary>
    public static Dictionary<string, StreamEvent> Newest(Dictionary<string, StreamEvent> existing, IEnumerable<StreamEvent> events)
    {
        var newest = new Dictionary<string, StreamEvent>(existing, StringComparer.Ordinal);
        foreach (var e in events)
        {
            newest[e.UserId] = e;
        }

        return newest;
    }

    // A popular user who is already known; a sample that hits a user not introduced yet is drawn again.
    private static int Pick(Random random, double[] cumulative, double total, StreamEvent?[] current)
    {
        while (true)
        {
            int index = Array.BinarySearch(cumulative, random.NextDouble() * total);
            int user = index >= 0 ? index : Math.Min(~index, cumulative.Length - 1);
            if (current[user] is not null)
            {
                return user;
            }
        }
    }
}
