using System.Diagnostics.Metrics;
using System.Net;
using Attio.Emulator;
using Attio.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Attio.Internal;

namespace Attio.Runtime.Tests.Http;

/// <summary>Retries, Retry-After, non-retried errors, transport failures, cancellation and client-side rate limits, over loopback HTTP.</summary>
public sealed class ResilienceTests
{
    private const string AssertRoute = "PUT /v2/objects/*/records";

    [Fact]
    public async Task A_429_is_retried_after_its_http_date_retry_after_then_succeeds()
    {
        await using var attio = await TestAttio.StartAsync();
        var clock = new SteppingClock();
        // A backoff would wait ten minutes: a wait of at most two seconds can only come from Retry-After.
        using var client = TestAttio.Client(attio, o =>
        {
            o.TimeProvider = clock;
            o.Timeout = Timeout.InfiniteTimeSpan;
            o.WritesPerSecond = 0;
            o.RetryBaseDelay = TimeSpan.FromMinutes(10);
            o.RetryMaxDelay = TimeSpan.FromMinutes(10);
            o.MaxRetryDuration = TimeSpan.FromHours(1);
        });
        using var metrics = new MetricsProbe();
        attio.Faults.Enqueue(AssertRoute, FaultKind.Status429);

        var stored = await clock.RunAsync(client.AssertRecordAsync(NewSubscription("sub-429"), "subscription_id"));

        Assert.Equal("sub-429", stored.GetString("subscription_id"));
        Assert.Equal([429, 200], attio.Journal.Select(e => e.StatusCode));
        TimeSpan wait = Assert.Single(clock.Waits);
        Assert.InRange(wait, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(2));
        Assert.Equal(1, metrics.Total(AttioTelemetry.RateLimitedCounter));
        Assert.Equal(1, metrics.Total(AttioTelemetry.RetriesCounter));
        Assert.Equal(2, metrics.Total(AttioTelemetry.RequestsCounter));
    }

    [Fact]
    public async Task Server_errors_and_dropped_connections_are_retried_with_backoff_then_succeed()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        attio.Faults.Enqueue(AssertRoute, FaultKind.Status500);
        attio.Faults.Enqueue(AssertRoute, FaultKind.Status502);
        attio.Faults.Enqueue(AssertRoute, FaultKind.DropConnection);
        attio.Faults.Enqueue(AssertRoute, FaultKind.Status503);

        var stored = await client.AssertRecordAsync(NewSubscription("sub-5xx"), "subscription_id");

        Assert.Equal("sub-5xx", stored.GetString("subscription_id"));
        Assert.Equal([500, 502, 0, 503, 200], attio.Journal.Select(e => e.StatusCode));
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried()
    {
        // The emulator's delay runs on a clock nobody moves, so the first attempt never ends by itself.
        await using var attio = await TestAttio.StartAsync(new AttioEmulatorOptions { TimeProvider = new FakeTimeProvider() });
        var clock = new SteppingClock();
        using var client = TestAttio.Client(attio, o =>
        {
            o.TimeProvider = clock;
            o.Timeout = TimeSpan.FromSeconds(30);
            o.RetryBaseDelay = TimeSpan.FromSeconds(1);
            o.RetryMaxDelay = TimeSpan.FromSeconds(1);
            o.MaxRetryDuration = TimeSpan.FromMinutes(2);
            o.ReadsPerSecond = 0;
        });
        attio.Faults.Enqueue("GET /v2/self", FaultKind.Delay, delay: TimeSpan.FromHours(1));

        var call = client.GetSelfAsync();
        await UntilAsync(() => attio.Faults.Pending == 0, call);
        clock.Advance(TimeSpan.FromSeconds(30));
        // The attempt timed out; a backoff of 0.5-1 s follows, then the second attempt (with its own 30 s) succeeds.
        await UntilAsync(() => clock.Waits.Any(w => w <= TimeSpan.FromSeconds(1)), call);
        clock.Advance(TimeSpan.FromSeconds(1));
        var self = await call;

        Assert.True(self.Active);
        Assert.Equal([0, 200], attio.Journal.Select(e => e.StatusCode));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_400_is_not_retried_and_carries_attios_error(bool viaRawApi)
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        var record = NewSubscription("sub-400");
        record.Set(Subscription.Plan, AttioCodecs.Select, "No such plan");

        var ex = await Assert.ThrowsAsync<AttioApiException>(() => viaRawApi
            ? client.Api.CreateRecordAsync("subscriptions", new ByteArrayContent(record.ToRequestBody()))
            : client.CreateRecordAsync(record));

        var request = Assert.Single(attio.Journal);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("value_not_found", ex.Code);
        Assert.Equal("invalid_request_error", ex.Type);
        Assert.Equal(400, ex.AttioStatusCode);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(request.ExecutionId, ex.ExecutionId);
        Assert.Equal("POST", ex.Method);
        Assert.Equal("/v2/objects/subscriptions/records", ex.Path);
        Assert.Contains("No such plan", ex.Message);
    }

