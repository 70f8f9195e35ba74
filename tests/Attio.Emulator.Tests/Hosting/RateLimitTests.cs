using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Attio.Emulator.Tests.Hosting;

public sealed class RateLimitTests
{
    private static readonly DateTimeOffset Start = new(2025, 7, 27, 1, 45, 27, 220, TimeSpan.Zero);

    [Fact]
    public async Task Writes_beyond_the_budget_get_429_with_an_http_date_retry_after_at_the_next_second()
    {
        var clock = new ManualClock(Start);
        await using var emulator = await Emulators.Start(new AttioEmulatorOptions { WritesPerSecond = 3, TimeProvider = clock });
        using var client = new ApiClient(emulator);

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.Create("people", new() { ["job_title"] = $"t{i}" })).Status);
        }

        var limited = await client.Create("people", new() { ["job_title"] = "late" });

        Assert.Equal([200, 200, 200, 429], statuses);
        Assert.Equal(
            """{"status_code":429,"type":"rate_limit_error","code":"rate_limit_exceeded","message":"Rate limit exceeded, please try again later"}""",
            limited.Text);
        Assert.Equal("Sun, 27 Jul 2025 01:45:28 GMT", Assert.Single(limited.Headers.GetValues("Retry-After")));
        Assert.Equal(3, emulator.Store.Count("people"));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await client.Create("people", new() { ["job_title"] = "later" })).Status);
    }

    [Fact]
    public async Task Reads_have_their_own_budget_and_records_query_counts_as_a_read()
    {
        var clock = new ManualClock(Start);
        await using var emulator = await Emulators.Start(new AttioEmulatorOptions { WritesPerSecond = 1, ReadsPerSecond = 2, TimeProvider = clock });
        using var client = new ApiClient(emulator);

        Assert.Equal(200, (await client.Create("people", new() { ["job_title"] = "a" })).Status);
        Assert.Equal(200, (await client.Post("v2/objects/people/records/query", new JsonObject())).Status);
        Assert.Equal(200, (await client.Get("v2/objects")).Status);
        Assert.Equal(429, (await client.Get("v2/objects")).Status);
        Assert.Equal(429, (await client.Create("people", new() { ["job_title"] = "b" })).Status);
    }

    [Fact]
    public async Task Defaults_are_25_writes_and_100_reads_per_second()
    {
        var clock = new ManualClock(Start);
        await using var emulator = await Emulators.Start(new AttioEmulatorOptions { TimeProvider = clock });
        using var client = new ApiClient(emulator);

        var writes = new List<int>();
        for (var i = 0; i < 26; i++)
        {
            writes.Add((await client.Delete($"v2/objects/people/records/{Guid.NewGuid()}")).Status);
        }

        var reads = new List<int>();
        for (var i = 0; i < 101; i++)
        {
            reads.Add((await client.Get("v2/self")).Status);
        }

        Assert.Equal(25, writes.Count(s => s == 404));
        Assert.Equal(429, writes[^1]);
        Assert.Equal(100, reads.Count(s => s == 200));
        Assert.Equal(429, reads[^1]);
    }

    [Fact]
    public async Task Rate_limits_can_be_switched_off()
    {
        await using var emulator = await Emulators.Start(new AttioEmulatorOptions { EnforceRateLimits = false, WritesPerSecond = 1 });
        using var client = new ApiClient(emulator);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(200, (await client.Create("people", new() { ["job_title"] = $"t{i}" })).Status);
        }
    }

    [Fact]
    public async Task Retry_after_is_the_first_whole_second_at_which_a_token_is_back()
    {
        var clock = new ManualClock(Start);
        await using var emulator = await Emulators.Start(new AttioEmulatorOptions { ReadsPerSecond = 1, TimeProvider = clock });
        using var client = new ApiClient(emulator);

        await client.Get("v2/self");
        using var response = await client.Http.GetAsync("v2/self");

        Assert.Equal(429, (int)response.StatusCode);
        // One read per second: the token is back at :28.220, so the HTTP date says :29.
        Assert.Equal(new DateTimeOffset(2025, 7, 27, 1, 45, 29, TimeSpan.Zero), response.Headers.RetryAfter!.Date);
    }

    [Theory]
    [InlineData(RateLimitMode.TokenBucket, new[] { 200, 200, 200, 200, 200, 200 })]
    [InlineData(RateLimitMode.Sliding, new[] { 200, 200, 200, 429, 429, 200 })]
    public async Task Sliding_mode_counts_arrivals_in_a_strict_sliding_second_where_the_bucket_refills(RateLimitMode mode, int[] expected)
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await Emulators.Start(new AttioEmulatorOptions { WritesPerSecond = 3, RateLimitMode = mode, TimeProvider = clock });
        using var client = new ApiClient(emulator);

        // Three at once, then one 0.4 s later (the bucket has refilled 1.2 tokens), one 0.9 s after the
        // first three (2.7 tokens), and one a full second after them, when the sliding window has let them go.
        var statuses = new List<int>();
        foreach (var wait in new[] { 0, 0, 0, 400, 500, 100 })
        {
            clock.Advance(TimeSpan.FromMilliseconds(wait));
            statuses.Add((await client.Delete($"v2/objects/people/records/{Guid.NewGuid()}")).Status is 404 ? 200 : 429);
        }

        Assert.Equal(expected, statuses);
    }

    [Fact]
    public async Task Sliding_mode_retry_after_is_when_the_oldest_arrival_leaves_the_window()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await Emulators.Start(new AttioEmulatorOptions { WritesPerSecond = 2, RateLimitMode = RateLimitMode.Sliding, TimeProvider = clock });
        using var client = new ApiClient(emulator);

        await client.Delete($"v2/objects/people/records/{Guid.NewGuid()}");
        clock.Advance(TimeSpan.FromMilliseconds(700));
        await client.Delete($"v2/objects/people/records/{Guid.NewGuid()}");
        clock.Advance(TimeSpan.FromMilliseconds(200));
        var limited = await client.Delete($"v2/objects/people/records/{Guid.NewGuid()}");

        Assert.Equal(429, limited.Status);
        // The first arrival (:27.220) leaves the window at :28.220; Attio's HTTP date is whole seconds, so :29.
        Assert.Equal("Sun, 27 Jul 2025 01:45:29 GMT", Assert.Single(limited.Headers.GetValues("Retry-After")));
    }

    [Fact]
    public async Task Sliding_mode_never_admits_more_than_the_limit_in_any_second_of_a_steady_stream()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await Emulators.Start(new AttioEmulatorOptions { WritesPerSecond = 5, RateLimitMode = RateLimitMode.Sliding, TimeProvider = clock });
        using var client = new ApiClient(emulator);

        // One request every 70 ms for four seconds: 14 a second offered against a limit of 5.
        var admitted = new List<DateTimeOffset>();
        for (var i = 0; i < 58; i++)
        {
            if ((await client.Delete($"v2/objects/people/records/{Guid.NewGuid()}")).Status == 404)
            {
                admitted.Add(clock.GetUtcNow());
            }

            clock.Advance(TimeSpan.FromMilliseconds(70));
        }

        Assert.All(admitted, at => Assert.True(admitted.Count(a => a > at.AddSeconds(-1) && a <= at) <= 5, $"more than 5 in the second before {at:O}"));
        // Four seconds of a limit of 5: the whole budget is used, not just most of it.
        Assert.InRange(admitted.Count, 20, 21);
    }
}
