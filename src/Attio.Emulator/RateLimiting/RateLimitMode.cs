namespace Attio.Emulator;

public enum RateLimitMode
{
    /// <summary>A bucket of one second's requests, refilled continuously: lets a full burst through, then paces.</summary>
    TokenBucket,

    /// <summary>
    /// Counts request arrivals in the last second (strict sliding window), as a server that logs arrival times
    /// does: a request is refused while the limit's worth of requests arrived less than one second before it.
    /// </summary>
    Sliding,
}
