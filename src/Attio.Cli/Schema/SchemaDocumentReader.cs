using System.Text.Json;

namespace Attio.Cli.Schema;

/// <summary>
/// Reads a schema file into a <see cref="SchemaSnapshot"/>. Strict about what diff needs (an "objects" array, slugs,
/// types) and says where a file is wrong; lenient about everything else, so a file from a newer Attio still reads.
/// </summary>
internal static class SchemaDocumentReader
{
    /// <summary>Reads <paramref name="path"/>; a missing, unreadable or malformed file is a usage error (exit code 3).</summary>
    public static SchemaSnapshot ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CliException.Usage($"Cannot read the schema file {path}: {ex.Message}", ex);
        }

        return Read(text, path);
    }

    /// <summary>Reads a schema document; <paramref name="source"/> names it in error messages.</summary>
    public static SchemaSnapshot Read(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return ReadRoot(document.RootElement, source);
        }
        catch (JsonException ex)
        {
            throw CliException.Usage($"{source} is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>The <c>exported_at</c> of a schema document, or null when it has none or is not a schema document.</summary>
    public static string? ReadExportedAt(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("exported_at", out var value)
                && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SchemaSnapshot ReadRoot(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(source, "the document must be a JSON object");
        }

        if (root.TryGetProperty("format_version", out var version)
            && (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int number) || number != SchemaDocumentWriter.FormatVersion))
        {
            throw Invalid(source, $"format_version {version.GetRawText()} is not supported; this tool reads version {SchemaDocumentWriter.FormatVersion}");
        }

        if (!root.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(source, "the \"objects\" array is missing");
        }

        string? workspaceId = null, workspaceName = null;
        if (root.TryGetProperty("workspace", out var workspace) && workspace.ValueKind == JsonValueKind.Object)
        {
            workspaceId = String(workspace, "workspace_id");
            workspaceName = String(workspace, "workspace_name");
        }

        List<MemberSnapshot>? members = null;
        if (root.TryGetProperty("workspace_members", out var memberArray) && memberArray.ValueKind == JsonValueKind.Array)
        {
            members = [];
            foreach (var member in memberArray.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.Object))
            {
                members.Add(new MemberSnapshot(Id(member, "workspace_member_id"), String(member, "email_address")));
            }
        }

        var objectList = new List<ObjectSnapshot>();
        int index = 0;
        foreach (var obj in objects.EnumerateArray())
        {
            objectList.Add(ReadObject(obj, source, $"objects[{index++}]"));
        }

        return new SchemaSnapshot(workspaceId, workspaceName, objectList, members);
    }

    private static ObjectSnapshot ReadObject(JsonElement obj, string source, string where)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(source, $"{where} is not an object");
        }

        string slug = String(obj, "api_slug") ?? throw Invalid(source, $"{where} has no api_slug");
        var attributes = new List<AttributeSnapshot>();
        if (obj.TryGetProperty("attributes", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (var attribute in list.EnumerateArray())
            {
                attributes.Add(ReadAttribute(attribute, source, $"{where} ({slug}).attributes[{index++}]"));
            }
        }

        return new ObjectSnapshot(Id(obj, "object_id"), slug, String(obj, "singular_noun"), String(obj, "plural_noun"), attributes);
    }

    private static AttributeSnapshot ReadAttribute(JsonElement attribute, string source, string where)
    {
        if (attribute.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(source, $"{where} is not an object");
        }

        string slug = String(attribute, "api_slug") ?? throw Invalid(source, $"{where} has no api_slug");
        string type = String(attribute, "type") ?? throw Invalid(source, $"{where} ({slug}) has no type");
        var allowed = new List<string>();
        if (attribute.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object
            && config.TryGetProperty("record_reference", out var reference) && reference.ValueKind == JsonValueKind.Object
            && reference.TryGetProperty("allowed_object_ids", out var ids) && ids.ValueKind == JsonValueKind.Array)
        {
            allowed.AddRange(ids.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!));
        }

        return new AttributeSnapshot(
            Id(attribute, "attribute_id"),
            slug,
            String(attribute, "title"),
            type,
            Bool(attribute, "is_writable"),
            Bool(attribute, "is_unique"),
            Bool(attribute, "is_multiselect"),
            Bool(attribute, "is_required"),
            Bool(attribute, "is_archived"),
            allowed,
            Choices(attribute, "options", "option_id"),
            Choices(attribute, "statuses", "status_id"));
    }

    private static List<ChoiceSnapshot> Choices(JsonElement attribute, string property, string idKey)
    {
        var choices = new List<ChoiceSnapshot>();
        if (attribute.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                if (String(item, "title") is { } title)
                {
                    choices.Add(new ChoiceSnapshot(Id(item, idKey), title, Bool(item, "is_archived")));
                }
            }
        }

        return choices;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? Id(JsonElement element, string idKey) =>
        element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Object ? String(id, idKey) : null;

    private static CliException Invalid(string source, string what) =>
        CliException.Usage($"{source} is not an Attio schema file: {what}.");
}
