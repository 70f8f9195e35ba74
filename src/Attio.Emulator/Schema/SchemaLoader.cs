using System.Text.Json.Nodes;

namespace Attio.Emulator.Schema;

/// <summary>Reads attio-schema.json (format_version 1) into the emulator's model.</summary>
internal static class SchemaLoader
{
    public static WorkspaceSchema Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException($"{path}: the schema file must hold a JSON object.");
        var version = (int?)root["format_version"];
        if (version != 1)
        {
            throw new InvalidDataException($"{path}: unsupported format_version {version?.ToString() ?? "(missing)"}; expected 1.");
        }

        var workspace = root["workspace"] as JsonObject
            ?? throw new InvalidDataException($"{path}: 'workspace' is missing.");
        var members = (root["workspace_members"] as JsonArray ?? [])
            .OfType<JsonObject>().Select(m => (JsonObject)m.DeepClone()).ToList();
        var objects = (root["objects"] as JsonArray ?? [])
            .OfType<JsonObject>().Select(ReadObject).ToList();

        return new WorkspaceSchema
        {
            Workspace = (JsonObject)workspace.DeepClone(),
            Members = members,
            Objects = objects,
        };
    }

    private static ObjectDefinition ReadObject(JsonObject source)
    {
        var response = (JsonObject)source.DeepClone();
        var attributes = response["attributes"] as JsonArray ?? [];
        response.Remove("attributes");

        var definition = new ObjectDefinition
        {
            Response = response,
            Id = Required(response["id"]?["object_id"], "object id"),
            Slug = Required(response["api_slug"], "object api_slug"),
            SingularNoun = (string?)response["singular_noun"] ?? Required(response["api_slug"], "object api_slug"),
        };

        foreach (var attribute in attributes.OfType<JsonObject>())
        {
            definition.Add(ReadAttribute(definition, (JsonObject)attribute.DeepClone()));
        }

        return definition;
    }

    private static AttributeDefinition ReadAttribute(ObjectDefinition owner, JsonObject response)
    {
        var options = (response["options"] as JsonArray ?? []).OfType<JsonObject>().Select(o => (JsonObject)o.DeepClone()).ToList();
        var statuses = (response["statuses"] as JsonArray ?? []).OfType<JsonObject>().Select(s => (JsonObject)s.DeepClone()).ToList();
        response.Remove("options");
        response.Remove("statuses");

        var allowed = (response["config"]?["record_reference"]?["allowed_object_ids"] as JsonArray ?? [])
            .Select(n => (string?)n).OfType<string>().ToList();
        var relationship = response["relationship"] as JsonObject;

        return new AttributeDefinition
        {
            Object = owner,
            Response = response,
            Id = Required(response["id"]?["attribute_id"], "attribute id"),
            Slug = Required(response["api_slug"], "attribute api_slug"),
            Type = Required(response["type"], "attribute type"),
            IsMultiselect = (bool?)response["is_multiselect"] ?? false,
            IsUnique = (bool?)response["is_unique"] ?? false,
            IsRequired = (bool?)response["is_required"] ?? false,
            IsWritable = (bool?)response["is_writable"] ?? true,
            IsArchived = (bool?)response["is_archived"] ?? false,
            Options = options,
            Statuses = statuses,
            AllowedObjectIds = allowed,
            DefaultCurrencyCode = (string?)response["config"]?["currency"]?["default_currency_code"],
            InverseObjectSlug = (string?)relationship?["object_slug"],
            InverseAttributeSlug = (string?)relationship?["api_slug"],
        };
    }

    private static string Required(JsonNode? node, string what) =>
        (string?)node ?? throw new InvalidDataException($"The schema file has an entry without {what}.");
}
