using System;
using System.Collections.Generic;
using System.Linq;
using Attio.Generators.Common;
using Attio.Generators.Diagnostics;
using Attio.Generators.Json;

namespace Attio.Generators.Schema;

/// <summary>
/// Reads an exported schema (attio-schema.json) into a <see cref="SchemaModel"/>. Never throws: malformed input
/// becomes ATTIO007 (unusable file) or a warning that skips the bad entry.
/// </summary>
internal static class SchemaParser
{
    public static SchemaParseResult Parse(string path, string text)
    {
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            JsonNode root;
            try
            {
                root = JsonParser.Parse(text);
            }
            catch (JsonParseException ex)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidSchema,
                    LocationInfo.InFile(path, ex.Position, ex.Position, ex.Line, ex.Column, ex.Line, ex.Column), ex.Message));
                return new SchemaParseResult(null, diagnostics.ToEquatableArray());
            }

            if (root.Kind != JsonKind.Object)
            {
                diagnostics.Add(Invalid(path, root, $"the document must be a JSON object with an \"objects\" array, but it is {root.KindName}"));
                return new SchemaParseResult(null, diagnostics.ToEquatableArray());
            }

            var objectsNode = root["objects"];
            if (objectsNode is null || objectsNode.Kind != JsonKind.Array)
            {
                diagnostics.Add(Invalid(path, objectsNode ?? root, objectsNode is null
                    ? "the \"objects\" array is missing"
                    : $"\"objects\" must be an array, but it is {objectsNode.KindName}"));
                return new SchemaParseResult(null, diagnostics.ToEquatableArray());
            }

            var workspace = root["workspace"];
            string? workspaceName = workspace?.Kind == JsonKind.Object ? String(workspace["workspace_name"]) : null;

            var objects = new List<ObjectModel>();
            var seenObjects = new HashSet<string>(StringComparer.Ordinal);
            foreach (var objectNode in objectsNode.Items!)
            {
                var model = ParseObject(path, objectNode, diagnostics);
                if (model is null)
                {
                    continue;
                }

                if (!seenObjects.Add(model.ApiSlug))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DuplicateSchemaSlug, model.Location, "the object", model.ApiSlug));
                    continue;
                }

                objects.Add(model);
            }

            objects = ResolveAllowedObjects(objects);
            return new SchemaParseResult(new SchemaModel(path, workspaceName, objects.ToEquatableArray()), diagnostics.ToEquatableArray());
        }
        catch (Exception ex)
        {
            // Last line of defence: the generator must never fail the build with an exception.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidSchema, null, $"{path}: {ex.GetType().Name}: {ex.Message}"));
            return new SchemaParseResult(null, diagnostics.ToEquatableArray());
        }
    }

    private static ObjectModel? ParseObject(string path, JsonNode node, List<DiagnosticInfo> diagnostics)
    {
        if (node.Kind != JsonKind.Object)
        {
            diagnostics.Add(Skipped(path, node, $"an entry of \"objects\" is {node.KindName}, not an object"));
            return null;
        }

        string? slug = String(node["api_slug"]);
        if (string.IsNullOrWhiteSpace(slug))
        {
            diagnostics.Add(Skipped(path, node, "an object has no \"api_slug\""));
            return null;
        }

        var location = At(path, node["api_slug"] ?? node);
        var attributesNode = node["attributes"];
        var attributes = new List<AttributeModel>();
        if (attributesNode is not null && attributesNode.Kind != JsonKind.Array)
        {
            diagnostics.Add(Skipped(path, attributesNode, $"the attributes of '{slug}' are {attributesNode.KindName}, not an array"));
        }
        else if (attributesNode is not null)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var attributeNode in attributesNode.Items!)
            {
                var attribute = ParseAttribute(path, slug!, attributeNode, diagnostics);
                if (attribute is null)
                {
                    continue;
                }

                if (!seen.Add(attribute.ApiSlug))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DuplicateSchemaSlug, attribute.Location, $"the attribute of '{slug}'", attribute.ApiSlug));
                    continue;
                }

                attributes.Add(attribute);
            }
        }

        var id = node["id"];
        return new ObjectModel(
            slug!,
            (id?.Kind == JsonKind.Object ? String(id["object_id"]) : null) ?? string.Empty,
            String(node["singular_noun"]),
            String(node["plural_noun"]),
            location,
            attributes.ToEquatableArray());
    }

    private static AttributeModel? ParseAttribute(string path, string objectSlug, JsonNode node, List<DiagnosticInfo> diagnostics)
    {
        if (node.Kind != JsonKind.Object)
        {
            diagnostics.Add(Skipped(path, node, $"an attribute of '{objectSlug}' is {node.KindName}, not an object"));
            return null;
        }

        string? slug = String(node["api_slug"]);
        if (string.IsNullOrWhiteSpace(slug))
        {
            diagnostics.Add(Skipped(path, node, $"an attribute of '{objectSlug}' has no \"api_slug\""));
            return null;
        }

        var location = At(path, node["api_slug"] ?? node);
        string? type = String(node["type"]);
        if (type is null || !AttributeTypes.IsKnown(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.UnknownAttributeType, At(path, node["type"] ?? node), objectSlug, slug!, type ?? "(none)"));
            return null;
        }

        var id = node["id"];
        var options = new List<OptionModel>();
        foreach (var listName in new[] { "options", "statuses" })
        {
            var list = node[listName];
            if (list?.Kind != JsonKind.Array)
            {
                continue;
            }

            foreach (var item in list.Items!)
            {
                string? title = item.Kind == JsonKind.Object ? String(item["title"]) : null;
                if (string.IsNullOrEmpty(title))
                {
                    diagnostics.Add(Skipped(path, item, $"an option of '{objectSlug}.{slug}' has no title"));
                    continue;
                }

                var optionId = item["id"];
                string idText = (optionId?.Kind == JsonKind.Object ? String(optionId["option_id"]) ?? String(optionId["status_id"]) : null) ?? string.Empty;
                options.Add(new OptionModel(title!, idText, Bool(item["is_archived"])));
            }
        }

        var allowed = new List<string>();
        var config = node["config"];
        var reference = config?.Kind == JsonKind.Object ? config["record_reference"] : null;
        var allowedIds = reference?.Kind == JsonKind.Object ? reference["allowed_object_ids"] : null;
        if (allowedIds?.Kind == JsonKind.Array)
        {
            allowed.AddRange(allowedIds.Items!.Select(String).Where(s => !string.IsNullOrEmpty(s))!);
        }

        return new AttributeModel(
            slug!,
            (id?.Kind == JsonKind.Object ? String(id["attribute_id"]) : null) ?? string.Empty,
            String(node["title"]) ?? slug!,
            String(node["description"]),
            type,
            Bool(node["is_writable"]),
            Bool(node["is_unique"]),
            Bool(node["is_multiselect"]),
            // A required attribute with a default is filled by Attio on create, so the caller need not give it.
            Bool(node["is_required"]) && !(Bool(node["is_default_value_enabled"]) && node["default_value"] is { Kind: not JsonKind.Null }),
            Bool(node["is_archived"]),
            allowed.ToEquatableArray(),
            options.ToEquatableArray(),
            location);
    }

    /// <summary>Record references list allowed targets by object id; the runtime and users think in slugs.</summary>
    private static List<ObjectModel> ResolveAllowedObjects(List<ObjectModel> objects)
    {
        var slugById = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in objects)
        {
            if (o.ObjectId.Length > 0 && !slugById.ContainsKey(o.ObjectId))
            {
                slugById[o.ObjectId] = o.ApiSlug;
            }
        }

        return objects.Select(o => o with
        {
            Attributes = o.Attributes.Select(a => a.AllowedObjectSlugs.Count == 0 ? a : a with
            {
                AllowedObjectSlugs = a.AllowedObjectSlugs
                    .Select(idOrSlug => slugById.TryGetValue(idOrSlug, out var s) ? s : idOrSlug)
                    .ToEquatableArray(),
            }).ToEquatableArray(),
        }).ToList();
    }

    private static string? String(JsonNode? node) => node?.Kind == JsonKind.String ? node.StringValue : null;

    private static bool Bool(JsonNode? node) => node?.Kind == JsonKind.True;

    private static LocationInfo At(string path, JsonNode node) =>
        LocationInfo.InFile(path, node.Start, node.End, node.Line, node.Column, node.EndLine, node.EndColumn);

    private static DiagnosticInfo Invalid(string path, JsonNode node, string message) =>
        DiagnosticInfo.Create(DiagnosticCatalog.InvalidSchema, At(path, node), $"{message} (line {node.Line + 1}, column {node.Column + 1})");

    private static DiagnosticInfo Skipped(string path, JsonNode node, string message) =>
        DiagnosticInfo.Create(DiagnosticCatalog.SchemaEntrySkipped, At(path, node), message);
}
