using System.Text.Json.Nodes;
using Attio.Emulator.Schema;

namespace Attio.Emulator.Http;

/// <summary>Workspace, objects, attributes, options, statuses and members: all read straight from the schema file.</summary>
internal sealed class MetaEndpoints(WorkspaceSchema schema)
{
    public void MapTo(Router router)
    {
        router.Map("GET", "/v2/self", _ => schema.Workspace.DeepClone());
        router.Map("GET", "/v2/objects", _ => Data(schema.Objects.Select(o => o.Response)));
        router.Map("GET", "/v2/objects/{object}", r => Data(Object(r.Route("object")).Response));
        router.Map("GET", "/v2/{target}/{identifier}/attributes", ListAttributes);
        router.Map("GET", "/v2/{target}/{identifier}/attributes/{attribute}", r => Data(Attribute(r).Response));
        router.Map("GET", "/v2/{target}/{identifier}/attributes/{attribute}/options", ListOptions);
        router.Map("GET", "/v2/{target}/{identifier}/attributes/{attribute}/statuses", ListStatuses);
        router.Map("GET", "/v2/workspace_members", _ => Data(schema.Members));
        router.Map("GET", "/v2/workspace_members/{workspace_member_id}", r =>
            Data(schema.FindMemberById(r.Route("workspace_member_id")) ?? throw Errors.WorkspaceMemberNotFound(r.Route("workspace_member_id"))));
    }

    private JsonNode ListAttributes(ApiRequest request)
    {
        var obj = Target(request);
        var showArchived = Pagination.Flag(request, "show_archived");
        var rows = obj.Attributes.Where(a => showArchived || !a.IsArchived).Select(a => a.Response);
        return Data(Pagination.Apply(rows, request));
    }

    private JsonNode ListOptions(ApiRequest request)
    {
        var attribute = Attribute(request);
        if (attribute.Type != "select")
        {
            throw new ApiError(400, "invalid_request_error", "validation_type", "This attribute is not a select attribute.");
        }

        var showArchived = Pagination.Flag(request, "show_archived");
        return Data(attribute.Options.Where(o => showArchived || (bool?)o["is_archived"] != true));
    }

    private JsonNode ListStatuses(ApiRequest request)
    {
        var attribute = Attribute(request);
        if (attribute.Type != "status")
        {
            throw new ApiError(400, "invalid_request_error", "validation_type", "This attribute is not a status attribute.");
        }

        var showArchived = Pagination.Flag(request, "show_archived");
        return Data(attribute.Statuses.Where(s => showArchived || (bool?)s["is_archived"] != true));
    }

    private ObjectDefinition Object(string slugOrId) =>
        schema.FindObject(slugOrId) ?? throw Errors.ObjectNotFound(slugOrId);

    private ObjectDefinition Target(ApiRequest request)
    {
        var identifier = request.Route("identifier");
        return request.Route("target") switch
        {
            "objects" => Object(identifier),
            // The schema file holds no lists, so every list is unknown.
            "lists" => throw Errors.ListNotFound(identifier),
            _ => throw Errors.EndpointNotFound(request.Method, request.Path),
        };
    }

    private AttributeDefinition Attribute(ApiRequest request)
    {
        var slug = request.Route("attribute");
        return Target(request).FindAttribute(slug) ?? throw Errors.AttributeNotFound(slug);
    }

    public static JsonObject Data(JsonNode node) => new() { ["data"] = node.DeepClone() };

    public static JsonObject Data(IEnumerable<JsonNode> nodes) =>
        new() { ["data"] = new JsonArray([.. nodes.Select(n => n.DeepClone())]) };
}
