using System.Diagnostics;
using System.Globalization;
using Attio.Emulator;

namespace Attio.Benchmarks;

/// <summary>
/// Durable delivery figures: enqueue throughput into the SQLite outbox (group commit; the default synchronous=NORMAL is
/// checked, FULL is printed beside it) against the
/// in-memory outbox, from concurrent producers as a web application has them; and the identify delivery rate at R with
/// every event stored first (the delivery scenario's own run). Exits 1 when a target is missed.
/// </summary>
public static class OutboxScenario
{
    private const double EnqueueTarget = 5_000;

    public static async Task<int> RunAsync(string[] args)
    {
        int events = Option(args, "--events", 20_000);
        int producers = Option(args, "--producers", 64);
        int rate = Option(args, "--rate", 25);
        int identifies = Option(args, "--identifies", 375);
        int attempts = Option(args, "--attempts", 3);
        var failures = new List<string>();
        string directory = Path.Combine(Path.GetTempPath(), "attio-outbox-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            Console.WriteLine($"Durable enqueue: {events} events from {producers} concurrent producers ({Environment.ProcessorCount} cores)");
            double memory = await EnqueueRateAsync(new InMemoryAttioOutbox(), events, producers);
            double best = 0;
            foreach (SqliteOutboxDurability durability in new[] { SqliteOutboxDurability.Full, SqliteOutboxDurability.Normal })
            {
                await using var sqlite = new SqliteAttioOutbox(Path.Combine(directory, $"{durability}.db"), new SqliteAttioOutboxOptions { Durability = durability });
                double durable = await EnqueueRateAsync(sqlite, events, producers);
                Console.WriteLine($"  SQLite synchronous={durability.ToString().ToUpperInvariant()}: {durable:N0} events/s = {durable / memory:P1} of in-memory ({memory:N0} events/s)");
                if (durability == new SqliteAttioOutboxOptions().Durability)
                {
                    best = durable;
                }
            }

            if (best < EnqueueTarget)
            {
                failures.Add($"durable enqueue (default durability) {best:N0} events/s (target >= {EnqueueTarget:N0})");
            }

            Console.WriteLine($"Delivery from the SQLite outbox (default durability), token bucket, write limit R = {rate}/s");
            List<string> missed = [];
            for (int attempt = 1; attempt <= attempts; attempt++)
            {
                await using var outbox = new SqliteAttioOutbox(Path.Combine(directory, $"delivery-{attempt}.db"));
                missed = await DeliveryScenario.RunIdentifiesAsync(rate, RateLimitMode.TokenBucket, identifies, attempt, outbox);
                if (missed.Count == 0)
                {
                    break;
                }
            }

            failures.AddRange(missed.Select(m => "outbox delivery: " + m));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        foreach (string failure in failures)
        {
            Console.WriteLine("  MISSED: " + failure);
        }

        Console.WriteLine(failures.Count == 0 ? "All outbox targets met." : $"{failures.Count} outbox target(s) missed.");
        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task<double> EnqueueRateAsync(IAttioOutbox outbox, int events, int producers)
    {
        await outbox.InitializeAsync();
        // About the size of a stored identify plan (two asserts and a link).
        string plan = "{\"version\":1,\"items\":[" + string.Join(',', Enumerable.Repeat("{\"object\":\"people\",\"matching\":\"email_addresses\",\"values\":{\"email_addresses\":[\"someone@bench.example\"]}}", 3)) + "]}";
        int next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < events)
            {
                await outbox.EnqueueAsync(new AttioOutboxMessage(plan, [$"people:email_addresses:user-{i}@bench.example", $"users:user_id:u-{i}"], DateTimeOffset.UtcNow, $"identify u-{i}"));
            }
        })));
        clock.Stop();
        return events / clock.Elapsed.TotalSeconds;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
