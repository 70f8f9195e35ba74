namespace Attio;

/// <summary>Settings of <c>MapAttioDashboard</c>.</summary>
public sealed class AttioDashboardOptions
{
    /// <summary>
    /// The authorization policy every dashboard endpoint requires (e.g. <c>"AttioOps"</c>, registered with
    /// <c>AddAuthorization(o => o.AddPolicy(...))</c>). Required: without it the dashboard is not mapped and start-up fails,
    /// because a delivery view with retry and purge buttons must never be open by accident.
    /// </summary>
    public string? AuthorizationPolicy { get; set; }

    /// <summary>The outbox to show; when null, the <see cref="IAttioOutbox"/> registered in the container, else the sender's (<see cref="AttioSenderOptions.Outbox"/>).</summary>
    public IAttioOutbox? Outbox { get; set; }

    /// <summary>How many of the latest dead letters the page lists. Default 20.</summary>
    public int FailureCount { get; set; } = 20;

    /// <summary>
    /// Attio's error messages are shown up to this many characters (they can quote a rejected value). Default 200; 0 hides
    /// them (status, code and execution id remain).
    /// </summary>
    public int MaxMessageLength { get; set; } = 200;

    /// <summary>The clock for ages and the chart's hour. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
