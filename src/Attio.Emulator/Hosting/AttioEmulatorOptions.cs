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

    /// <summary>
    /// How request arrivals are counted against the limits: a token bucket that refills continuously (the default),
    /// or a strict sliding second that counts every arrival in the last second.
    /// </summary>
    public RateLimitMode RateLimitMode { get; init; } = RateLimitMode.TokenBucket;

    /// <summary>Bodies larger than this get 413 (Attio's error shape). Attio limits one text value to 10 MB.</summary>
    public long MaxRequestBodyBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Longer path plus query strings get 414 (Attio's error shape).</summary>
    public int MaxUrlLength { get; init; } = 16 * 1024;

    /// <summary>The journal keeps at most this many entries, dropping the oldest.</summary>
    public int JournalMaxEntries { get; init; } = 100_000;

    /// <summary>The journal keeps at most about this many bytes of request and response text, dropping the oldest entries.</summary>
    public long JournalMaxBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// A JSON file that keeps the records across restarts, for local development: read at start when it exists,
    /// rewritten after every successful write. Null keeps records in memory only.
    /// </summary>
    public string? DataFile { get; init; }

    /// <summary>The clock for timestamps and rate limits; replace it to make tests independent of wall time.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
