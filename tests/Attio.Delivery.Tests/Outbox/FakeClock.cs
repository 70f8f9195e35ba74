using Microsoft.Extensions.Time.Testing;

namespace Attio.Delivery.Tests.Outbox;

/// <summary>
/// Moves a fake clock for a sender on an outbox: in big steps only while its pump waits for a timer and holds no row
/// (no request in flight), by a millisecond while rows wait for the client's pace, not at all while the pump works; so
/// simulated hours pass without the clock racing a request. Bounded by simulated time and by iterations.
/// </summary>
internal static class FakeClock
{
    public static async Task RunUntilAsync(FakeTimeProvider time, AttioSender sender, Func<Task<bool>> done, TimeSpan step, TimeSpan maxSimulated, string what, Func<string>? describe = null)
    {
        DateTimeOffset start = time.GetUtcNow();
        for (long i = 0; i < 50_000_000; i++)
        {
            if (await done())
            {
                return;
            }

            Assert.True(time.GetUtcNow() - start < maxSimulated, $"{what}: not reached within {maxSimulated} of simulated time. {describe?.Invoke()}");
            if (sender.OutboxIsQuiet)
            {
                time.Advance(step);
            }
            else if (sender.OutboxRowsInMemory > 0)
            {
                // Rows in memory wait for the client's pace (on the same clock): a millisecond at a time lets them through.
                time.Advance(TimeSpan.FromMilliseconds(1));
            }

            await Task.Yield();
        }

        Assert.Fail($"{what}: not reached");
    }

    /// <summary>Waits (without moving any clock) until <paramref name="done"/> holds.</summary>
    public static async Task UntilAsync(Func<Task<bool>> done, string what, Func<Task<string>>? describe = null)
    {
        for (long i = 0; i < 5_000_000; i++)
        {
            if (await done())
            {
                return;
            }

            await Task.Yield();
        }

        Assert.Fail($"{what}: not reached. {(describe is null ? string.Empty : await describe())}");
    }

    /// <summary>A client on the fake clock whose only retries are the outbox's (the client gives up at the first failure).</summary>
    public static void OnFakeClock(AttioClientOptions options, TimeProvider time)
    {
        options.TimeProvider = time;
        options.MaxRetryAttempts = 0;
        // A request takes real milliseconds while the test moves the clock: a per-attempt timeout would fire for nothing.
        options.Timeout = Timeout.InfiniteTimeSpan;
    }
}
