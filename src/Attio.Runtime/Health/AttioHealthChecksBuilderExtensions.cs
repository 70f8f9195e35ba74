using Attio;
using Attio.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Attio's health checks: token, schema drift, outbox backlog and dead letters.</summary>
public static class AttioHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds <c>attio-token</c> (Unhealthy when the token is inactive or refused), <c>attio-schema</c> (breaking drift of
    /// an attribute the generated code writes: <see cref="AttioHealthCheckOptions.BreakingDriftStatus"/>),
    /// <c>attio-outbox-backlog</c> (Degraded when the oldest pending event is older than the threshold) and
    /// <c>attio-outbox-dead-letters</c> (Degraded when there is any). Needs <c>AddAttio</c>.
    /// </summary>
    public static IHealthChecksBuilder AddAttio(this IHealthChecksBuilder builder, Action<AttioHealthCheckOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new AttioHealthCheckOptions();
        configure?.Invoke(options);
        string[] tags = [.. options.Tags];
        builder.Add(new HealthCheckRegistration(AttioHealthCheckOptions.TokenCheckName,
            provider => new AttioTokenHealthCheck(provider.GetRequiredService<AttioClient>()), HealthStatus.Unhealthy, tags));
        // One instance for the registration so the schema comparison's cache outlives a probe.
        AttioSchemaHealthCheck? schema = null;
        builder.Add(new HealthCheckRegistration(AttioHealthCheckOptions.SchemaCheckName,
            provider => schema ??= new AttioSchemaHealthCheck(provider.GetRequiredService<AttioClient>(), options), options.BreakingDriftStatus, tags));
        builder.Add(new HealthCheckRegistration(AttioHealthCheckOptions.BacklogCheckName,
            provider => new AttioBacklogHealthCheck(provider, options), HealthStatus.Degraded, tags));
        builder.Add(new HealthCheckRegistration(AttioHealthCheckOptions.DeadLettersCheckName,
            provider => new AttioDeadLetterHealthCheck(provider, options), HealthStatus.Degraded, tags));
        return builder;
    }
}
