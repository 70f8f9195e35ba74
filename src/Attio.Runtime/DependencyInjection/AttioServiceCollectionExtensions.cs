using Attio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the Attio client: options (validated at start-up), the HTTP pipeline on IHttpClientFactory, <see cref="IAttioApi"/> and <see cref="AttioClient"/>.
/// Precedence, lowest first: defaults, the <c>Attio</c> configuration section (appsettings, then <c>Attio__*</c>
/// environment variables as the host orders them), <c>ATTIO_API_TOKEN</c> / <c>ATTIO_BASE_URL</c>, then code.
/// </summary>
public static class AttioServiceCollectionExtensions
{
    /// <summary>
    /// Adds Attio with options from the <c>Attio</c> section of the registered <see cref="IConfiguration"/> (if any),
    /// overridden by <c>ATTIO_API_TOKEN</c> / <c>ATTIO_BASE_URL</c> when they are set.
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

            options.ApplyEnvironment(overrideConfigured: true);
        });
        return AddCore(services);
    }

    /// <summary>Adds Attio configured in code; <c>ATTIO_API_TOKEN</c> / <c>ATTIO_BASE_URL</c> fill only what the code leaves unset.</summary>
    public static IServiceCollection AddAttio(this IServiceCollection services, Action<AttioClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AttioClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Adds Attio bound to configuration: a root (its <c>Attio</c> section is read) or the section itself.
    /// <c>ATTIO_API_TOKEN</c> / <c>ATTIO_BASE_URL</c> override the section when they are set.
    /// </summary>
    public static IServiceCollection AddAttio(this IServiceCollection services, IConfiguration configuration) =>
        AddAttio(services, configuration, configure: null);

    /// <summary>Adds Attio bound to configuration, overridden by <c>ATTIO_*</c> environment variables, then adjusted by <paramref name="configure"/>.</summary>
    public static IServiceCollection AddAttio(this IServiceCollection services, IConfiguration configuration, Action<AttioClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        IConfiguration section = configuration is IConfigurationSection ? configuration : configuration.GetSection(AttioClientOptions.SectionName);
        var builder = services.AddOptions<AttioClientOptions>().Configure(options =>
        {
            AttioConfiguration.Bind(options, section);
            options.ApplyEnvironment(overrideConfigured: true);
        });
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
            .PostConfigure(options =>
            {
                options.ApplyEnvironmentFallbacks();
                options.Normalize();
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AttioClientOptions>, AttioClientOptionsValidator>());
        // One pace per registration: every handler chain the factory builds shares it, and it dies with the container.
        services.TryAddSingleton(provider => AttioRateLimiter.For(provider.GetRequiredService<IOptions<AttioClientOptions>>().Value));

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
        // Registered always, does nothing unless VerifySchemaOnStart asks: the option may be set after AddAttio.
        services.AddHostedService<Attio.Schema.Drift.AttioSchemaVerificationService>();
        return services;
    }

    private static DelegatingHandler Handler(IServiceProvider provider, int index)
    {
        var options = provider.GetRequiredService<IOptions<AttioClientOptions>>();
        var logger = AttioHttpPipeline.CreateLogger(provider.GetService<ILoggerFactory>());
        return AttioHttpPipeline.CreateHandlers(() => options.Value, logger, provider.GetRequiredService<AttioRateLimiter>())[index];
    }

    private sealed class AttioMarker;
}

/// <summary>Validates <see cref="AttioClientOptions"/> at start-up with the same rules and words as the <see cref="AttioClient"/> constructor.</summary>
internal sealed class AttioClientOptionsValidator : IValidateOptions<AttioClientOptions>
{
    public ValidateOptionsResult Validate(string? name, AttioClientOptions options)
    {
        var errors = options.GetValidationErrors();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(AttioClientOptions.FormatErrors(errors));
    }
}

/// <summary>
/// Reads <see cref="AttioClientOptions"/> from configuration with the configuration-binding source generator
/// (no reflection, so trimming and AOT stay safe, and a new option is bound without being listed here).
/// </summary>
internal static class AttioConfiguration
{
    public static void Bind(AttioClientOptions options, IConfiguration section)
    {
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder quotes the value it could not convert, and that value may be a pasted token: keep only where and what.
            throw new InvalidOperationException(WithoutValue(ex.Message));
        }

        // "BaseUrl" is the name the environment variable and the CLI use; accepted as an alias of BaseAddress.
        if (section[nameof(AttioClientOptions.BaseAddress)] is null && section["BaseUrl"] is { Length: > 0 } url)
        {
            options.BaseAddress = Uri.TryCreate(url.Trim(), UriKind.RelativeOrAbsolute, out var uri) ? uri : null!;
        }
    }

    private static string WithoutValue(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, "at '(?<path>[^']*)' to type '(?<type>[^']*)'");
        return match.Success
            ? $"Configuration value at '{match.Groups["path"].Value}' could not be read as {match.Groups["type"].Value}; the value is not shown, as it may be a secret."
            : "An Attio configuration value could not be read; the value is not shown, as it may be a secret.";
    }
}
