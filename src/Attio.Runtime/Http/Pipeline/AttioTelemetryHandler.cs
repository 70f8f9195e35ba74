using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Attio;

/// <summary>Logs, measures and traces each attempt: method, path, status, duration, attempt. Never headers or bodies.</summary>
internal sealed class AttioTelemetryHandler : DelegatingHandler
{
    private readonly ILogger _logger;

    public AttioTelemetryHandler(ILogger logger) => _logger = logger;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string method = request.Method.Method;
        string path = AttioRequests.PathOf(request);
        int attempt = AttioRequests.AttemptOf(request);
        using Activity? activity = AttioTelemetry.ActivitySource.StartActivity($"Attio {method}", ActivityKind.Client);
        activity?.SetTag("http.request.method", method);
        activity?.SetTag("url.path", request.RequestUri?.AbsolutePath);
        activity?.SetTag("attio.attempt", attempt);
        AttioLog.RequestStarting(_logger, method, path, attempt);
        long start = Stopwatch.GetTimestamp();
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
            int status = (int)response.StatusCode;
            Record(method, status.ToString(System.Globalization.CultureInfo.InvariantCulture), elapsed);
            activity?.SetTag("http.response.status_code", status);
            if (response.IsSuccessStatusCode)
            {
                AttioLog.RequestFinished(_logger, method, path, attempt, status, elapsed.TotalMilliseconds);
            }
            else
            {
                activity?.SetStatus(ActivityStatusCode.Error);
                if (status == 429)
                {
                    AttioTelemetry.RateLimited.Add(1, new KeyValuePair<string, object?>("http.request.method", method));
                }

                string? executionId = response.Headers.TryGetValues("x-attio-execution-id", out var ids) ? ids.FirstOrDefault() : null;
                AttioLog.RequestFailedStatus(_logger, method, path, attempt, status, response.ReasonPhrase, elapsed.TotalMilliseconds, executionId);
            }

            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
            Record(method, ex.GetType().Name, elapsed);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            AttioLog.RequestFailed(_logger, method, path, attempt, elapsed.TotalMilliseconds, AttioRetryHandler.Describe(ex, AttioSecrets.TokenOf(request)));
            throw;
        }
    }

    private static void Record(string method, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "http.request.method", method }, { "attio.outcome", outcome } };
        AttioTelemetry.Requests.Add(1, tags);
        AttioTelemetry.Duration.Record(elapsed.TotalSeconds, tags);
    }
}
