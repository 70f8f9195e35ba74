using System.Text.Json;
using System.Text.Json.Nodes;
using Attio.Emulator.Http;
using Attio.Emulator.Schema;

namespace Attio.Emulator.Store;

/// <summary>
/// Evaluates a records-query filter: shorthand equality, <c>$eq</c>, <c>$in</c>, <c>$not_empty</c>, the text and
/// comparison operators (<see cref="FilterOperators"/>), field-level conditions, and <c>$and</c>/<c>$or</c>/<c>$not</c>.
/// Anything malformed, including a JSON type an operator cannot take, is Attio's <c>filter_error</c>.
/// </summary>
internal sealed class RecordFilter(ValueParser parser)
{
    private static readonly HashSet<string> ReadFields = new(StringComparer.Ordinal)
    {
        "target_record_id", "target_object", "email_address", "email_domain", "email_root_domain", "email_local_specifier",
        "domain", "root_domain", "phone_number", "original_phone_number", "first_name", "last_name", "full_name",
        "line_1", "locality", "region", "postcode", "country_code", "currency_value", "referenced_actor_id", "value",
    };

    /// <summary>
    /// Checks the whole filter once, without the short cuts evaluation takes, so that a malformed branch is an
    /// error even when no record (or no earlier branch) would reach it.
    /// </summary>
    public void Validate(ObjectDefinition obj, JsonObject filter)
    {
        foreach (var (key, condition) in filter)
        {
            switch (key)
            {
                case "$and" or "$or":
                    Each(condition).ForEach(f => Validate(obj, f));
                    break;
                case "$not":
                    Validate(obj, condition as JsonObject ?? throw Errors.FilterError());
                    break;
                case var _ when key.StartsWith('$'):
                    throw Errors.FilterError();
                default:
                    ValidateAttribute(obj, key, condition);
                    break;
            }
        }
    }

    private void ValidateAttribute(ObjectDefinition obj, string key, JsonNode? condition)
    {
        var attribute = obj.FindAttribute(key);
        if (attribute is null || attribute.IsArchived)
        {
            throw Errors.FilterError();
        }

        if (condition is JsonObject ops && ops.Count > 0 && ops.All(p => p.Key.StartsWith('$')))
        {
            foreach (var (op, operand) in ops)
            {
                Operator(attribute, [], op, operand);
            }
        }
        else if (condition is JsonObject fields && fields.Count > 0 && fields.All(f => ReadFields.Contains(f.Key)) && IsFieldFilter(fields))
        {
            foreach (var (_, wanted) in fields)
            {
                if (wanted is JsonObject fieldOps && fieldOps.Count > 0 && fieldOps.All(p => p.Key.StartsWith('$')))
                {
                    foreach (var (op, operand) in fieldOps)
                    {
                        FieldMatches(null, new JsonObject { [op] = operand?.DeepClone() });
                    }
                }
                else
                {
                    FieldMatches(null, wanted);
                }
            }
        }
        else
        {
            KeyOf(attribute, condition);
        }
    }

