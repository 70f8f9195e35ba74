namespace Attio;

/// <summary>Facts about a request the handlers share: its attempt number, whether it reads or writes, what to log.</summary>
internal static class AttioRequests
{
    public static readonly HttpRequestOptionsKey<int> AttemptKey = new("Attio.Attempt");

    public static int AttemptOf(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(AttemptKey, out int attempt) ? attempt : 1;

    /// <summary>The path and query, never the host or user info.</summary>
    public static string PathOf(HttpRequestMessage? request) =>
        request?.RequestUri is { } uri ? (uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString) : "/";

    /// <summary>Reads are GET/HEAD and record queries (Attio counts <c>POST …/query</c> as a read); everything else writes.</summary>
    public static bool IsRead(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head
        || (request.Method == HttpMethod.Post && PathOf(request).Split('?')[0].EndsWith("/query", StringComparison.Ordinal));

    /// <summary>Only a create (<c>POST</c> that is not a query) may store a second record when repeated.</summary>
    public static bool IsIdempotent(HttpRequestMessage request) =>
        request.Method != HttpMethod.Post || IsRead(request);
}
