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
/// <summary>
/// Repeats an attempt that failed for a passing reason: 429 (after <c>Retry-After</c>, an HTTP date or seconds),
/// 408, 5xx, a per-attempt timeout or a connection failure. Backoff is exponential with "equal jitter", bounded in
/// attempts and in total time. A create is repeated only when Attio cannot have stored it (see
/// <see cref="AttioClientOptions.RetryNonIdempotentRequests"/>). What cannot succeed on a second try is not repeated:
/// 409 conflicts, 413 (too large) and a 429 asking to reduce a query's complexity. Cancellation stops it at once, also
/// while waiting. When it gives up on a response, the response is returned (and becomes an
/// <see cref="AttioApiException"/>); when no response came back, it throws <see cref="AttioTransportException"/>.
/// </summary>
internal sealed class AttioRetryHandler : DelegatingHandler
{
    /// <summary>Bodies from this size on ask for <c>100-continue</c>, so a 413 arrives before megabytes are sent for nothing.</summary>
    internal const int ExpectContinueFromBytes = 1024 * 1024;

    private readonly Func<AttioClientOptions> _options;
    private readonly ILogger _logger;

    public AttioRetryHandler(Func<AttioClientOptions> options, ILogger logger)
    {
        _options = options;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        AttioClientOptions options = _options();
        TimeProvider time = options.TimeProvider ?? TimeProvider.System;
        string method = request.Method.Method;
        string path = AttioRequests.PathOf(request);
        bool idempotent = AttioRequests.IsIdempotent(request);
        int maxAttempts = options.MaxRetryAttempts + 1;

        // The body is buffered once so every attempt sends the same bytes.
        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (body is { Length: >= ExpectContinueFromBytes })
        {
            request.Headers.ExpectContinue = true;
        }

        long start = time.GetTimestamp();
        for (int attempt = 1; ; attempt++)
        {
            HttpRequestMessage message = attempt == 1 ? request : Clone(request, body);
            message.Options.Set(AttioRequests.AttemptKey, attempt);
            (HttpResponseMessage? response, Exception? failure) = await AttemptAsync(message, options, time, cancellationToken).ConfigureAwait(false);

            string reason;
            bool mayHaveBeenStored;
            TimeSpan delay;
            bool retryAfterTooLong = false;
            bool backoff = false;
            if (response is not null)
            {
                if (!IsRetryable(response))
                {
                    return response;
                }

                reason = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
                // A 429 means Attio did not process the request; any other status may follow a stored write.
                mayHaveBeenStored = response.StatusCode != HttpStatusCode.TooManyRequests;
                TimeSpan? retryAfter = RetryAfter(response, time);
                backoff = retryAfter is not { } wait || wait <= TimeSpan.Zero;
                delay = backoff ? Backoff(options, attempt) : retryAfter!.Value;
                retryAfterTooLong = retryAfter > options.MaxRetryAfter;
            }
            else
            {
                reason = failure is OperationCanceledException
                    ? $"timed out after {options.Timeout.TotalSeconds:0.###} s"
                    : Describe(failure!, options.ApiToken);
                mayHaveBeenStored = !IsConnectFailure(failure!);
                delay = Backoff(options, attempt);
                backoff = true;
            }

            TimeSpan elapsed = time.GetElapsedTime(start);
            TimeSpan remaining = options.MaxRetryDuration - elapsed;
            // A backoff is only a pause: the last one shrinks to fit the budget, so the budget in time is what counts.
            if (backoff && delay > remaining && remaining >= options.RetryBaseDelay)
            {
                delay = remaining;
            }

            bool allowed = idempotent || !mayHaveBeenStored || options.RetryNonIdempotentRequests;
            if (!allowed || attempt >= maxAttempts || retryAfterTooLong || delay > remaining)
            {
                string why = !allowed ? $"{reason}; a create is not repeated once Attio may have stored it"
                    : retryAfterTooLong ? $"{reason}; Retry-After asks for {delay.TotalSeconds:0.#} s, more than MaxRetryAfter"
                    : attempt >= maxAttempts ? $"{reason}; MaxRetryAttempts ({options.MaxRetryAttempts}) reached"
                    : $"{reason}; the next attempt would exceed MaxRetryDuration ({options.MaxRetryDuration.TotalSeconds:0.#} s)";
                if (attempt > 1 || response is null)
                {
                    AttioLog.GivingUp(_logger, method, path, attempt, elapsed.TotalMilliseconds, why);
                }

                if (response is not null)
                {
                    return response;
                }

                throw new AttioTransportException(method, path, attempt, elapsed, why, SafeInner(failure!, options.ApiToken));
            }

            response?.Dispose();
            if (message != request)
            {
                message.Dispose();
            }

            AttioLog.Retrying(_logger, method, path, delay.TotalMilliseconds, attempt + 1, maxAttempts, reason);
            AttioTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("http.request.method", method), new KeyValuePair<string, object?>("attio.retry_reason", ReasonTag(response, failure)));
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(HttpResponseMessage? Response, Exception? Failure)> AttemptAsync(
        HttpRequestMessage message, AttioClientOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        // The per-attempt timeout runs on the options' clock, so tests can move it without waiting.
        using var timeout = options.Timeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(options.Timeout, time);
        using var attemptCts = timeout is null
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(message, attemptCts.Token).ConfigureAwait(false);
            // Read the body inside the attempt, so a connection dropped mid-body is retried too.
            await response.Content.LoadIntoBufferAsync(attemptCts.Token).ConfigureAwait(false);
            return (response, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw;
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException)
        {
            response?.Dispose();
            return (null, ex);
        }
    }

    /// <summary>429, 408 and 5xx except 501 (not implemented) and 505 (version not supported).</summary>
    /// <remarks>
    /// 409 is not retried: the 409s Attio documents (<c>slug_conflict</c> and the like) are conflicts with stored data
    /// that answer the same way every time. 413 (too large) cannot pass either.
    /// </remarks>
    internal static bool IsRetryable(HttpStatusCode status) => (int)status switch
    {
        408 or 429 => true,
        501 or 505 => false,
        >= 500 and <= 599 => true,
        _ => false,
    };

    /// <summary>As <see cref="IsRetryable(HttpStatusCode)"/>, and not a 429 that asks to reduce a query's complexity (its own ceiling, not a rate).</summary>
    internal static bool IsRetryable(HttpResponseMessage response) =>
        IsRetryable(response.StatusCode)
        && !(response.StatusCode == HttpStatusCode.TooManyRequests && AsksToReduceComplexity(response));

    internal static bool AsksToReduceComplexity(HttpResponseMessage response)
    {
        string? message = AttioErrors.MessageOf(response);
        return message is not null && message.Contains("complexity", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A short description of a transport failure; the token is masked, since a hostile server can shape the text.</summary>
    internal static string Describe(Exception ex, string? token) => AttioSecrets.MaskToken(ex switch
    {
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => $"{Humanize(http.HttpRequestError)} ({http.Message})",
        HttpRequestException http => http.Message,
        OperationCanceledException => "timed out",
        _ => ex.Message,
    }, token);

    /// <summary>
    /// The failure to keep as inner exception. Its text (and its inner's) may quote what the server sent; when that
    /// contains the token, a copy with the text masked and no inner chain is kept instead.
    /// </summary>
    internal static Exception SafeInner(Exception failure, string? token)
    {
        bool leaks = false;
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            leaks |= AttioSecrets.MaskToken(e.Message, token) != e.Message;
        }

        if (!leaks)
        {
            return failure;
        }

        return failure is HttpRequestException http
            ? new HttpRequestException(http.HttpRequestError, Describe(http, token), null, http.StatusCode)
            : new HttpRequestException(Describe(failure, token));
    }

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
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            DateTimeOffset now = response.Headers.Date ?? time.GetUtcNow();
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
