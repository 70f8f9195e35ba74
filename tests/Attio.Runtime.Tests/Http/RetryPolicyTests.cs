using System.Net;
using Attio.Emulator;
using Attio.Runtime.Tests.Infrastructure;
using Xunit;

namespace Attio.Runtime.Tests.Http;

/// <summary>What is retried and for how long, over loopback against the emulator, on fake time.</summary>
public sealed class RetryPolicyTests
{
    private const string ListObjects = "GET /v2/objects";

    [Fact]
    public async Task The_default_retries_ride_out_a_one_minute_outage()
    {
        await using var attio = await TestAttio.StartAsync();
        var clock = new SteppingClock();
        // Only the clock and the per-attempt timeout differ from the defaults.
        using var client = new AttioClient(new AttioClientOptions
        {
            ApiToken = attio.ApiToken, BaseAddress = attio.BaseAddress, TimeProvider = clock, Timeout = Timeout.InfiniteTimeSpan,
        });
        attio.Faults.Enqueue(ListObjects, FaultKind.Status503, count: 5);
        attio.Faults.Enqueue(ListObjects, FaultKind.DropConnection, count: 4);

        var objects = await clock.RunAsync(client.ListObjectsAsync());

        Assert.NotEmpty(objects);
        Assert.Equal(10, attio.Journal.Count);
        TimeSpan outage = clock.Waits.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        Assert.True(outage >= TimeSpan.FromSeconds(60), $"the retries spanned only {outage}");
    }

    [Fact]
    public async Task The_retry_budget_is_time_and_the_last_attempt_starts_by_MaxRetryDuration()
    {
        await using var attio = await TestAttio.StartAsync();
        var clock = new SteppingClock();
        using var client = new AttioClient(new AttioClientOptions
        {
            ApiToken = attio.ApiToken, BaseAddress = attio.BaseAddress, TimeProvider = clock, Timeout = Timeout.InfiniteTimeSpan,
        });
        attio.Faults.Enqueue(ListObjects, FaultKind.Status503, count: 200);
        DateTimeOffset start = clock.GetUtcNow();

        var ex = await Assert.ThrowsAsync<AttioApiException>(() => clock.RunAsync(client.ListObjectsAsync()));

        TimeSpan spent = clock.GetUtcNow() - start;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(attio.Journal.Count, ex.Attempts);
        Assert.InRange(spent, TimeSpan.FromSeconds(100), new AttioClientOptions().MaxRetryDuration);
        Assert.InRange(ex.Attempts, 8, new AttioClientOptions().MaxRetryAttempts + 1);
    }

    [Fact]
    public async Task A_409_conflict_is_not_retried()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        attio.Faults.EnqueueResponse(ListObjects, 409,
            """{"status_code":409,"type":"invalid_request_error","code":"slug_conflict","message":"A list with api_slug \"my_list\" already exists."}""");

        var ex = await Assert.ThrowsAsync<AttioApiException>(() => client.ListObjectsAsync());

        Assert.Equal("slug_conflict", ex.Code);
        Assert.Equal(1, ex.Attempts);
        Assert.Single(attio.Journal);
    }

    [Fact]
    public async Task A_429_asking_to_reduce_query_complexity_is_not_retried_but_a_plain_429_is()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        const string Query = "POST /v2/objects/*/records/query";
        attio.Faults.EnqueueResponse(Query, 429,
            """{"status_code":429,"type":"rate_limit_error","code":"rate_limit_exceeded","message":"Query complexity limit exceeded, please reduce the complexity of your query."}""");

        var ex = await Assert.ThrowsAsync<AttioApiException>(() => client.QueryRecordsAsync("subscriptions"));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Contains("complexity", ex.Message);
        Assert.Single(attio.Journal);

        attio.ClearJournal();
        attio.Faults.EnqueueResponse(Query, 429,
            """{"status_code":429,"type":"rate_limit_error","code":"rate_limit_exceeded","message":"Rate limit exceeded, please try again later"}""");
        await client.QueryRecordsAsync("subscriptions");
        Assert.Equal([429, 200], attio.Journal.Select(e => e.StatusCode));
    }

    [Fact]
    public async Task A_413_is_reported_as_too_large_and_not_retried()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        attio.Faults.EnqueueResponse("PUT /v2/objects/*/records", 413,
            """{"status_code":413,"type":"invalid_request_error","code":"payload_too_large","message":"Request body too large."}""");

        var ex = await Assert.ThrowsAsync<AttioApiException>(() => client.AssertRecordAsync(ResilienceTests.NewSubscription("sub-big"), "subscription_id"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, ex.StatusCode);
        Assert.Contains("too large", ex.Message);
        Assert.Contains("not retried", ex.Message);
        Assert.Equal(1, ex.Attempts);
        Assert.Single(attio.Journal);
    }

    [Fact]
    public async Task A_large_body_asks_for_100_continue_and_small_ones_do_not()
    {
        // A server refusing a large body can then answer 413 before megabytes are sent, instead of resetting the upload.
        var seen = new List<bool?>();
        using var handler = new AttioRetryHandler(() => new AttioClientOptions { ApiToken = "t", MaxRetryAttempts = 0 }, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
        {
            InnerHandler = new RecordingHandler(seen),
        };
        using var invoker = new HttpMessageInvoker(handler);
        foreach (int size in new[] { 10, AttioRetryHandler.ExpectContinueFromBytes })
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, "http://127.0.0.1/v2/objects/people/records") { Content = new ByteArrayContent(new byte[size]) };
            using var response = await invoker.SendAsync(request, CancellationToken.None);
        }

        Assert.Equal([null, true], seen);
    }

    /// <summary>Records one header of what would be sent; the behaviour under test is the request the handler builds.</summary>
    private sealed class RecordingHandler(List<bool?> seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request.Headers.ExpectContinue);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        }
    }
}
