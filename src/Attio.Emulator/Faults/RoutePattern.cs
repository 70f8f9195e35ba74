namespace Attio.Emulator.Faults;

/// <summary>
/// "METHOD /path" where METHOD may be "*", a path segment "*" matches one segment and a final "**" matches
/// the rest. A pattern without a method matches every method.
/// </summary>
internal sealed class RoutePattern
{
    private readonly string _method;
    private readonly string[] _segments;

    public RoutePattern(string pattern)
    {
        var parts = pattern.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        (_method, var path) = parts.Length == 2 ? (parts[0].ToUpperInvariant(), parts[1]) : ("*", parts[0]);
        _segments = path.Trim('/').Split('/');
    }

    public bool Matches(string method, string path)
    {
        if (_method != "*" && !string.Equals(_method, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var actual = path.Trim('/').Split('/');
        for (var i = 0; i < _segments.Length; i++)
        {
            if (_segments[i] == "**")
            {
                return true;
            }

            if (i >= actual.Length || (_segments[i] != "*" && !string.Equals(_segments[i], actual[i], StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return actual.Length == _segments.Length;
    }
}
