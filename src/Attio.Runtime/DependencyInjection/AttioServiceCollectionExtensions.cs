using System.Globalization;
using Attio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Attio client: options (validated at start-up), the HTTP pipeline on IHttpClientFactory, <see cref="IAttioApi"/> and <see cref="AttioClient"/>.</summary>
public static class AttioServiceCollectionExtensions
{
    /// <summary>
    /// Adds Attio with options from the <c>Attio</c> section of the registered <see cref="IConfiguration"/> (if any),
    /// then <c>ATTIO_API_TOKEN</c> / <c>ATTIO_BASE_URL</c> for whatever is still unset.
    /// </summary>
    public static IServiceCollection AddAttio(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AttioClientOptions>().Configure<IServiceProvider>((options, provider) =>
        {
            if (provider.GetService<IConfiguration>() is { } configuration)
            {
                AttioConfiguration.Bind(options, configuration.GetSection(AttioClientOptions.SectionName));
            }
        });
        return AddCore(services);
    }

    /// <summary>Adds Attio configured in code; <c>ATTIO_API_TOKEN</c> / <c>ATTIO_BASE_URL</c> fill what stays unset.</summary>
    public static IServiceCollection AddAttio(this IServiceCollection services, Action<AttioClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AttioClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Adds Attio bound to configuration: a root (its <c>Attio</c> section is read) or the section itself.
    /// <c>ATTIO_API_TOKEN</c> / <c>ATTIO_BASE_URL</c> fill what stays unset.
    /// </summary>
    public static IServiceCollection AddAttio(this IServiceCollection services, IConfiguration configuration) =>
        AddAttio(services, configuration, configure: null);

    /// <summary>Adds Attio bound to configuration, then adjusted by <paramref name="configure"/>.</summary>
    public static IServiceCollection AddAttio(this IServiceCollection services, IConfiguration configuration, Action<AttioClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        IConfiguration section = configuration is IConfigurationSection ? configuration : configuration.GetSection(AttioClientOptions.SectionName);
        var builder = services.AddOptions<AttioClientOptions>().Configure(options => AttioConfiguration.Bind(options, section));
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(AttioMarker)))
        {
            return services;
        }

        services.AddSingleton<AttioMarker>();
        services.AddOptions<AttioClientOptions>()
            .PostConfigure(options => options.ApplyEnvironmentFallbacks())
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AttioClientOptions>, AttioClientOptionsValidator>());

        services.AddRefitGeneratedClient<IAttioApi>(_ => AttioHttpPipeline.CreateRefitSettings(), AttioHttpPipeline.HttpClientName)
            .ConfigureHttpClient((provider, client) =>
            {
                client.BaseAddress = provider.GetRequiredService<IOptions<AttioClientOptions>>().Value.BaseAddress;
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(AttioHttpPipeline.CreatePrimaryHandler)
            // The primary handler recycles connections itself, so one handler chain can live as long as the client.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The factory's default loggers would log URIs at their own levels; the pipeline logs what matters, never headers.
            .RemoveAllLoggers()
            .AddHttpMessageHandler(provider => Handler(provider, 0))
            .AddHttpMessageHandler(provider => Handler(provider, 1))
            .AddHttpMessageHandler(provider => Handler(provider, 2))
            .AddHttpMessageHandler(provider => Handler(provider, 3));

        services.TryAddSingleton(provider => new AttioClient(provider.GetRequiredService<IAttioApi>()));
        return services;
    }

    private static DelegatingHandler Handler(IServiceProvider provider, int index)
    {
        var options = provider.GetRequiredService<IOptions<AttioClientOptions>>();
        var logger = AttioHttpPipeline.CreateLogger(provider.GetService<ILoggerFactory>());
        return AttioHttpPipeline.CreateHandlers(() => options.Value, logger)[index];
    }

    private sealed class AttioMarker;
}

/// <summary>Validates <see cref="AttioClientOptions"/> at start-up: token present, HTTPS unless loopback, sane retry settings.</summary>
internal sealed class AttioClientOptionsValidator : IValidateOptions<AttioClientOptions>
{
    public ValidateOptionsResult Validate(string? name, AttioClientOptions options)
    {
        var errors = options.GetValidationErrors();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Reads <see cref="AttioClientOptions"/> from configuration by hand: no reflection, so trimming and AOT stay safe.</summary>
internal static class AttioConfiguration
{
    public static void Bind(AttioClientOptions options, IConfiguration section)
    {
        if (section[nameof(AttioClientOptions.ApiToken)] is { Length: > 0 } token)
        {
            options.ApiToken = token.Trim();
        }

        if ((section[nameof(AttioClientOptions.BaseAddress)] ?? section["BaseUrl"]) is { Length: > 0 } url)
        {
            options.BaseAddress = Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException($"Attio:BaseAddress '{url}' is not an absolute URI.");
        }

        ReadTimeSpan(section, nameof(AttioClientOptions.Timeout), v => options.Timeout = v);
        ReadTimeSpan(section, nameof(AttioClientOptions.RetryBaseDelay), v => options.RetryBaseDelay = v);
        ReadTimeSpan(section, nameof(AttioClientOptions.RetryMaxDelay), v => options.RetryMaxDelay = v);
        ReadTimeSpan(section, nameof(AttioClientOptions.MaxRetryDuration), v => options.MaxRetryDuration = v);
        ReadTimeSpan(section, nameof(AttioClientOptions.MaxRetryAfter), v => options.MaxRetryAfter = v);
        ReadInt(section, nameof(AttioClientOptions.MaxRetryAttempts), v => options.MaxRetryAttempts = v);
        ReadInt(section, nameof(AttioClientOptions.WritesPerSecond), v => options.WritesPerSecond = v);
        ReadInt(section, nameof(AttioClientOptions.ReadsPerSecond), v => options.ReadsPerSecond = v);
        if (section[nameof(AttioClientOptions.RetryNonIdempotentRequests)] is { Length: > 0 } flag)
        {
            options.RetryNonIdempotentRequests = bool.TryParse(flag, out bool b)
                ? b
                : throw new InvalidOperationException($"Attio:{nameof(AttioClientOptions.RetryNonIdempotentRequests)} '{flag}' is not true or false.");
        }
    }

    private static void ReadTimeSpan(IConfiguration section, string key, Action<TimeSpan> set)
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return;
        }

        set(TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"Attio:{key} '{text}' is not a time span such as 00:00:30."));
    }

    private static void ReadInt(IConfiguration section, string key, Action<int> set)
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return;
        }

        set(int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new InvalidOperationException($"Attio:{key} '{text}' is not a whole number."));
    }
}
