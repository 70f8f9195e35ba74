using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
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
}
