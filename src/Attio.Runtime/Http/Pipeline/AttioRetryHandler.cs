using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Attio;

/// <summary>
/// Repeats an attempt that failed for a passing reason: 429 (after <c>Retry-After</c>, an HTTP date or seconds),
/// 408, 409, 5xx, a per-attempt timeout or a connection failure. Backoff is exponential with jitter, bounded in
/// attempts and in total time. A create is repeated only when Attio cannot have stored it (see
/// <see cref="AttioClientOptions.RetryNonIdempotentRequests"/>). Cancellation stops it at once, also while waiting.
/// When it gives up on a response, the response is returned (and becomes an <see cref="AttioApiException"/>);
/// when no response came back, it throws <see cref="AttioTransportException"/>.
/// </summary>
internal sealed class AttioRetryHandler : DelegatingHandler
{
    private readonly Func<AttioClientOptions> _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public AttioRetryHandler(Func<AttioClientOptions> options, ILogger logger, TimeProvider? time = null)
    {
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        AttioClientOptions options = _options();
        string method = request.Method.Method;
        string path = AttioRequests.PathOf(request);
        bool idempotent = AttioRequests.IsIdempotent(request);
        int maxAttempts = options.MaxRetryAttempts + 1;

        // The body is buffered once so every attempt sends the same bytes.
        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        long start = _time.GetTimestamp();

        for (int attempt = 1; ; attempt++)
        {
            HttpRequestMessage message = attempt == 1 ? request : Clone(request, body);
            message.Options.Set(AttioRequests.AttemptKey, attempt);

            HttpResponseMessage? response = null;
            Exception? failure = null;
            string reason;
            bool mayHaveBeenStored;
            using (var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                if (options.Timeout != Timeout.InfiniteTimeSpan)
                {
                    attemptCts.CancelAfter(options.Timeout);
                }

                try
                {
                    response = await base.SendAsync(message, attemptCts.Token).ConfigureAwait(false);
                    // Read the body inside the attempt, so a connection dropped mid-body is retried too.
                    await response.Content.LoadIntoBufferAsync(attemptCts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    response?.Dispose();
                    throw;
                }
                catch (OperationCanceledException ex)
                {
                    response?.Dispose();
                    response = null;
                    failure = ex;
                }
                catch (HttpRequestException ex)
                {
                    response?.Dispose();
                    response = null;
                    failure = ex;
                }
            }

            TimeSpan delay;
            bool retryAfterTooLong = false;
            if (response is not null)
            {
                if (!IsRetryable(response.StatusCode))
                {
                    return response;
                }

                reason = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
                // A 429 means Attio did not process the request; any other status may follow a stored write.
                mayHaveBeenStored = response.StatusCode != HttpStatusCode.TooManyRequests;
                TimeSpan? retryAfter = RetryAfter(response);
                delay = retryAfter is { } wait && wait > TimeSpan.Zero ? wait : Backoff(options, attempt);
                retryAfterTooLong = retryAfter > options.MaxRetryAfter;
            }
            else
            {
                reason = failure is OperationCanceledException
                    ? $"timed out after {options.Timeout.TotalSeconds:0.###} s"
                    : Describe(failure!);
                mayHaveBeenStored = !IsConnectFailure(failure!);
                delay = Backoff(options, attempt);
            }

            TimeSpan elapsed = _time.GetElapsedTime(start);
            bool allowed = idempotent || !mayHaveBeenStored || options.RetryNonIdempotentRequests;
            if (!allowed || attempt >= maxAttempts || retryAfterTooLong || elapsed + delay > options.MaxRetryDuration)
            {
                string why = !allowed ? $"{reason}; a create is not repeated once Attio may have stored it"
                    : retryAfterTooLong ? $"{reason}; Retry-After asks for {delay.TotalSeconds:0.#} s, more than MaxRetryAfter"
                    : attempt >= maxAttempts ? reason
                    : $"{reason}; the next attempt would exceed MaxRetryDuration";
                if (attempt > 1 || response is null)
                {
                    AttioLog.GivingUp(_logger, method, path, attempt, elapsed.TotalMilliseconds, why);
                }

                if (response is not null)
                {
                    return response;
                }

                throw new AttioTransportException(method, path, attempt, elapsed, why, failure);
            }

            response?.Dispose();
            if (message != request)
            {
                message.Dispose();
            }

            AttioLog.Retrying(_logger, method, path, delay.TotalMilliseconds, attempt + 1, maxAttempts, reason);
            AttioTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("http.request.method", method), new KeyValuePair<string, object?>("attio.retry_reason", ReasonTag(response, failure)));
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>429, 408, 409 and 5xx except 501 (not implemented) and 505 (version not supported).</summary>
    internal static bool IsRetryable(HttpStatusCode status) => (int)status switch
    {
        408 or 409 or 429 => true,
        501 or 505 => false,
        >= 500 and <= 599 => true,
        _ => false,
    };

    /// <summary>A short description of a transport failure, without the token (exceptions never carry it).</summary>
    internal static string Describe(Exception ex) => ex switch
    {
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => $"{Humanize(http.HttpRequestError)} ({http.Message})",
        HttpRequestException http => http.Message,
        OperationCanceledException => "timed out",
        _ => ex.Message,
    };

    private static string Humanize(HttpRequestError error) => error switch
    {
        HttpRequestError.ConnectionError => "connection failed",
        HttpRequestError.ResponseEnded => "connection closed before the response ended",
        HttpRequestError.NameResolutionError => "host name not resolved",
        HttpRequestError.SecureConnectionError => "TLS handshake failed",
        _ => error.ToString(),
    };

    private static string ReasonTag(HttpResponseMessage? response, Exception? failure) =>
        response is not null ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
        : failure is OperationCanceledException ? "timeout"
        : "transport";

    // A refused or unreachable connection means no byte of the request reached Attio.
    private static bool IsConnectFailure(Exception ex) =>
        ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
        || ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable };

    /// <summary>
    /// <c>Retry-After</c> as a delay. Attio sends an HTTP date (when the limit resets); it is measured against the
    /// response's own <c>Date</c> header when present, so a skewed local clock does not matter. Delta seconds work too.
    /// </summary>
    internal TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            DateTimeOffset now = response.Headers.Date ?? _time.GetUtcNow();
            return date - now;
        }

        return null;
    }

    // Exponential with "equal jitter": half the step is fixed, half random, so waits never collapse to zero.
    private static TimeSpan Backoff(AttioClientOptions options, int attempt)
    {
        double step = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        step = Math.Min(step, options.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((step / 2) + (Random.Shared.NextDouble() * step / 2));
    }

    private static HttpRequestMessage Clone(HttpRequestMessage request, byte[]? body)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)clone.Options)[option.Key] = option.Value;
        }

        if (body is not null)
        {
            clone.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
            {
                clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return clone;
    }
}
