using Attio;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="AttioSender"/> as a singleton flushed when the host stops.</summary>
public static class AttioSenderServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AttioSender"/> (a singleton over the <see cref="AttioClient"/> registered by <c>AddAttio</c>, which must
    /// be called too) and <see cref="AttioSenderHostedService"/>, so request handlers can enqueue events and stopping the host
    /// flushes the queue with <see cref="AttioSenderOptions.ShutdownTimeout"/> as the deadline. Defaults differ from a sender
    /// created directly in one way: <see cref="AttioSenderOptions.Coalesce"/> is on (set it off in <paramref name="configure"/>).
    /// </summary>
    public static IServiceCollection AddAttioSender(this IServiceCollection services, Action<AttioSenderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AttioSenderOptions>();
        // A hosted sender is a background worker: request handlers enqueue and return, so merging what waits on one record
        // saves requests and delays nothing (the window stays zero). The host's clock is used when it registers one.
        options.Configure<IServiceProvider>((o, provider) =>
        {
            o.Coalesce = true;
            o.TimeProvider = provider.GetService<TimeProvider>() ?? o.TimeProvider;
        });
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o =>
        {
            try
            {
                o.Validate();
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }, "Invalid Attio sender options (QueueCapacity, MaxConcurrency, MaxEventsPerDelivery and MaxTrackedRecords must be at least 1; time spans must not be negative).");

        services.TryAddSingleton(provider => new AttioSender(
            provider.GetRequiredService<AttioClient>(),
            provider.GetRequiredService<IOptions<AttioSenderOptions>>().Value,
            provider.GetService<ILoggerFactory>()?.CreateLogger<AttioSender>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Hosting.IHostedService, AttioSenderHostedService>());
        return services;
    }
}
