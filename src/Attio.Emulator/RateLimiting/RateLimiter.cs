namespace Attio.Emulator.RateLimiting;

/// <summary>Attio's two budgets: reads (GET and records query, U6) and writes (everything else).</summary>
internal sealed class RateLimiter(double readsPerSecond, double writesPerSecond, RateLimitMode mode, TimeProvider clock)
{
    private readonly IRequestBudget _reads = Budget(readsPerSecond, mode, clock);
    private readonly IRequestBudget _writes = Budget(writesPerSecond, mode, clock);

    public static bool IsRead(string method, string path) =>
        HttpMethodIs(method, "GET") ||
        (HttpMethodIs(method, "POST") && path.TrimEnd('/').EndsWith("/records/query", StringComparison.Ordinal));

    public bool TryAcquire(string method, string path, out DateTimeOffset retryAt) =>
        (IsRead(method, path) ? _reads : _writes).TryTake(out retryAt);

    private static IRequestBudget Budget(double perSecond, RateLimitMode mode, TimeProvider clock) => mode switch
    {
        RateLimitMode.Sliding => new SlidingWindow(perSecond, clock),
        _ => new TokenBucket(perSecond, clock),
    };

    private static bool HttpMethodIs(string method, string expected) =>
        string.Equals(method, expected, StringComparison.OrdinalIgnoreCase);
}
