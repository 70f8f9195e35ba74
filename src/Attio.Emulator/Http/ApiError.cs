using System.Text.Json.Nodes;

namespace Attio.Emulator.Http;

/// <summary>An Attio error response; thrown anywhere in request handling and rendered by the pipeline.</summary>
internal sealed class ApiError(int statusCode, string type, string code, string message, JsonArray? validationErrors = null)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string Type { get; } = type;
    public string Code { get; } = code;
    public JsonArray? ValidationErrors { get; } = validationErrors;
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public JsonObject ToBody()
    {
        var body = new JsonObject
        {
            ["status_code"] = StatusCode,
            ["type"] = Type,
            ["code"] = Code,
            ["message"] = Message,
        };
        if (ValidationErrors is not null)
        {
            body["validation_errors"] = ValidationErrors.DeepClone();
        }

        return body;
    }
}
