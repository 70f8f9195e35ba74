using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Attio;

/// <summary>Settings of the checks <c>AddHealthChecks().AddAttio()</c> registers.</summary>
public sealed class AttioHealthCheckOptions
{
    /// <summary>The token check's name: <c>attio-token</c>.</summary>
    public const string TokenCheckName = "attio-token";

    /// <summary>The schema drift check's name: <c>attio-schema</c>.</summary>
    public const string SchemaCheckName = "attio-schema";

    /// <summary>The outbox backlog check's name: <c>attio-outbox-backlog</c>.</summary>
    public const string BacklogCheckName = "attio-outbox-backlog";

    /// <summary>The dead letter check's name: <c>attio-outbox-dead-letters</c>.</summary>
    public const string DeadLettersCheckName = "attio-outbox-dead-letters";

    /// <summary>The oldest pending event may wait this long before the backlog check reports Degraded. Default 5 min.</summary>
    public TimeSpan BacklogThreshold { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>What a breaking schema change reports. Default <see cref="HealthStatus.Unhealthy"/>: writes of the attribute fail.</summary>
    public HealthStatus BreakingDriftStatus { get; set; } = HealthStatus.Unhealthy;

    /// <summary>
    /// How long a schema comparison is reused: it costs a few reads per object, and probes come every few seconds. Default 10 min;
    /// zero compares on every probe.
    /// </summary>
    public TimeSpan SchemaCheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The outbox to watch; when null, the <see cref="IAttioOutbox"/> registered in the container, else the sender's (<see cref="AttioSenderOptions.Outbox"/>).</summary>
    public IAttioOutbox? Outbox { get; set; }

    /// <summary>The clock for backlog age and the schema cache. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Tags added to every Attio check (e.g. <c>ready</c>) for filtering health endpoints.</summary>
    public IList<string> Tags { get; } = [];
}
