using System.Text.Json;
using System.Text.Json.Nodes;
using Attio.Emulator.Http;

namespace Attio.Emulator.Store;

/// <summary>Checks the <c>{"data":{"values":{…}}}</c> envelope of every record write.</summary>
internal static class WritePayload
{
    public static JsonObject ReadValues(JsonNode? body, bool strictData)
    {
        if (body is not JsonObject root)
        {
            throw Errors.BodyValidation(Issues.InvalidType([], "object", body));
        }

        if (!root.ContainsKey("data"))
        {
            throw Errors.BodyValidation(Issues.Required(["data"], "object"));
        }

        if (root["data"] is not JsonObject data)
        {
            throw Errors.BodyValidation(Issues.InvalidType(["data"], "object", root["data"]));
        }

        if (strictData)
        {
            var extra = data.Select(p => p.Key).Where(k => k != "values").ToList();
            if (extra.Count > 0)
            {
                throw Errors.BodyValidation(Issues.UnrecognizedKeys(["data"], extra));
            }
        }

        if (!data.ContainsKey("values"))
        {
            throw Errors.BodyValidation(Issues.Required(["data", "values"], "object"));
        }

        if (data["values"] is not JsonObject values || values.GetValueKind() != JsonValueKind.Object)
        {
            throw Errors.BodyValidation(Issues.InvalidType(["data", "values"], "object", data["values"]));
        }

        return values;
    }
}
