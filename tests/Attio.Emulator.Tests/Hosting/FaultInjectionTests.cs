using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Attio.Emulator.Tests.Hosting;

public sealed class FaultInjectionTests
{
    private const string AssertRoute = "PUT /v2/objects/*/records";

    private static JsonObject Person(string email) => new() { ["email_addresses"] = new JsonArray(email) };

    [Fact]
    public async Task Scripted_429s_come_first_then_requests_succeed()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        emulator.Faults.Enqueue(AssertRoute, FaultKind.Status429, count: 2);

        var first = await client.Assert("people", "email_addresses", Person("a@x.com"));
        var second = await client.Assert("people", "email_addresses", Person("a@x.com"));
        var third = await client.Assert("people", "email_addresses", Person("a@x.com"));

        Assert.Equal((429, 429, 200), (first.Status, second.Status, third.Status));
        Assert.Equal("rate_limit_exceeded", first.Code);
        Assert.True(DateTimeOffset.TryParse(Assert.Single(first.Headers.GetValues("Retry-After")), out _));
        Assert.Equal(0, emulator.Faults.Pending);
        Assert.Equal(1, emulator.Store.Count("people"));
        Assert.Equal([FaultKind.Status429, FaultKind.Status429, null], emulator.Journal.Select(j => j.Fault));
    }

    [Theory]
    [InlineData(FaultKind.Status409, 409)]
    [InlineData(FaultKind.Status500, 500)]
    [InlineData(FaultKind.Status502, 502)]
    [InlineData(FaultKind.Status503, 503)]
    public async Task Status_faults_answer_with_an_error_body_and_do_not_process(FaultKind kind, int status)
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        emulator.Faults.Enqueue(AssertRoute, kind);

        var response = await client.Assert("people", "email_addresses", Person("a@x.com"));

        Assert.Equal(status, response.Status);
        Assert.Equal(status, (int)response.Json["status_code"]!);
        Assert.Equal(0, emulator.Store.Count("people"));
        Assert.Equal(status, Assert.Single(emulator.Journal).StatusCode);
    }

    [Fact]
    public async Task Faults_only_hit_their_route()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        emulator.Faults.Enqueue(AssertRoute, FaultKind.Status500);

        Assert.Equal(200, (await client.Get("v2/objects")).Status);
        Assert.Equal(200, (await client.Create("people", Person("b@x.com"))).Status);
        Assert.Equal(1, emulator.Faults.Pending);
        Assert.Equal(500, (await client.Assert("people", "email_addresses", Person("a@x.com"))).Status);
    }

    [Fact]
    public async Task Delay_waits_on_the_emulator_clock_then_processes_the_request()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 7, 27, 1, 45, 27, TimeSpan.Zero));
        await using var emulator = await Emulators.Start(new AttioEmulatorOptions { EnforceRateLimits = false, TimeProvider = clock });
        using var client = new ApiClient(emulator);
        emulator.Faults.Enqueue("GET /v2/self", FaultKind.Delay, delay: TimeSpan.FromMilliseconds(300));

        var response = client.Get("v2/self");
        // Only the emulator's clock releases the request: it completes once 300 ms of fake time have passed, never before.
        var advanced = TimeSpan.Zero;
        for (long spins = 0; !response.IsCompleted && spins < 100_000_000; spins++)
        {
            await Task.Yield();
            if (emulator.Faults.Pending == 0)
            {
                clock.Advance(TimeSpan.FromMilliseconds(10));
                advanced += TimeSpan.FromMilliseconds(10);
            }
        }

        Assert.True(advanced >= TimeSpan.FromMilliseconds(300), $"completed after {advanced.TotalMilliseconds} ms of emulator time");
        Assert.Equal(200, (await response).Status);
        Assert.Equal(FaultKind.Delay, Assert.Single(emulator.Journal).Fault);
    }

    [Fact]
    public async Task Drop_connection_aborts_without_an_answer_and_is_journaled()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        emulator.Faults.Enqueue(AssertRoute, FaultKind.DropConnection);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.Assert("people", "email_addresses", Person("a@x.com")));

        Assert.Equal(0, emulator.Store.Count("people"));
        var entry = Assert.Single(emulator.Journal);
        Assert.Equal((0, FaultKind.DropConnection, (string?)null), (entry.StatusCode, entry.Fault, entry.ResponseBody));
    }

    [Fact]
    public async Task Probabilistic_faults_repeat_for_the_same_seed()
    {
        async Task<int[]> Run()
        {
            await using var emulator = await Emulators.Start();
            using var client = new ApiClient(emulator);
            emulator.Faults.AddProbabilistic("GET /v2/**", FaultKind.Status503, probability: 0.5, seed: 42);
            var statuses = new int[20];
            for (var i = 0; i < statuses.Length; i++)
            {
                statuses[i] = (await client.Get("v2/objects")).Status;
            }

            return statuses;
        }

        var first = await Run();
        var second = await Run();

        Assert.Equal(first, second);
        Assert.Contains(503, first);
        Assert.Contains(200, first);
    }

    [Fact]
    public async Task Clear_removes_pending_faults()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        emulator.Faults.Enqueue("*", FaultKind.Status500, count: 3);
        emulator.Faults.Clear();

        Assert.Equal(200, (await client.Get("v2/self")).Status);
    }
}
