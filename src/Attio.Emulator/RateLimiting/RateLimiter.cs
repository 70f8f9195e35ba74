namespace Attio.Emulator.RateLimiting;

/// <summary>Attio's two budgets: reads (GET and records query, U6) and writes (everything else).</summary>
internal sealed class RateLimiter(double readsPerSecond, double writesPerSecond, TimeProvider clock)
{
    private readonly TokenBucket _reads = new(readsPerSecond, clock);
    private readonly TokenBucket _writes = new(writesPerSecond, clock);

    public static bool IsRead(string method, string path) =>
        HttpMethodIs(method, "GET") ||
        (HttpMethodIs(method, "POST") && path.TrimEnd('/').EndsWith("/records/query", StringComparison.Ordinal));

    public bool TryAcquire(string method, string path, out DateTimeOffset retryAt) =>
        (IsRead(method, path) ? _reads : _writes).TryTake(out retryAt);

    private static bool HttpMethodIs(string method, string expected) =>
        string.Equals(method, expected, StringComparison.OrdinalIgnoreCase);
}