    [Fact]
    public async Task Validation_errors_from_attio_are_exposed_and_401_and_404_are_not_retried()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        using var badToken = TestAttio.Client(attio, o => o.ApiToken = new string('0', 64));

        var notFound = await Assert.ThrowsAsync<AttioApiException>(() => client.GetObjectAsync("no_such_object"));
        // Not /v2/self: it answers 200 {"active": false} for an unknown token, as the spec says.
        var unauthorized = await Assert.ThrowsAsync<AttioApiException>(() => badToken.GetObjectAsync("people"));
        var invalid = await Assert.ThrowsAsync<AttioApiException>(() =>
            client.Api.CreateRecordAsync("subscriptions", new StringContent("""{"data":{}}""", System.Text.Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("not_found", notFound.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("auth_error", unauthorized.Type);
        Assert.Equal("validation_type", invalid.Code);
        Assert.Contains(invalid.ValidationErrors, e => e.Path is { Count: 2 } p && p[1].GetString() == "values");
        Assert.Equal(3, attio.Journal.Count);
    }

    [Fact]
    public async Task A_create_is_not_repeated_after_a_server_error_but_is_after_a_429()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        attio.Faults.Enqueue("POST /v2/objects/*/records", FaultKind.Status503);

        var ex = await Assert.ThrowsAsync<AttioApiException>(() => client.CreateRecordAsync(NewSubscription("sub-create")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Single(attio.Journal);

        attio.ClearJournal();
        attio.Faults.Enqueue("POST /v2/objects/*/records", FaultKind.Status429);
        await client.CreateRecordAsync(NewSubscription("sub-create"));
        Assert.Equal([429, 200], attio.Journal.Select(e => e.StatusCode));
    }

    [Fact]
    public async Task Persistent_failures_stop_after_the_configured_attempts_with_a_clear_exception()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio, o => o.MaxRetryAttempts = 2);
        attio.Faults.Enqueue(AssertRoute, FaultKind.DropConnection, count: 3);
        attio.Faults.Enqueue("GET /v2/objects", FaultKind.Status503, count: 3);

        var transport = await Assert.ThrowsAsync<AttioTransportException>(() => client.AssertRecordAsync(NewSubscription("sub-drop"), "subscription_id"));
        var server = await Assert.ThrowsAsync<AttioApiException>(() => client.ListObjectsAsync());

        Assert.Equal(3, transport.Attempts);
        Assert.Equal("PUT", transport.Method);
        Assert.Equal("/v2/objects/subscriptions/records?matching_attribute=subscription_id", transport.Path);
        Assert.Contains("3 attempts", transport.Message);
        Assert.NotNull(transport.InnerException);
        Assert.Equal(3, server.Attempts);
        Assert.Contains("after 3 attempts", server.Message);
        Assert.Equal(6, attio.Journal.Count);
    }

    [Fact]
    public async Task A_retry_after_longer_than_allowed_is_reported_instead_of_waited_for()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio, o => o.MaxRetryAfter = TimeSpan.Zero);
        attio.Faults.Enqueue(AssertRoute, FaultKind.Status429);

        var ex = await Assert.ThrowsAsync<AttioApiException>(() => client.AssertRecordAsync(NewSubscription("sub-wait"), "subscription_id"));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal("rate_limit_exceeded", ex.Code);
        Assert.Single(attio.Journal);
    }

