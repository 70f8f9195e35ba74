namespace Attio;

/// <summary>
/// A last check before a request leaves, set by the outbox pump for the deliveries it runs: is this process still the
/// lease holder the rows were claimed under? The rate-limit handler asks it after its pacing wait, so a process paused
/// past its lease (SIGSTOP, a long GC, a slow pace) sends nothing once it resumes. It flows with the async call
/// (an <see cref="AsyncLocal{T}"/>), because Refit builds the request where the sender cannot reach it.
/// </summary>
internal static class AttioRequestGate
{
    private static readonly AsyncLocal<Func<bool>?> Gate = new();

    /// <summary>The gate of the delivery running on this async flow, or null (no check).</summary>
    public static Func<bool>? Current
    {
        get => Gate.Value;
        set => Gate.Value = value;
    }

    /// <summary>Throws <see cref="AttioLeaseLostException"/> when a gate is set and says no.</summary>
    public static void ThrowIfClosed(HttpRequestMessage request)
    {
        if (Gate.Value is { } gate && !gate())
        {
            throw new AttioLeaseLostException($"{request.Method.Method} {AttioRequests.PathOf(request)} was not sent: this process no longer holds the outbox lease its rows were claimed under.");
        }
    }
}

/// <summary>
/// A request or a store change refused because the outbox lease was lost: not an Attio failure, never retried here.
/// The rows stay in flight for the next lease holder.
/// </summary>
internal sealed class AttioLeaseLostException(string message) : Exception(message);
