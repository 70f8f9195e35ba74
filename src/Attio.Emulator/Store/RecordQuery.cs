using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Attio.Emulator.Http;
using Attio.Emulator.Schema;
using Attio.Emulator.Values;

namespace Attio.Emulator.Store;

/// <summary>
/// POST …/records/query: equality filters (shorthand, <c>$eq</c>, <c>$in</c>, field-level, <c>$and</c>/<c>$or</c>/<c>$not</c>),
/// simple sorts, and limit/offset paging (limit capped at 500, U11).
/// </summary>
internal sealed class RecordQuery(WorkspaceSchema schema, RecordStore store)
{
    private const int MaxLimit = 500;
    private readonly ValueParser _parser = new(schema, store);

    public IReadOnlyList<StoredRecord> Run(ObjectDefinition obj, JsonNode? body)
    {
        var request = body as JsonObject ?? (body is null ? [] : throw Errors.BodyValidation(Issues.InvalidType([], "object", body)));
        var limit = ReadInt(request, "limit", MaxLimit, minimum: 1);
        var offset = ReadInt(request, "offset", 0, minimum: 0);

        IEnumerable<StoredRecord> rows = store.RecordsOf(obj);
        if (request["filter"] is JsonObject filter)
        {
            rows = rows.Where(r => Matches(obj, r, filter)).ToList();
        }
        else if (request["filter"] is not null)
        {
            throw Errors.FilterError();
        }

        if (request["sorts"] is JsonArray sorts)
        {
            rows = Sort(obj, rows, sorts);
        }

        return rows.Skip(offset).Take(Math.Min(limit, MaxLimit)).ToList();
    }

    private static int ReadInt(JsonObject request, string key, int fallback, int minimum)
    {
        var node = request[key];
        if (node is null)
        {
            return fallback;
        }

        if (!ValueForms.IsNumber(node))
        {
            throw Errors.BodyValidation(Issues.InvalidType([key], "number", node));
        }

        var number = node.GetValue<double>();
        if (number < minimum || number != Math.Floor(number))
        {
            throw Errors.BodyValidation(Issues.Custom([key], $"Number must be a whole number greater than or equal to {minimum}"));
        }

        return (int)Math.Min(number, int.MaxValue);
    }

    private bool Matches(ObjectDefinition obj, StoredRecord record, JsonObject filter)
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

    private static IEnumerable<JsonObject> Each(JsonNode? node) =>
        node is JsonArray array && array.All(n => n is JsonObject) ? array.OfType<JsonObject>() : throw Errors.FilterError();

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
            return ops.All(op => op.Key switch
            {
                "$eq" => values.Any(v => v.Key == KeyOf(attribute, op.Value)),
                "$in" => op.Value is JsonArray options && options.Any(o => values.Any(v => v.Key == KeyOf(attribute, o))),
                "$not_empty" => (values.Count > 0) == ((bool?)op.Value ?? true),
                _ => throw Errors.FilterError(),
            });
        }

        if (condition is JsonObject fields && IsFieldFilter(fields))
        {
            return values.Any(v => fields.All(f => FieldEquals(v.Fields[f.Key], f.Value)));
        }

        return values.Any(v => v.Key == KeyOf(attribute, condition));
    }

    /// <summary>A field-level filter names read fields such as <c>email_address</c> or <c>target_record_id</c>.</summary>
    private static bool IsFieldFilter(JsonObject fields) =>
        fields.Any(f => f.Key is "target_record_id" or "email_domain" or "email_root_domain" or "root_domain" or "phone_number"
            or "first_name" or "last_name" or "full_name" or "locality" or "region" or "postcode" or "currency_value"
            or "referenced_actor_id");

    private static bool FieldEquals(JsonNode? stored, JsonNode? wanted)
    {
        if (wanted is JsonObject op && op.Count == 1 && op.ContainsKey("$eq"))
        {
            wanted = op["$eq"];
        }

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
            var parsed = _parser.ParseOne(attribute, value?.DeepClone() is JsonArray a ? a : new JsonArray(value?.DeepClone()), forFilter: true);
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

    private static IEnumerable<StoredRecord> Sort(ObjectDefinition obj, IEnumerable<StoredRecord> rows, JsonArray sorts)
    {
        IOrderedEnumerable<StoredRecord>? ordered = null;
        foreach (var sort in sorts.OfType<JsonObject>())
        {
            var attribute = obj.FindAttribute((string?)sort["attribute"] ?? string.Empty) ?? throw Errors.FilterError();
            var descending = (string?)sort["direction"] == "desc";
            var field = (string?)sort["field"];
            Func<StoredRecord, string> key = r => SortKey(r.ValuesOf(attribute.Slug).FirstOrDefault(), field);
            ordered = ordered is null
                ? (descending ? rows.OrderByDescending(key, StringComparer.Ordinal) : rows.OrderBy(key, StringComparer.Ordinal))
                : (descending ? ordered.ThenByDescending(key, StringComparer.Ordinal) : ordered.ThenBy(key, StringComparer.Ordinal));
        }

        return ordered ?? rows;
    }

    private static string SortKey(StoredValue? value, string? field)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var node = field is null ? null : value.Fields[field];
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            // Fixed-width so numbers order correctly as strings.
            return v.GetValue<double>().ToString("000000000000000.000000", CultureInfo.InvariantCulture);
        }

        return node?.ToString() ?? value.Key;
    }
}
