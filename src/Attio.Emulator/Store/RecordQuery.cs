using System.Text.Json.Nodes;
using Attio.Emulator.Http;
using Attio.Emulator.Schema;
using Attio.Emulator.Values;

namespace Attio.Emulator.Store;

/// <summary>
/// POST …/records/query: filters (<see cref="RecordFilter"/>), sorts (<see cref="RecordSorter"/>), and limit/offset
/// paging (limit capped at 500, U11).
/// </summary>
internal sealed class RecordQuery(WorkspaceSchema schema, RecordStore store)
{
    private const int MaxLimit = 500;
    private readonly RecordFilter _filter = new(new ValueParser(schema, store));

    public IReadOnlyList<StoredRecord> Run(ObjectDefinition obj, JsonNode? body)
    {
        var request = body as JsonObject ?? (body is null ? [] : throw Errors.BodyValidation(Issues.InvalidType([], "object", body)));
        var limit = ReadInt(request, "limit", MaxLimit, minimum: 1);
        var offset = ReadInt(request, "offset", 0, minimum: 0);

        IEnumerable<StoredRecord> rows = store.RecordsOf(obj);
        if (request["filter"] is JsonObject filter)
        {
            _filter.Validate(obj, filter);
            rows = rows.Where(r => _filter.Matches(obj, r, filter)).ToList();
        }
        else if (request["filter"] is not null)
        {
            throw Errors.FilterError();
        }

        if (request["sorts"] is not null)
        {
            rows = RecordSorter.Sort(obj, rows, request["sorts"]);
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
}
