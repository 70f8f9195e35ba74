using Attio.Emulator;
using Attio.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Attio.Runtime.Tests.Http;

/// <summary>The client-side pace, on fake time: even spacing with no initial burst, back-off after a 429 and recovery.</summary>
public sealed class PacingTests
{
    private static readonly TimeSpan Interval25 = TimeSpan.FromSeconds(AttioPacer.Slack / 25);

    [Fact]
    public async Task A_burst_starts_one_interval_apart_with_no_initial_burst()
    {
        var clock = new FakeTimeProvider();
        var pacer = new AttioPacer(25, clock);

        // All 120 ask at the same instant; each learns when it may start.
        var waits = Enumerable.Range(0, 120).Select(_ => pacer.WaitAsync(CancellationToken.None).AsTask()).ToList();
        clock.Advance(TimeSpan.FromSeconds(20));
        var starts = (await Task.WhenAll(waits)).Order().ToList();

        Assert.Single(starts, s => s == TimeSpan.Zero);
        for (int i = 1; i < starts.Count; i++)
        {
            TimeSpan gap = starts[i] - starts[i - 1];
            Assert.True(gap >= Interval25 - TimeSpan.FromTicks(10), $"start {i} only {gap.TotalMilliseconds} ms after the one before");
            if (starts[i - 1] >= AttioPacer.WarmUp)
            {
                // Warm: exactly one interval apart, 98% of the limit.
                Assert.Equal(Interval25.TotalMilliseconds, gap.TotalMilliseconds, 0.01);
            }
        }

        // No one-second window holds more than the limit; a cold start begins at half the pace.
        for (int i = 0; i + 25 < starts.Count; i++)
        {
            Assert.True(starts[i + 25] - starts[i] >= TimeSpan.FromSeconds(1), $"26 starts within {starts[i + 25] - starts[i]}");
        }

        Assert.InRange(starts.Count(s => s < TimeSpan.FromSeconds(1)), 12, 20);
        Assert.InRange(starts.Count(s => s < TimeSpan.FromSeconds(4)), 80, 100);
    }

    [Fact]
    public async Task A_429_slows_the_pace_and_it_recovers_when_no_other_follows()
    {
        var clock = new FakeTimeProvider();
        var pacer = new AttioPacer(25, clock);
        await pacer.WaitAsync(CancellationToken.None);
        clock.Advance(AttioPacer.WarmUp + TimeSpan.FromSeconds(1));

        pacer.OnRateLimited();
        double ceiling = 1 - AttioPacer.CeilingStep;
        Assert.Equal(ceiling * AttioPacer.BackOffFactor, pacer.Factor, 3);
        Assert.Equal(ceiling, pacer.Ceiling, 3);
        // 429s of requests that were in flight together count once.
        pacer.OnRateLimited();
        pacer.OnRateLimited();
        Assert.Equal(ceiling * AttioPacer.BackOffFactor, pacer.Factor, 3);

        // Slower: the next two starts are further apart than at the full pace.
        var first = pacer.WaitAsync(CancellationToken.None).AsTask();
        var second = pacer.WaitAsync(CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromSeconds(1));
        TimeSpan gap = await second - await first;
        Assert.True(gap > Interval25 * 1.2, $"gap after a 429 was {gap.TotalMilliseconds} ms");

        // The dip recovers within seconds to a ceiling a little below the limit, which recovers within a minute.
        clock.Advance(AttioPacer.Recovery);
        Assert.Equal(pacer.Ceiling, pacer.Factor, 3);
        Assert.True(pacer.Ceiling < 1);
        clock.Advance(AttioPacer.CeilingRecovery);
        Assert.Equal(1, pacer.Factor);

        // Repeated 429s keep lowering the ceiling, never below its floor.
        for (int i = 0; i < 30; i++)
        {
            pacer.OnRateLimited();
            clock.Advance(TimeSpan.FromSeconds(1.5));
        }

        Assert.InRange(pacer.Ceiling, AttioPacer.LowestCeiling, AttioPacer.LowestCeiling + 0.01);
    }

