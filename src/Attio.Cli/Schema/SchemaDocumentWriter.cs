using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Attio.Cli.Schema;

/// <summary>
/// Writes a pull as <c>attio-schema.json</c>: the envelope the generator and the emulator read, each part in Attio's
/// own response shape and key order. Objects and attributes stay in the order Attio returns them (the order its UI
/// shows), so the file reads like the workspace and a re-pull of an unchanged workspace is byte-identical.
/// </summary>
public static class SchemaDocumentWriter
{
    /// <summary>The envelope version this tool writes and reads.</summary>
    public const int FormatVersion = 1;

    // Attio's key order for each shape, as its API returns them. Keys Attio adds later (kept by the runtime's DTOs
    // as extension data) follow these, so nothing Attio returns is dropped.
    private static readonly string[] WorkspaceKeys =
        ["active", "scope", "client_id", "token_type", "exp", "iat", "sub", "aud", "iss", "authorized_by_workspace_member_id", "workspace_id", "workspace_name", "workspace_slug", "workspace_logo_url"];

    private static readonly string[] MemberKeys = ["id", "first_name", "last_name", "avatar_url", "email_address", "created_at", "access_level"];

    private static readonly string[] ObjectKeys = ["id", "api_slug", "singular_noun", "plural_noun", "created_at"];

    private static readonly string[] AttributeKeys =
        ["id", "title", "description", "api_slug", "type", "is_system_attribute", "is_writable", "is_required", "is_unique", "is_multiselect", "is_default_value_enabled", "is_archived", "default_value", "relationship", "created_at", "config"];

    private static readonly string[] OptionKeys = ["id", "title", "is_archived"];

    private static readonly string[] StatusKeys = ["id", "title", "is_archived", "celebration_enabled", "target_time_in_status"];

    // Nulls are written, not dropped: Attio sends "exp": null, "description": null and so on, and a faithful dump keeps
    // them (the runtime's own serializer context drops nulls, which suits requests but not this file).
    private static readonly JsonSerializerOptions DtoOptions = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The file's text for <paramref name="schema"/>, stamped with <paramref name="exportedAt"/>.</summary>
    public static string Write(PulledSchema schema, string exportedAt)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var root = new JsonObject
        {
            ["format_version"] = FormatVersion,
            ["exported_at"] = exportedAt,
            ["workspace"] = Shape(schema.Workspace, WorkspaceKeys),
        };
        if (schema.Members is not null)
        {
            // Left out, not written as [], when Attio refused the list: "no members" would be a claim the pull cannot make.
            root["workspace_members"] = new JsonArray([.. schema.Members.Select(m => Shape(m, MemberKeys))]);
        }

        root["objects"] = new JsonArray([.. schema.Objects.Select(ObjectNode)]);
        return JsonPrinter.Print(root);
    }

    /// <summary>An Attio timestamp as Attio writes them: UTC with nine fractional digits.</summary>
    public static string FormatTimestamp(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture);

    private static JsonObject ObjectNode(PulledObject pulled)
    {
        var node = Shape(pulled.Object, ObjectKeys);
        node["attributes"] = new JsonArray([.. pulled.Attributes.Select(AttributeNode)]);
        return node;
    }

    private static JsonObject AttributeNode(AttioAttribute attribute)
    {
        var node = Shape(attribute, AttributeKeys);
        // The DTO carries both lists; the file has "options" only on select and "statuses" only on status attributes.
        node.Remove("options");
        node.Remove("statuses");
        if (attribute.Options is { } options)
        {
            node["options"] = new JsonArray([.. options.Select(o => Shape(o, OptionKeys))]);
        }

        if (attribute.Statuses is { } statuses)
        {
            node["statuses"] = new JsonArray([.. statuses.Select(s => Shape(s, StatusKeys))]);
        }

        return node;
    }

    /// <summary>The DTO as JSON with <paramref name="order"/> first and any other keys after, in the DTO's order.</summary>
    private static JsonObject Shape<T>(T dto, string[] order)
    {
        var source = JsonSerializer.SerializeToNode(dto, DtoOptions)?.AsObject() ?? new JsonObject();
        var shaped = new JsonObject();
        foreach (var key in order)
        {
            if (source.Remove(key, out var value))
            {
                shaped[key] = value;
            }
        }

        foreach (var key in source.Select(p => p.Key).ToList())
        {
            source.Remove(key, out var value);
            shaped[key] = value;
        }

        return shaped;
    }
}
