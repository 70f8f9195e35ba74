namespace Attio.Emulator.RateLimiting;

internal interface IRequestBudget
{
    /// <summary>Admits a request now, or says when to retry (rounded up to a whole second, as Attio's HTTP-date Retry-After is).</summary>
    bool TryTake(out DateTimeOffset retryAt);
}
