namespace Attio;

/// <summary>
/// No usable response came back from Attio: every attempt failed to connect, was dropped or timed out.
/// Says what was tried (method, path, attempts, time spent) and keeps the last failure as the inner exception.
/// Never carries the API token.
/// </summary>
public sealed class AttioTransportException : AttioException
{
    /// <summary>Creates the exception.</summary>
    public AttioTransportException(string method, string path, int attempts, TimeSpan elapsed, string reason, Exception? inner = null)
        : base($"Could not get a response from Attio for {method} {path}: {attempts} attempt{(attempts == 1 ? string.Empty : "s")} " +
               $"over {elapsed.TotalSeconds:0.0} s failed; last failure: {reason}.", inner)
    {
        Method = method;
        Path = path;
        Attempts = attempts;
        Elapsed = elapsed;
        Reason = reason;
    }

    /// <summary>The request method.</summary>
    public string Method { get; }

    /// <summary>The request path and query (no host, no credentials).</summary>
    public string Path { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>Time from the first attempt to giving up.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Why the last attempt failed, e.g. "timed out after 30 s" or "connection refused".</summary>
    public string Reason { get; }
}
