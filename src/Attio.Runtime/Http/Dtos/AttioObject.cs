using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attio;

/// <summary>An object of the workspace (<c>people</c>, <c>companies</c>, a custom object), as <c>GET /v2/objects</c> returns it.</summary>
public sealed class AttioObject
{
    /// <summary>The object's ids.</summary>
    [JsonPropertyName("id")]
    public AttioObjectId Id { get; init; } = new();

    /// <summary>The object's <c>api_slug</c>, e.g. <c>people</c>.</summary>
    [JsonPropertyName("api_slug"), JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ApiSlug { get; init; }

    /// <summary>The singular noun, e.g. <c>Person</c>.</summary>
    [JsonPropertyName("singular_noun"), JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? SingularNoun { get; init; }

    /// <summary>The plural noun, e.g. <c>People</c>.</summary>
    [JsonPropertyName("plural_noun"), JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? PluralNoun { get; init; }

    /// <summary>When the object was created (ISO 8601, as Attio formats it).</summary>
    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; init; }

    /// <summary>Fields this version does not model, kept so the object can be written back unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <inheritdoc />
    public override string ToString() => ApiSlug ?? Id.ObjectId;
}

/// <summary>The ids of an object.</summary>
public sealed class AttioObjectId
{
    /// <summary>The workspace id.</summary>
    [JsonPropertyName("workspace_id")]
    public string WorkspaceId { get; init; } = string.Empty;

    /// <summary>The object id.</summary>
    [JsonPropertyName("object_id")]
    public string ObjectId { get; init; } = string.Empty;
}
