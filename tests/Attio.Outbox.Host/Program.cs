using Attio;
using Attio.Outbox.Host;

// Markers on stdout, one per line, are what the crash tests wait for before they kill this process:
//   "enqueued K"  (every 50 identifies: the first K are stored), "delivered D" (rows delivered per the outbox), "flushed".
HostArguments arguments;
try
{
    arguments = HostArguments.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 3;
}

await using var outbox = new SqliteAttioOutbox(arguments.Sqlite!, new SqliteAttioOutboxOptions { Durability = arguments.Durability });
await outbox.InitializeAsync();

if (arguments.EnqueueOnly)
{
    // Stored without delivering: the sender's pump never gets the lease, so its client (to an unused address) sends nothing.
    await using var producer = new SenderHost(arguments, new ProduceOnlyOutbox(outbox), new Uri("http://127.0.0.1:9/"), "unused");
    await EnqueueAsync(producer.Sender, arguments);
    return 0;
}

await using var host = new SenderHost(arguments, outbox, arguments.Emulator!, arguments.Token!);
using var stop = new CancellationTokenSource();
Task progress = ReportDeliveredAsync(outbox, stop.Token);
if (!arguments.DeliverOnly)
{
    await EnqueueAsync(host.Sender, arguments);
}

await host.Sender.FlushAsync();
await stop.CancelAsync();
await progress;
Console.WriteLine($"delivered {(await outbox.GetStatusAsync()).Delivered}");
Console.WriteLine("flushed");
return 0;

static async Task EnqueueAsync(AttioSender sender, HostArguments arguments)
{
    const int Window = 50;
    var events = new List<(string Email, string UserId)>();
    for (int i = arguments.Offset; i < arguments.Identifies; i++)
    {
        for (int round = 0; round < arguments.Rounds; round++)
        {
            events.Add(($"user-{i}@crash.test", $"u-{i}"));
        }
    }

    // Windows of concurrent enqueues share commits (group commit); a marker follows only once its whole window is stored.
    for (int start = 0; start < events.Count; start += Window)
    {
        AttioDeliveryReceipt[] receipts = await Task.WhenAll(events.Skip(start).Take(Window)
            .Select(e => sender.EnqueueIdentifyAsync(e.Email, e.UserId).AsTask()));
        if (receipts.FirstOrDefault(r => r.OutboxId is null) is { } refused)
        {
            throw new InvalidOperationException($"An identify was not stored: {refused}");
        }

        int users = Math.Min(start + Window, events.Count) / arguments.Rounds;
        Console.WriteLine($"enqueued {arguments.Offset + users}");
    }
}

static async Task ReportDeliveredAsync(IAttioOutbox outbox, CancellationToken cancellationToken)
{
    long last = -1;
    using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(25));
    try
    {
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            long delivered = (await outbox.GetStatusAsync(cancellationToken)).Delivered;
            if (delivered != last)
            {
                Console.WriteLine($"delivered {delivered}");
                last = delivered;
            }
        }
    }
    catch (OperationCanceledException)
    {
    }
}
