using System.Text.Json.Nodes;
using Attio.Emulator.Http;
using Attio.Emulator.Schema;
using Attio.Emulator.Values;

namespace Attio.Emulator.Store;

/// <summary>Resolves the keys of <c>data.values</c> and normalises every value sent.</summary>
internal sealed class ValueParser(WorkspaceSchema schema, IRecordLookup records)
{
    public List<ParsedAttribute> Parse(ObjectDefinition obj, JsonObject values)
    {
        var parsed = new List<ParsedAttribute>();
        foreach (var (key, input) in values)
        {
            var attribute = obj.FindAttribute(key);
            if (attribute is null || attribute.IsArchived)
            {
                throw Errors.UnknownValueAttribute(key);
            }

            if (parsed.Any(p => p.Attribute == attribute))
            {
                throw Errors.InvalidValue(attribute.Slug, Issues.Custom([], "The attribute was given more than once (by slug and by ID)."));
            }

            parsed.Add(new ParsedAttribute(attribute, ParseOne(attribute, input), input is null));
        }

        return parsed;
    }

    public List<NormalisedValue> ParseOne(AttributeDefinition attribute, JsonNode? input, bool forFilter = false)
    {
        var context = new ValueContext(attribute, schema, records);
        if (attribute.Type == "interaction" && !forFilter)
        {
            throw context.Invalid(Issues.Custom([], "Interaction values cannot be written."));
        }

        if (!attribute.IsWritable && !forFilter)
        {
            throw Errors.NotWritable(attribute.Slug);
        }

        // null unsets a single-value attribute (the seed: "You can pass null to unset any attribute value"; a public
        // client clears text with PATCH null live). A multiselect attribute must be sent as an array (3P-nonunique),
        // and no source shows null accepted there, so it stays a validation error.
        if (input is null)
        {
            return attribute.IsMultiselect ? throw context.Invalid(Issues.InvalidType([], "array", null)) : [];
        }

        List<JsonNode?> items;
        if (input is JsonArray array)
        {
            if (!attribute.IsMultiselect && array.Count > 1)
            {
                throw context.Invalid(Issues.TooBig([], 1));
            }

            items = [.. array];
        }
        else if (attribute.IsMultiselect)
        {
            throw context.Invalid(Issues.InvalidType([], "array", input));
        }
        else
        {
            items = [input];
        }

        var normaliser = ValueNormalisers.For(attribute.Type);
        var result = new List<NormalisedValue>();
        foreach (var item in items)
        {
            if (item is null)
            {
                throw context.Invalid(Issues.InvalidType([], Expected(attribute.Type), null));
            }

            var value = normaliser.Normalise(item, context);
            if (!result.Any(r => r.Key == value.Key))
            {
                result.Add(value);
            }
        }

        return result;
    }

    private static string Expected(string type) => type switch
    {
        "number" or "rating" or "currency" => "number",
        "checkbox" => "boolean",
        "text" or "date" or "timestamp" or "email-address" or "domain" => "string",
        _ => "object",
    };
}
