using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Attio.Emulator;
using Attio.Runtime.Tests.Infrastructure;
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
        using var client = TestAttio.Client(attio);
        using var metrics = new MetricsProbe();
        attio.Faults.Enqueue(AssertRoute, FaultKind.Status429);

        var stored = await client.AssertRecordAsync(NewSubscription("sub-429"), "subscription_id");

        Assert.Equal("sub-429", stored.GetString("subscription_id"));
        var journal = attio.Journal;
        Assert.Equal(2, journal.Count);
        Assert.Equal(429, journal[0].StatusCode);
        Assert.Equal(200, journal[1].StatusCode);
        // Retry-After named the next whole second after the 429: the retry must not arrive before it.
        var retryAt = new DateTimeOffset(journal[0].At.UtcTicks - (journal[0].At.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1);
        Assert.True(journal[1].At >= retryAt, $"retried at {journal[1].At:O}, Retry-After was {retryAt:O}");
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
        attio.Faults.Enqueue(AssertRoute, FaultKind.Status409);

        var stored = await client.AssertRecordAsync(NewSubscription("sub-5xx"), "subscription_id");

        Assert.Equal("sub-5xx", stored.GetString("subscription_id"));
        Assert.Equal([500, 502, 0, 409, 200], attio.Journal.Select(e => e.StatusCode));
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio, o => o.Timeout = TimeSpan.FromMilliseconds(300));
        attio.Faults.Enqueue("GET /v2/self", FaultKind.Delay, delay: TimeSpan.FromSeconds(2));

        var self = await client.GetSelfAsync();

        Assert.True(self.Active);
        Assert.Contains(attio.Journal, e => e.Path == "/v2/self" && e.StatusCode == 200 && e.Fault is null);
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
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio, o =>
        {
            o.RetryBaseDelay = TimeSpan.FromSeconds(20);
            o.RetryMaxDelay = TimeSpan.FromSeconds(20);
            o.MaxRetryDuration = TimeSpan.FromMinutes(1);
        });

        attio.Faults.Enqueue("GET /v2/self", FaultKind.Delay, delay: TimeSpan.FromSeconds(10));
        var watch = Stopwatch.StartNew();
        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetSelfAsync(cts.Token));
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");

        // A 500 starts a 10-20 s backoff; cancelling during that wait must end the call at once.
        attio.Faults.Enqueue("GET /v2/objects", FaultKind.Status500);
        using (var cts = new CancellationTokenSource())
        {
            var call = client.ListObjectsAsync(cts.Token);
            var deadline = Stopwatch.StartNew();
            while (!attio.Journal.Any(e => e.Path == "/v2/objects") && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(20);
            }

            cts.Cancel();
            watch.Restart();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        }

        Assert.Single(attio.Journal, e => e.Path == "/v2/objects");

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.AssertRecordAsync(NewSubscription("sub-cancel"), "subscription_id", cancelled.Token));
    }

    [Fact]
    public async Task The_client_side_limit_keeps_a_burst_of_writes_under_attios_limit()
    {
        // The client keeps some headroom below the server's limit, as it would below Attio's, so that requests
        // delayed on the way (new connections on a busy machine) cannot bunch up at the server.
        await using var attio = await TestAttio.StartAsync(new AttioEmulatorOptions { WritesPerSecond = 8, EnforceRateLimits = true });
        using var client = TestAttio.Client(attio, o =>
        {
            o.WritesPerSecond = 6;
            o.MaxRetryAttempts = 0;
        });

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 14).Select(i => client.AssertRecordAsync(NewSubscription($"sub-burst-{i}"), "subscription_id")));

        Assert.Equal(14, attio.Journal.Count);
        Assert.All(attio.Journal, e => Assert.Equal(200, e.StatusCode));
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(2), $"14 writes at 6/s finished in {watch.Elapsed}");
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

    private static Subscription NewSubscription(string id)
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
