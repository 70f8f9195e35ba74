using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace Attio;

/// <summary>
/// The one HTTP pipeline of the runtime, outermost first: retry, client-side rate limit, telemetry, authentication,
/// then the socket handler. <c>new AttioClient(options)</c> and <c>AddAttio</c> both build exactly this chain.
/// </summary>
internal static class AttioHttpPipeline
{
    public const string HttpClientName = "Attio";

    public static ILogger CreateLogger(ILoggerFactory? loggerFactory) =>
        (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(AttioTelemetry.HttpLogCategory);

    /// <summary>The handlers around one shared <paramref name="limiter"/>: the pace belongs to a client or a registration, not to the process.</summary>
    public static DelegatingHandler[] CreateHandlers(Func<AttioClientOptions> options, ILogger logger, AttioRateLimiter limiter) =>
    [
        new AttioRetryHandler(options, logger),
        new AttioRateLimitHandler(limiter, logger),
        new AttioTelemetryHandler(logger),
        new AttioAuthenticationHandler(() => options().ApiToken),
    ];

    /// <summary>Pooled connections are recycled every few minutes, so a long-lived client follows DNS changes.</summary>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };

    public static HttpMessageHandler Create(AttioClientOptions options, ILoggerFactory? loggerFactory)
    {
        DelegatingHandler[] handlers = CreateHandlers(() => options, CreateLogger(loggerFactory), AttioRateLimiter.For(options));
        HttpMessageHandler inner = CreatePrimaryHandler();
        for (int i = handlers.Length - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        return inner;
    }

    /// <summary>
    /// Refit settings: responses read with <see cref="AttioJsonContext"/>, errors turned into <see cref="AttioApiException"/>,
    /// transport failures surfaced as <see cref="AttioTransportException"/> or cancellation, never wrapped with the request.
    /// </summary>
    public static RefitSettings CreateRefitSettings()
    {
        var settings = new RefitSettings(SystemTextJsonContentSerializer.ForContext(AttioJsonContext.Default))
        {
            ExceptionFactory = AttioErrors.FromResponseAsync,
        };
        settings.TransportExceptionFactory = TransportException;
        return settings;
    }

    private static Exception TransportException(HttpRequestMessage request, Exception exception, CancellationToken cancellationToken) =>
        exception switch
        {
            AttioTransportException or OperationCanceledException => exception,
            HttpRequestException http => new AttioTransportException(request.Method.Method, AttioRequests.PathOf(request), AttioRequests.AttemptOf(request), TimeSpan.Zero,
                AttioRetryHandler.Describe(http, AttioSecrets.TokenOf(request)), AttioRetryHandler.SafeInner(http, AttioSecrets.TokenOf(request))),
            _ => exception,
        };
}
