namespace Attio.Emulator;

public sealed class AttioEmulatorOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The API token clients must send; null generates a random 64-character one.</summary>
    public string? ApiToken { get; init; }

    public double WritesPerSecond { get; init; } = 25;

    public double ReadsPerSecond { get; init; } = 100;

    public bool EnforceRateLimits { get; init; } = true;

    /// <summary>
    /// The token's scopes; null uses the space-separated <c>scope</c> of the schema file's workspace (all scopes
    /// when that is missing). A request without its endpoint's scope gets 403.
    /// </summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    /// <summary>The clock for timestamps and rate limits; replace it to make tests independent of wall time.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