    [Fact]
    public async Task An_unreachable_server_gives_a_transport_exception_that_says_what_was_tried()
    {
        string token = new('a', 64);
        Uri address;
        await using (var attio = await TestAttio.StartAsync())
        {
            address = attio.BaseAddress;
        }

        using var client = new AttioClient(new AttioClientOptions
        {
            ApiToken = token, BaseAddress = address, MaxRetryAttempts = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        });

        var ex = await Assert.ThrowsAsync<AttioTransportException>(() => client.GetSelfAsync());

        Assert.Equal(2, ex.Attempts);
        Assert.Equal("GET", ex.Method);
        Assert.Contains("/v2/self", ex.Message);
        Assert.Contains("connection", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(token, ex.ToString());
    }

    [Fact]
    public async Task Cancellation_stops_a_request_in_flight_and_a_wait_between_retries()
    {
        // Both clocks stand still: the delayed request and the backoff can only end by cancellation.
        await using var attio = await TestAttio.StartAsync(new AttioEmulatorOptions { TimeProvider = new FakeTimeProvider() });
        var clock = new FakeTimeProvider();
        using var client = TestAttio.Client(attio, o =>
        {
            o.TimeProvider = clock;
            o.RetryBaseDelay = TimeSpan.FromSeconds(20);
            o.RetryMaxDelay = TimeSpan.FromSeconds(20);
            o.MaxRetryDuration = TimeSpan.FromMinutes(1);
            o.ReadsPerSecond = 0;
        });

        attio.Faults.Enqueue("GET /v2/self", FaultKind.Delay, delay: TimeSpan.FromHours(1));
        using (var cts = new CancellationTokenSource())
        {
            var inFlight = client.GetSelfAsync(cts.Token);
            await UntilAsync(() => attio.Faults.Pending == 0, inFlight);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => inFlight);
        }

        // A 500 starts a 10-20 s backoff; cancelling during that wait must end the call.
        attio.Faults.Enqueue("GET /v2/objects", FaultKind.Status500);
        using (var cts = new CancellationTokenSource())
        {
            var call = client.ListObjectsAsync(cts.Token);
            await UntilAsync(() => attio.Journal.Any(e => e.Path == "/v2/objects"), call);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        }

        Assert.Single(attio.Journal, e => e.Path == "/v2/objects");

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.AssertRecordAsync(NewSubscription("sub-cancel"), "subscription_id", cancelled.Token));
    }

    [Fact]
    public async Task Without_the_client_side_limit_the_same_burst_meets_429s_that_are_retried()
    {
        await using var attio = await TestAttio.StartAsync(new AttioEmulatorOptions { WritesPerSecond = 4, EnforceRateLimits = true });
        using var client = TestAttio.Client(attio, o =>
        {
            o.WritesPerSecond = 0;
            o.MaxRetryAttempts = 10;
        });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.AssertRecordAsync(NewSubscription($"sub-free-{i}"), "subscription_id")));

        Assert.Contains(attio.Journal, e => e.StatusCode == 429);
        Assert.Equal(8, attio.Journal.Count(e => e.StatusCode == 200));
    }

    /// <summary>
    /// Yields until <paramref name="condition"/> holds: the test waits for the server to see a request, not for time.
    /// Stops early when <paramref name="call"/> has ended, so a call that failed surfaces its exception instead of hanging.
    /// </summary>
    internal static async Task UntilAsync(Func<bool> condition, Task call)
    {
        while (!condition() && !call.IsCompleted)
        {
            await Task.Yield();
        }
    }

    internal static Subscription NewSubscription(string id)
    {
        var record = new Subscription();
        record.Set(Subscription.SubscriptionId, AttioCodecs.Text, id);
        record.Set(Subscription.Seats, AttioCodecs.Number, 1);
        return record;
    }

    /// <summary>Sums the runtime's counters; only measurements made on this test's thread flow count (tests run in parallel).</summary>
    private sealed class MetricsProbe : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, long> _totals = new();
        private readonly AsyncLocal<bool> _mine = new() { Value = true };

        public MetricsProbe()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == AttioTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            {
                if (_mine.Value)
                {
                    lock (_totals)
                    {
                        _totals[instrument.Name] = _totals.GetValueOrDefault(instrument.Name) + value;
                    }
                }
            });
            _listener.Start();
        }

        public long Total(string name)
        {
            lock (_totals)
            {
                return _totals.GetValueOrDefault(name);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