    public bool Matches(ObjectDefinition obj, StoredRecord record, JsonObject filter)
    {
        foreach (var (key, condition) in filter)
        {
            var ok = key switch
            {
                "$and" => Each(condition).All(f => Matches(obj, record, f)),
                "$or" => Each(condition).Any(f => Matches(obj, record, f)),
                "$not" => condition is JsonObject inner ? !Matches(obj, record, inner) : throw Errors.FilterError(),
                _ when key.StartsWith('$') => throw Errors.FilterError(),
                _ => MatchesAttribute(obj, record, key, condition),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static List<JsonObject> Each(JsonNode? node) =>
        node is JsonArray array && array.All(n => n is JsonObject) ? [.. array.OfType<JsonObject>()] : throw Errors.FilterError();

    private bool MatchesAttribute(ObjectDefinition obj, StoredRecord record, string key, JsonNode? condition)
    {
        var attribute = obj.FindAttribute(key);
        if (attribute is null || attribute.IsArchived)
        {
            throw Errors.FilterError();
        }

        var values = record.ValuesOf(attribute.Slug);
        if (condition is JsonObject ops && ops.Count > 0 && ops.All(p => p.Key.StartsWith('$')))
        {
            return ops.All(op => Operator(attribute, values, op.Key, op.Value));
        }

        if (condition is JsonObject fields && fields.Count > 0 && fields.All(f => ReadFields.Contains(f.Key)) && IsFieldFilter(fields))
        {
            return values.Any(v => fields.All(f => FieldMatches(v.Fields[f.Key], f.Value)));
        }

        var wanted = KeyOf(attribute, condition);
        return values.Any(v => v.Key == wanted);
    }

    private bool Operator(AttributeDefinition attribute, IReadOnlyList<StoredValue> values, string op, JsonNode? operand)
    {
        switch (op)
        {
            case "$eq":
                var wanted = KeyOf(attribute, operand);
                return values.Any(v => v.Key == wanted);
            case "$in":
                if (operand is not JsonArray options)
                {
                    throw Errors.FilterError();
                }

                var keys = options.Select(o => KeyOf(attribute, o)).ToHashSet(StringComparer.Ordinal);
                return values.Any(v => keys.Contains(v.Key));
            case "$not_empty":
                return operand?.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                    ? (values.Count > 0) == operand.GetValue<bool>()
                    : throw Errors.FilterError();
        }

        var field = FilterOperators.FieldFor(attribute, op) ?? throw Errors.FilterError();
        var checkedOperand = FilterOperators.IsText(op) ? FilterOperators.TextOperand(operand) : FilterOperators.Operand(attribute, operand);
        return values.Any(v => FilterOperators.Apply(op, v.Fields[field], checkedOperand));
    }

    /// <summary>
    /// A field-level filter names read fields, such as <c>email_domain</c> or <c>target_record_id</c>. <c>{"value": x}</c>
    /// is also the object write form, so it is a field filter only when it holds operators.
    /// </summary>
    private static bool IsFieldFilter(JsonObject fields) =>
        fields.Any(f => f.Key != "value") || fields["value"] is JsonObject;

    private static bool FieldMatches(JsonNode? stored, JsonNode? wanted)
    {
        if (wanted is JsonObject ops && ops.Count > 0 && ops.All(p => p.Key.StartsWith('$')))
        {
            return ops.All(op => op.Key switch
            {
                "$eq" => FieldEquals(stored, op.Value),
                "$in" => op.Value is JsonArray options ? options.Any(o => FieldEquals(stored, o)) : throw Errors.FilterError(),
                _ when FilterOperators.IsText(op.Key) => FilterOperators.Apply(op.Key, stored, FilterOperators.TextOperand(op.Value)),
                _ when FilterOperators.IsComparison(op.Key) => FilterOperators.Apply(op.Key, stored, ComparisonOperand(op.Value)),
                _ => throw Errors.FilterError(),
            });
        }

        return wanted is JsonObject or JsonArray ? throw Errors.FilterError() : FieldEquals(stored, wanted);
    }

    private static JsonNode ComparisonOperand(JsonNode? operand) =>
        operand is JsonValue v && v.GetValueKind() is JsonValueKind.Number or JsonValueKind.String ? v : throw Errors.FilterError();

    private static bool FieldEquals(JsonNode? stored, JsonNode? wanted)
    {
        if (stored is null || wanted is null)
        {
            return stored is null && wanted is null;
        }

        return stored.GetValueKind() == JsonValueKind.String && wanted.GetValueKind() == JsonValueKind.String
            ? string.Equals(stored.GetValue<string>(), wanted.GetValue<string>(), StringComparison.OrdinalIgnoreCase)
            : JsonNode.DeepEquals(stored, wanted);
    }

    private string KeyOf(AttributeDefinition attribute, JsonNode? value)
    {
        try
        {
            var parsed = parser.ParseOne(attribute, value?.DeepClone() is JsonArray a ? a : new JsonArray(value?.DeepClone()), forFilter: true);
            return parsed.Count == 1 ? parsed[0].Key : throw Errors.FilterError();
        }
        catch (ApiError error) when (error.Code == "value_not_found")
        {
            // A reference to a record that does not exist simply matches nothing.
            return "\u0000no-match";
        }
        catch (ApiError)
        {
            throw Errors.FilterError();
        }
    }
}
