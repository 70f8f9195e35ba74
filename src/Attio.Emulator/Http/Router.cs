using System.Text.Json.Nodes;

namespace Attio.Emulator.Http;

/// <summary>Matches "METHOD /v2/…" against templates with <c>{name}</c> segments. Handlers answer 200 with a body.</summary>
internal sealed class Router
{
    private readonly List<(string Method, string[] Segments, Func<ApiRequest, JsonNode> Handler)> _routes = [];

    public void Map(string method, string template, Func<ApiRequest, JsonNode> handler) =>
        _routes.Add((method, template.Trim('/').Split('/'), handler));

    public (Func<ApiRequest, JsonNode> Handler, Dictionary<string, string> Values)? Match(string method, string path)
    {
        var actual = path.Trim('/').Split('/');
        foreach (var (routeMethod, segments, handler) in _routes)
        {
            if (!string.Equals(routeMethod, method, StringComparison.OrdinalIgnoreCase) || segments.Length != actual.Length)
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var matched = true;
            for (var i = 0; i < segments.Length && matched; i++)
            {
                if (segments[i].StartsWith('{'))
                {
                    values[segments[i][1..^1]] = Uri.UnescapeDataString(actual[i]);
                }
                else
                {
                    matched = string.Equals(segments[i], actual[i], StringComparison.Ordinal);
                }
            }

            if (matched)
            {
                return (handler, values);
            }
        }

        return null;
    }
}
