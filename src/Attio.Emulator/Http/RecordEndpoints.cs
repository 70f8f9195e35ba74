using System.Text.Json.Nodes;
using Attio.Emulator.Schema;
using Attio.Emulator.Store;

namespace Attio.Emulator.Http;

internal sealed class RecordEndpoints(WorkspaceSchema schema, RecordStore store, RecordWriter writer, RecordQuery query, RecordRenderer renderer)
{
    public void MapTo(Router router)
    {
        router.Map("POST", "/v2/objects/{object}/records/query", Query);
        router.Map("POST", "/v2/objects/{object}/records", r => Render(writer.Create(Object(r), r.Body())));
        router.Map("PUT", "/v2/objects/{object}/records", r => Render(writer.Assert(Object(r), r.QueryValue("matching_attribute"), r.Body())));
        router.Map("GET", "/v2/objects/{object}/records/{record_id}", r => Render(Record(r)));
        router.Map("PATCH", "/v2/objects/{object}/records/{record_id}", r => Render(writer.Update(Object(r), Record(r), r.Body(), WriteMode.Append)));
        router.Map("PUT", "/v2/objects/{object}/records/{record_id}", r => Render(writer.Update(Object(r), Record(r), r.Body(), WriteMode.Overwrite)));
        router.Map("DELETE", "/v2/objects/{object}/records/{record_id}", Delete);
        router.Map("GET", "/v2/objects/{object}/records/{record_id}/attributes/{attribute}/values", Values);
    }

    private JsonNode Query(ApiRequest request)
    {
        var obj = schema.FindObject(request.Route("object")) ?? throw Errors.QueryObjectNotFound();
        return MetaEndpoints.Data(query.Run(obj, request.Body()).Select(renderer.Render));
    }

    private JsonNode Delete(ApiRequest request)
    {
        writer.Delete(Record(request));
        return new JsonObject();
    }

    private JsonNode Values(ApiRequest request)
    {
        var record = Record(request);
        var slug = request.Route("attribute");
        var attribute = record.Object.FindAttribute(slug) ?? throw Errors.AttributeNotFound(slug);
        var values = record.ValuesOf(attribute.Slug).Select(renderer.RenderValue);
        return MetaEndpoints.Data(Pagination.Apply(values, request));
    }

    private ObjectDefinition Object(ApiRequest request)
    {
        var slug = request.Route("object");
        return schema.FindObject(slug) ?? throw Errors.ObjectNotFound(slug);
    }

    private StoredRecord Record(ApiRequest request)
    {
        var obj = Object(request);
        var id = request.Route("record_id");
        return Guid.TryParse(id, out var recordId) && store.Find(recordId) is { } record && record.Object == obj
            ? record
            : throw Errors.RecordNotFound(id);
    }

    private JsonObject Render(StoredRecord record) => new() { ["data"] = renderer.Render(record) };
}
