using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Attio.Emulator.Http;

internal sealed class ApiRequest(string method, string path, IReadOnlyDictionary<string, string> routeValues, IQueryCollection query, string? bodyText)
{
    public string Method { get; } = method;
    public string Path { get; } = path;
    public IReadOnlyDictionary<string, string> RouteValues { get; } = routeValues;
    public IQueryCollection Query { get; } = query;

    public string Route(string name) => RouteValues[name];

    public string? QueryValue(string name) => Query.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>The parsed body; a body that is not JSON, or holds what no value can, is a body validation error.</summary>
    public JsonNode? Body()
    {
        if (string.IsNullOrWhiteSpace(bodyText))
        {
            return null;
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(bodyText);
        }
        catch (JsonException)
        {
            // The parser's message quotes the input and its position; Attio's answer here carries neither.
            throw Errors.BodyValidation(Issues.Custom([], "The request body is not valid JSON."));
        }

        BodyCheck.Check(parsed, []);
        return parsed;
    }
}
