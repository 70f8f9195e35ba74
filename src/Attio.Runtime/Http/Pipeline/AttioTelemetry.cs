using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Attio;

/// <summary>
/// Names of the runtime's telemetry: a <see cref="Meter"/> and an <see cref="ActivitySource"/> both called <c>Attio</c>,
/// and the <c>Attio.Http</c> log category. Request headers (and so the token) are never logged or tagged.
/// </summary>
public static class AttioTelemetry
{
    /// <summary>The name of the meter, the activity source and the root of the log categories: <c>Attio</c>.</summary>
    public const string Name = "Attio";

    /// <summary>The log category of HTTP requests: <c>Attio.Http</c>.</summary>
    public const string HttpLogCategory = "Attio.Http";

    /// <summary>Counter of HTTP attempts sent, tagged with method and status code (or error type).</summary>
    public const string RequestsCounter = "attio.client.requests";

    /// <summary>Counter of retries, tagged with method and reason.</summary>
    public const string RetriesCounter = "attio.client.retries";

    /// <summary>Counter of 429 answers.</summary>
    public const string RateLimitedCounter = "attio.client.rate_limited";

    /// <summary>Histogram of attempt durations in seconds.</summary>
    public const string DurationHistogram = "attio.client.request.duration";

    /// <summary>Gauge of outbox rows waiting (Pending and InFlight), tagged with the outbox (<c>attio.outbox</c>).</summary>
    public const string OutboxPendingGauge = "attio.outbox.pending";

    /// <summary>Gauge of how long the oldest unfinished outbox row has waited, in seconds.</summary>
    public const string OutboxOldestPendingAgeGauge = "attio.outbox.oldest_pending_age";

    /// <summary>Gauge of dead letters kept in the outbox.</summary>
    public const string OutboxDeadLettersGauge = "attio.outbox.dead_letters";

    /// <summary>Counter of outbox rows settled by the sender, tagged <c>outcome</c>: delivered, rescheduled, dead_letter, rejected.</summary>
    public const string SenderDeliveriesCounter = "attio.sender.deliveries";

    private static readonly string? Version = typeof(AttioTelemetry).Assembly.GetName().Version?.ToString();

    /// <summary>The activity source; one client activity per HTTP attempt.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);

    internal static Meter Meter { get; } = new(Name, Version);

    internal static Counter<long> Requests { get; } = Meter.CreateCounter<long>(RequestsCounter, "{request}", "HTTP attempts sent to Attio.");

    internal static Counter<long> Retries { get; } = Meter.CreateCounter<long>(RetriesCounter, "{retry}", "Attempts repeated after a retryable failure.");

    internal static Counter<long> RateLimited { get; } = Meter.CreateCounter<long>(RateLimitedCounter, "{response}", "429 responses from Attio.");

    internal static Histogram<double> Duration { get; } = Meter.CreateHistogram<double>(DurationHistogram, "s", "Duration of one HTTP attempt to Attio.");
}

/// <summary>
/// Source-generated log messages. Only method, path, status, timing, attempt and reason: never headers or bodies.
/// A successful attempt and the client's own pacing are Debug (a burst would otherwise log thousands of lines at the
/// default level); failed attempts and retries, including waits for a 429's Retry-After, are Information; giving up is Warning.
/// </summary>
internal static partial class AttioLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Attio {Method} {Path} attempt {Attempt} starting")]
    public static partial void RequestStarting(ILogger logger, string method, string path, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Attio {Method} {Path} attempt {Attempt} returned {StatusCode} in {DurationMs:0.0} ms")]
    public static partial void RequestFinished(ILogger logger, string method, string path, int attempt, int statusCode, double durationMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Attio {Method} {Path} attempt {Attempt} returned {StatusCode} {ErrorCode} in {DurationMs:0.0} ms (execution id {ExecutionId})")]
    public static partial void RequestFailedStatus(ILogger logger, string method, string path, int attempt, int statusCode, string? errorCode, double durationMs, string? executionId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Attio {Method} {Path} attempt {Attempt} failed after {DurationMs:0.0} ms: {Reason}")]
    public static partial void RequestFailed(ILogger logger, string method, string path, int attempt, double durationMs, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Attio {Method} {Path}: retrying in {DelayMs:0} ms (attempt {NextAttempt} of {MaxAttempts}) because of {RetryReason}")]
    public static partial void Retrying(ILogger logger, string method, string path, double delayMs, int nextAttempt, int maxAttempts, string retryReason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Attio {Method} {Path}: giving up after {Attempts} attempts in {ElapsedMs:0} ms: {Reason}")]
    public static partial void GivingUp(ILogger logger, string method, string path, int attempts, double elapsedMs, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Attio {Method} {Path} waited {WaitMs:0} ms for the client-side {Kind} limit")]
    public static partial void RateLimitWait(ILogger logger, string method, string path, double waitMs, string kind);
}
