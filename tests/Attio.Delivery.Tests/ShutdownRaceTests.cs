using Attio.Emulator;
using Northwind.Crm;

namespace Attio.Delivery.Tests;

public sealed class ShutdownRaceTests
{
    // Issue 20.1: producers looping on a full queue while the sender is disposed. Every call must end with a receipt
    // (NotDeliveredAtShutdown once stopped) or OperationCanceledException: never ObjectDisposedException, never a hang.
    [Fact]
    public async Task DisposeRacingProducersOnAFullQueueEndsEveryCallWithAReceipt()
    {
        await using var env = await TestEnvironment.StartAsync(writesPerSecond: 500);
        env.Emulator.Faults.AddProbabilistic("PUT /v2/objects/people/records", FaultKind.Delay, 1.0, seed: 7, delay: TimeSpan.FromMilliseconds(20));
        for (int round = 0; round < 60; round++)
        {
            var sender = new AttioSender(env.Client, new AttioSenderOptions
            {
                QueueCapacity = 3,
                MaxConcurrency = 1,
                ShutdownTimeout = TimeSpan.FromMilliseconds(round * 37 % 101),
            });
            var receipts = new System.Collections.Concurrent.ConcurrentBag<AttioDeliveryReceipt>();
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            int enqueued = 0;
            int currentRound = round;
            var producers = Enumerable.Range(0, 6).Select(p => Task.Run(async () =>
            {
                int afterStop = 0;
                for (int i = 0; ; i++)
                {
                    AttioDeliveryReceipt receipt;
                    try
                    {
                        receipt = await sender.EnqueuePersonAsync(new Person { EmailAddresses = [$"race{currentRound}-{p}-{i}@example.com"] });
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    receipts.Add(receipt);
                    if (Interlocked.Increment(ref enqueued) == 8)
                    {
                        enough.TrySetResult();
                    }

                    // Calls keep coming for a while after the stop, as from a busy web app.
                    if (receipt.Completion.IsCompleted && receipt.Completion.Result.Status == AttioDeliveryStatus.NotDeliveredAtShutdown && ++afterStop == 50)
                    {
                        return;
                    }
                }
            })).ToArray();

            await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await sender.DisposeAsync();

            // A guard against a hang, not a timing assertion: the producers end as soon as they see the stop.
            await Task.WhenAll(producers).WaitAsync(TimeSpan.FromSeconds(60));
            var results = await Task.WhenAll(receipts.Select(r => r.Completion)).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.All(results, r => Assert.Contains(r.Status, new[] { AttioDeliveryStatus.Delivered, AttioDeliveryStatus.NotDeliveredAtShutdown }));
            Assert.Contains(results, r => r.Status == AttioDeliveryStatus.NotDeliveredAtShutdown);
        }
    }
}
