using System.Text.Json;
using System.Text.Json.Nodes;
using Attio.Emulator.Http;
using Attio.Emulator.Schema;
using Attio.Emulator.Values;

namespace Attio.Emulator.Store;

/// <summary>
/// The comparison operators of verbose filters, for the attribute types whose docs list them:
/// <c>$contains</c>, <c>$starts_with</c>, <c>$ends_with</c> on text-like values, and <c>$gt</c>, <c>$gte</c>,
/// <c>$lt</c>, <c>$lte</c> on numbers, currency, ratings, dates and timestamps. An operator on a type that does not
/// document it, or an operand of the wrong JSON type, is Attio's <c>filter_error</c>.
/// </summary>
internal static class FilterOperators
{
    public static bool IsText(string op) => op is "$contains" or "$starts_with" or "$ends_with";

    public static bool IsComparison(string op) => op is "$gt" or "$gte" or "$lt" or "$lte";

    /// <summary>The read field an attribute-level operator looks at, or null when the type has none for it.</summary>
    public static string? FieldFor(AttributeDefinition attribute, string op) =>
        IsText(op)
            ? attribute.Type switch
            {
                "text" => "value",
                "email-address" => "email_address",
                "domain" => "domain",
                "phone-number" => "phone_number",
                "personal-name" => "full_name",
                _ => null,
            }
            : IsComparison(op)
                ? attribute.Type switch
                {
                    "number" or "rating" or "date" or "timestamp" => "value",
                    "currency" => "currency_value",
                    _ => null,
                }
                : null;

    /// <summary>Turns a comparison operand into the stored form: a number, or a normalised date or timestamp.</summary>
    public static JsonNode Operand(AttributeDefinition attribute, JsonNode? operand)
    {
        switch (attribute.Type)
        {
            case "date" or "timestamp":
                if (operand is not JsonValue v || v.GetValueKind() != JsonValueKind.String ||
                    IsoMoment.TryParse(v.GetValue<string>()) is not { } moment)
                {
                    throw Errors.FilterError();
                }

                return attribute.Type == "date" ? moment.ToDate() : moment.ToTimestamp();
            default:
                return ValueForms.IsNumber(operand) ? JsonValue.Create(operand!.GetValue<double>()) : throw Errors.FilterError();
        }
    }

    /// <summary>Applies one operator to one stored field; the operand has been checked already.</summary>
    public static bool Apply(string op, JsonNode? stored, JsonNode operand)
    {
        if (stored is not JsonValue field)
        {
            return false;
        }

        if (IsText(op))
        {
            if (field.GetValueKind() != JsonValueKind.String)
            {
                return false;
            }

            var text = field.GetValue<string>();
            var wanted = operand.GetValue<string>();
            return op switch
            {
                "$contains" => text.Contains(wanted, StringComparison.OrdinalIgnoreCase),
                "$starts_with" => text.StartsWith(wanted, StringComparison.OrdinalIgnoreCase),
                _ => text.EndsWith(wanted, StringComparison.OrdinalIgnoreCase),
            };
        }

        int order;
        if (field.GetValueKind() == JsonValueKind.Number && operand.GetValueKind() == JsonValueKind.Number)
        {
            order = field.GetValue<double>().CompareTo(operand.GetValue<double>());
        }
        else if (field.GetValueKind() == JsonValueKind.String && operand.GetValueKind() == JsonValueKind.String)
        {
            // Dates and timestamps are stored in one fixed-width UTC form, so ordinal order is time order.
            order = string.CompareOrdinal(field.GetValue<string>(), operand.GetValue<string>());
        }
        else
        {
            return false;
        }

        return op switch
        {
            "$gt" => order > 0,
            "$gte" => order >= 0,
            "$lt" => order < 0,
            _ => order <= 0,
        };
    }

    /// <summary>A text operand must be a non-empty string.</summary>
    public static JsonNode TextOperand(JsonNode? operand) =>
        operand is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0
            ? v
            : throw Errors.FilterError();
}