    /// <summary>
    /// A model of the run in issue 16: a server counting arrivals in a strict sliding second, the first request held up
    /// 150 ms by a new connection and every request by up to 15 ms of seeded jitter. The client's starts come from the
    /// real pacer; the model only adds travel time.
    /// </summary>
    [Fact]
    public async Task A_strict_sliding_window_server_answers_at_most_1_percent_429_and_the_pace_stays_above_95_percent()
    {
        var clock = new FakeTimeProvider();
        var pacer = new AttioPacer(25, clock);
        var waits = Enumerable.Range(0, 676).Select(_ => pacer.WaitAsync(CancellationToken.None).AsTask()).ToList();
        clock.Advance(TimeSpan.FromMinutes(2));
        var starts = await Task.WhenAll(waits);

        var random = new Random(16);
        var arrivals = starts.Select((s, i) => s.TotalMilliseconds + (i == 0 ? 150 : 0) + (random.NextDouble() * 15)).ToList();
        var accepted = new List<double>();
        int rejected = 0;
        foreach (double at in arrivals.Order())
        {
            if (accepted.Count(a => a > at - 1000) >= 25)
            {
                rejected++;
            }
            else
            {
                accepted.Add(at);
            }
        }

        double seconds = starts.Max().TotalSeconds;
        Assert.True(rejected <= 676 / 100, $"{rejected} of 676 answered 429");
        Assert.True(676 / seconds >= 0.95 * 25, $"{676 / seconds:0.0} requests/s");
    }

    [Fact]
    public void Each_client_and_each_registration_has_its_own_pace()
    {
        var options = new AttioClientOptions { ApiToken = "same-token-for-both-0123456789" };
        Assert.NotSame(AttioRateLimiter.For(options), AttioRateLimiter.For(options));

        var services = new ServiceCollection().AddAttio(o => o.ApiToken = options.ApiToken);
        using var one = services.BuildServiceProvider();
        using var two = services.BuildServiceProvider();
        Assert.Same(one.GetRequiredService<AttioRateLimiter>(), one.GetRequiredService<AttioRateLimiter>());
        Assert.NotSame(one.GetRequiredService<AttioRateLimiter>(), two.GetRequiredService<AttioRateLimiter>());
    }

    [Fact]
    public async Task The_client_side_pace_keeps_a_burst_of_writes_under_the_servers_limit_on_fake_time()
    {
        // Client and emulator share one fake clock: the emulator's token bucket sees exactly the client's starts.
        var clock = new SteppingClock();
        await using var attio = await TestAttio.StartAsync(new AttioEmulatorOptions { WritesPerSecond = 6, EnforceRateLimits = true, TimeProvider = clock });
        using var client = TestAttio.Client(attio, o =>
        {
            o.TimeProvider = clock;
            o.Timeout = Timeout.InfiniteTimeSpan;
            o.WritesPerSecond = 6;
            o.MaxRetryAttempts = 0;
        });
        DateTimeOffset start = clock.GetUtcNow();

        // Each pacing deadline releases one request; the first needs none.
        await clock.RunAsync(
            Task.WhenAll(Enumerable.Range(0, 14).Select(i => client.AssertRecordAsync(ResilienceTests.NewSubscription($"sub-burst-{i}"), "subscription_id"))),
            settled: passed => attio.Journal.Count >= Math.Min(passed + 1, 14));

        Assert.Equal(14, attio.Journal.Count);
        Assert.All(attio.Journal, e => Assert.Equal(200, e.StatusCode));
        var arrivals = attio.Journal.Select(e => e.At).Order().ToList();
        Assert.Equal(start, arrivals[0]);
        for (int i = 1; i < arrivals.Count; i++)
        {
            Assert.True((arrivals[i] - arrivals[i - 1]).TotalSeconds >= (AttioPacer.Slack / 6) - 0.001, $"arrival {i} too soon");
        }
    }
}
