using System.Diagnostics;
using System.Globalization;
using Attio.Emulator;
using Northwind.Crm;

namespace Attio.Benchmarks;

/// <summary>
/// A realistic identify stream against the emulator at R writes/s, delivered two ways in one run: (a) as hosted destinations
/// do (one assert per object per event, through <see cref="AttioClient"/>, no coalescing, no skipping) and (b) by
/// <see cref="AttioSender"/> (coalescing, skipping unchanged writes). Prints requests per event, effective events/s, the 429
/// share and whether the emulator ends with every user's newest traits; exits non-zero on a missed target.
/// </summary>
/// <remarks>
/// Both modes start from the same state: the population's first half already in Attio (a destination that has been
/// running), delivered before the clock starts. (a) needs two requests per event, so at R it would take minutes for the
/// whole stream; it runs the stream's first <c>--hosted-events</c> events, which have the same mix, and its final state
/// is checked against the newest traits of those events.
/// </remarks>
public static class StreamScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        int rate = Option(args, "--rate", 100);
        int events = Option(args, "--events", 20_000);
        int users = Option(args, "--users", 2_000);
        int hostedEvents = Option(args, "--hosted-events", 2_000);
        int seed = Option(args, "--seed", 16);
        var stream = IdentifyStream.Generate(events, users, seed);
        Console.WriteLine($"Identify stream: {events} events over {users} users (Zipf popularity, seed {seed}): {stream.Unchanged} unchanged re-identifies ({(double)stream.Unchanged / events:P1}), " +
            $"{stream.Changed} with one attribute changed ({(double)stream.Changed / events:P1}), {stream.New} new users ({(double)stream.New / events:P1}); {stream.Existing.Count} users already in Attio; write limit R = {rate}/s");

        var hosted = await RunHostedAsync(stream, rate, hostedEvents);
        var sender = await RunSenderAsync(stream, rate);
        Print("(a) hosted: one assert per object per event", hosted);
        Print("(b) AttioSender: coalescing + unchanged skipped", sender);
        double speedup = sender.EventsPerSecond / hosted.EventsPerSecond;
        Console.WriteLine($"  (b) / (a) effective events/s: {speedup:0.0}x");

        var failures = new List<string>();
        Check(sender.RequestsPerEvent <= 0.25, $"(b) {sender.RequestsPerEvent:0.000} requests per event (target <= 0.25)", failures);
        Check(speedup >= 8, $"(b) {speedup:0.0}x the effective events/s of (a) (target >= 8x)", failures);
        Check(hosted.Wrong == 0, $"(a) {hosted.Wrong} users differ from their newest traits (target 0)", failures);
        Check(sender.Wrong == 0 && sender.Failed == 0, $"(b) {sender.Wrong} users differ from their newest traits, {sender.Failed} events not delivered (target 0)", failures);
        // The 429 share is reported, not a target here: the delivery scenario holds the pace to <= 1% in both limiter modes.
        foreach (var failure in failures)
        {
            Console.WriteLine("  MISSED: " + failure);
        }

        Console.WriteLine(failures.Count == 0 ? "All stream targets met." : $"{failures.Count} stream target(s) missed.");
        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task<Outcome> RunHostedAsync(IdentifyStream stream, int rate, int count)
    {
        await using var env = await Start(rate);
        await Preload(env, stream);
        var slice = stream.Events.Take(count).ToList();
        // Per-user order is kept (events of one user go through one worker), as a destination that orders by user does;
        // otherwise the final state could not equal the newest values.
        const int workers = 16;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            foreach (var e in slice.Where(e => e.User % workers == w))
            {
                await env.Client.ExecuteIdentifyAsync(AttioActions.Identify(e.Email, e.UserId, e.Person(), null));
            }
        })));
        clock.Stop();
        return Measure(env, slice.Count, clock.Elapsed, IdentifyStream.Newest(stream.Existing, slice));
    }

    private static async Task<Outcome> RunSenderAsync(IdentifyStream stream, int rate)
    {
        await using var env = await Start(rate);
        await using var sender = new AttioSender(env.Client, new AttioSenderOptions { MaxConcurrency = 32 });
        await Preload(env, stream, sender);
        var clock = Stopwatch.StartNew();
        var receipts = new List<AttioDeliveryReceipt>(stream.Events.Count);
        foreach (var e in stream.Events)
        {
            receipts.Add(await sender.EnqueueIdentifyAsync(e.Email, e.UserId, e.Person(), timestamp: e.At));
        }

        var results = await Task.WhenAll(receipts.Select(r => r.Completion));
        clock.Stop();
        int unchanged = results.Count(r => r.Status == AttioDeliveryStatus.Unchanged);
        int failed = results.Count(r => !r.IsDelivered);
        Console.WriteLine($"  (b) results: {unchanged} unchanged, {results.Length - unchanged - failed} delivered, {failed} not delivered");
        return Measure(env, stream.Events.Count, clock.Elapsed, IdentifyStream.Newest(stream.Existing, stream.Events)) with { Failed = failed };
    }

    // The users already in Attio, delivered before the clock starts; (b) delivers them through its sender, which is how it
    // would know them after running for a while. The journal is then emptied so that only the stream is counted.
    private static async Task Preload(Environment env, IdentifyStream stream, AttioSender? sender = null)
    {
        var preload = stream.Existing.Values.Select(u => AttioDeliveryEvent.Identify(u.Email, u.UserId, u.Person(), null, u.At)).ToList();
        if (sender is not null)
        {
            await sender.SendBatchAsync(preload);
        }
        else
        {
            await using var loader = new AttioSender(env.Client, new AttioSenderOptions { MaxConcurrency = 32 });
            await loader.SendBatchAsync(preload);
        }

        env.Emulator.ClearJournal();
    }

    private static Outcome Measure(Environment env, int events, TimeSpan elapsed, Dictionary<string, StreamEvent> newest)
    {
        var writes = env.Emulator.Journal.Where(e => e.Method is "PUT" or "PATCH" or "POST").ToList();
        int rateLimited = writes.Count(e => e.StatusCode == 429);
        int requests = writes.Count - rateLimited;
        var people = env.Emulator.Store.Records("people").ToDictionary(p => p["values"]!["email_addresses"]![0]!["email_address"]!.GetValue<string>(), StringComparer.Ordinal);
        var userRecords = env.Emulator.Store.Records("users").ToDictionary(u => u["values"]!["user_id"]![0]!["value"]!.GetValue<string>(), StringComparer.Ordinal);
        int wrong = 0;
        foreach (var expected in newest.Values)
        {
            bool ok = people.TryGetValue(expected.Email, out var person)
                && Text(person, "job_title") == expected.JobTitle
                && Text(person, "description") == expected.Description
                && userRecords.TryGetValue(expected.UserId, out var user)
                && user["values"]!["person"]![0]!["target_record_id"]!.GetValue<string>() == person["id"]!["record_id"]!.GetValue<string>();
            wrong += ok ? 0 : 1;
        }

        return new Outcome(events, requests, rateLimited, elapsed, newest.Count, wrong, 0);
    }

    private static string? Text(System.Text.Json.Nodes.JsonObject record, string slug) =>
        record["values"]?[slug] is System.Text.Json.Nodes.JsonArray { Count: > 0 } values ? values[0]!["value"]!.GetValue<string>() : null;

    private static void Print(string title, Outcome o) =>
        Console.WriteLine($"  {title}: {o.Events} events, {o.Requests} requests = {o.RequestsPerEvent:0.000} per event; {o.Elapsed.TotalSeconds:0.0} s = {o.EventsPerSecond:0} events/s; " +
            $"429s {o.Share429:P2}; final state {o.Users - o.Wrong}/{o.Users} users with their newest traits");

    private static void Check(bool ok, string what, List<string> failures)
    {
        if (!ok)
        {
            failures.Add(what);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static async Task<Environment> Start(int rate)
    {
        var emulator = await AttioEmulator.StartAsync(Path.Combine(AppContext.BaseDirectory, "attio-schema.json"),
            new AttioEmulatorOptions { WritesPerSecond = rate, ReadsPerSecond = 1000, EnforceRateLimits = true, RateLimitMode = RateLimitMode.Sliding });
        var client = new AttioClient(new AttioClientOptions { ApiToken = emulator.ApiToken, BaseAddress = emulator.BaseAddress, WritesPerSecond = rate, ReadsPerSecond = 1000 });
        return new Environment(emulator, client);
    }

    private sealed record Outcome(int Events, int Requests, int RateLimited, TimeSpan Elapsed, int Users, int Wrong, int Failed)
    {
        public double RequestsPerEvent => (double)Requests / Events;

        public double EventsPerSecond => Events / Elapsed.TotalSeconds;

        public double Share429 => Requests + RateLimited == 0 ? 0 : (double)RateLimited / (Requests + RateLimited);
    }

    private sealed record Environment(AttioEmulator Emulator, AttioClient Client) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Emulator.DisposeAsync();
        }
    }
}
