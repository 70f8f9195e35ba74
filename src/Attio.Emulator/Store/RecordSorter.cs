using System.Text.Json;
using System.Text.Json.Nodes;
using Attio.Emulator.Http;
using Attio.Emulator.Schema;

namespace Attio.Emulator.Store;

/// <summary>
/// The <c>sorts</c> of a records query: <c>{direction, attribute, field?}</c> items, applied in order. Numbers
/// compare as numbers (10 after 9), strings ordinally; records without a value come first when ascending.
/// A sort of the wrong shape is a body validation error; an unknown attribute is <c>filter_error</c>.
/// </summary>
internal static class RecordSorter
{
    public static IEnumerable<StoredRecord> Sort(ObjectDefinition obj, IEnumerable<StoredRecord> rows, JsonNode? sorts)
    {
        if (sorts is not JsonArray list)
        {
            throw Errors.BodyValidation(Issues.InvalidType(["sorts"], "array", sorts));
        }

        IOrderedEnumerable<StoredRecord>? ordered = null;
        for (var i = 0; i < list.Count; i++)
        {
            var (attribute, field, descending) = Read(obj, list[i], i);
            Func<StoredRecord, SortKey> key = r => SortKey.Of(r.ValuesOf(attribute.Slug).FirstOrDefault(), field ?? DefaultField(attribute));
            ordered = ordered is null
                ? (descending ? rows.OrderByDescending(key) : rows.OrderBy(key))
                : (descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key));
        }

        return ordered ?? rows;
    }

    private static (AttributeDefinition Attribute, string? Field, bool Descending) Read(ObjectDefinition obj, JsonNode? node, int index)
    {
        var at = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (node is not JsonObject sort)
        {
            throw Errors.BodyValidation(Issues.InvalidType(["sorts", at], "object", node));
        }

        var direction = sort["direction"];
        if (direction?.GetValueKind() != JsonValueKind.String || direction.GetValue<string>() is not ("asc" or "desc"))
        {
            throw Errors.BodyValidation(direction is null
                ? Issues.Required(["sorts", at, "direction"], "string")
                : Issues.InvalidOption(["sorts", at, "direction"], ["asc", "desc"], direction.ToJsonString().Trim('"')));
        }

        var attributeName = sort["attribute"];
        if (attributeName?.GetValueKind() != JsonValueKind.String)
        {
            throw Errors.BodyValidation(attributeName is null
                ? Issues.Required(["sorts", at, "attribute"], "string")
                : Issues.InvalidType(["sorts", at, "attribute"], "string", attributeName));
        }

        var field = sort["field"];
        if (field is not null && field.GetValueKind() != JsonValueKind.String)
        {
            throw Errors.BodyValidation(Issues.InvalidType(["sorts", at, "field"], "string", field));
        }

        var attribute = obj.FindAttribute(attributeName.GetValue<string>());
        if (attribute is null || attribute.IsArchived)
        {
            throw Errors.FilterError();
        }

        return (attribute, field?.GetValue<string>(), direction.GetValue<string>() == "desc");
    }

    private static string? DefaultField(AttributeDefinition attribute) => attribute.Type switch
    {
        "text" or "number" or "rating" or "date" or "timestamp" or "checkbox" => "value",
        "currency" => "currency_value",
        "email-address" => "email_address",
        "domain" => "domain",
        "phone-number" => "phone_number",
        "personal-name" => "full_name",
        _ => null,
    };

    private readonly record struct SortKey(int Rank, double Number, string Text) : IComparable<SortKey>
    {
        public static SortKey Of(StoredValue? value, string? field)
        {
            if (value is null)
            {
                return new SortKey(0, 0, string.Empty);
            }

            var node = field is null ? null : value.Fields[field];
            return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
                ? new SortKey(1, v.GetValue<double>(), string.Empty)
                : new SortKey(2, 0, node is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : value.Key);
        }

        public int CompareTo(SortKey other)
        {
            var byRank = Rank.CompareTo(other.Rank);
            if (byRank != 0)
            {
                return byRank;
            }

            var byNumber = Number.CompareTo(other.Number);
            return byNumber != 0 ? byNumber : string.CompareOrdinal(Text, other.Text);
        }
    }
}
