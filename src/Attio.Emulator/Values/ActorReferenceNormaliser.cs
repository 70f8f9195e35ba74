using System.Text.Json;
using System.Text.Json.Nodes;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

/// <summary>Actor reference: only workspace members can be written, by email or by member id (U7 for unknown ones).</summary>
internal sealed class ActorReferenceNormaliser : IValueNormaliser
{
    public NormalisedValue Normalise(JsonNode? input, ValueContext context)
    {
        JsonObject member;
        if (input is JsonObject obj)
        {
            member = obj.ContainsKey("workspace_member_email_address")
                ? ByEmail(obj, context)
                : ById(obj, context);
        }
        else
        {
            var email = ValueForms.RequireString(input, [], context);
            member = context.Schema.FindMemberByEmail(email) ?? throw Errors.UnknownMemberEmail(email);
        }

        var id = (string)member["id"]!["workspace_member_id"]!;
        var fields = new JsonObject { ["referenced_actor_type"] = "workspace-member", ["referenced_actor_id"] = id };
        return new NormalisedValue(fields, id);
    }

    private static JsonObject ByEmail(JsonObject obj, ValueContext context)
    {
        var extra = obj.Select(p => p.Key).Where(k => k != "workspace_member_email_address").ToList();
        if (extra.Count > 0)
        {
            throw context.Invalid(Issues.UnrecognizedKeys([], extra));
        }

        var email = ValueForms.RequireString(obj["workspace_member_email_address"], ["workspace_member_email_address"], context);
        return context.Schema.FindMemberByEmail(email) ?? throw Errors.UnknownMemberEmail(email);
    }

    private static JsonObject ById(JsonObject obj, ValueContext context)
    {
        var extra = obj.Select(p => p.Key).Where(k => k is not ("referenced_actor_type" or "referenced_actor_id")).ToList();
        if (extra.Count > 0)
        {
            throw context.Invalid(Issues.UnrecognizedKeys([], extra));
        }

        var type = obj["referenced_actor_type"];
        if (type?.GetValueKind() != JsonValueKind.String || type.GetValue<string>() != "workspace-member")
        {
            throw context.Invalid(Issues.InvalidOption(["referenced_actor_type"], ["workspace-member"], type is null ? "undefined" : type.ToJsonString().Trim('"')));
        }

        var id = ValueForms.RequireString(obj["referenced_actor_id"], ["referenced_actor_id"], context);
        return context.Schema.FindMemberById(id) ?? throw Errors.UnknownMemberId(id);
    }
}
