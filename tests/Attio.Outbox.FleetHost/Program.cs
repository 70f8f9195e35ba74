using System.Globalization;
using Attio;

// attio fleet host: --postgres CONN --schema S --base-url URL --token T --prefix P --count N --rate R --lease SECONDS
// Prints "ready <pid>", "enqueued <n>" once every event is committed, "flushed" when the shared outbox is empty; exits 0.
// Exit 2: bad arguments. The token and the connection string are never printed.
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (int i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

string[] required = ["postgres", "schema", "base-url", "token", "prefix", "count", "rate", "lease"];
if (required.FirstOrDefault(k => !options.ContainsKey(k)) is { } missing)
{
    Console.Error.WriteLine($"fleet host: missing --{missing}");
    return 2;
}

int count = int.Parse(options["count"], CultureInfo.InvariantCulture);
int rate = int.Parse(options["rate"], CultureInfo.InvariantCulture);
string prefix = options["prefix"];
await using var outbox = new PostgresAttioOutbox(new PostgresAttioOutboxOptions { ConnectionString = options["postgres"], Schema = options["schema"] });
using var client = new AttioClient(new AttioClientOptions
{
    ApiToken = options["token"],
    BaseAddress = new Uri(options["base-url"]),
    WritesPerSecond = rate,
    RetryBaseDelay = TimeSpan.FromMilliseconds(50),
    RetryMaxDelay = TimeSpan.FromSeconds(1),
});
await using var sender = new AttioSender(client, new AttioSenderOptions
{
    Outbox = outbox,
    LeaseDuration = TimeSpan.FromSeconds(double.Parse(options["lease"], CultureInfo.InvariantCulture)),
    OutboxPollInterval = TimeSpan.FromMilliseconds(250),
    MaxConcurrency = 16,
});
Console.WriteLine($"ready {Environment.ProcessId}");

// Concurrent producers, as request handlers of a web app would be.
await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
    await sender.EnqueueIdentifyAsync($"{prefix}-{i}@fleet.example", $"{prefix}-{i}", cancellationToken: ct));
Console.WriteLine($"enqueued {count}");

await sender.FlushAsync();
Console.WriteLine("flushed");
return 0;
