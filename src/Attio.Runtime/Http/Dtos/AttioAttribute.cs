using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attio;

/// <summary>An attribute of an object, as <c>GET /v2/objects/{object}/attributes</c> returns it.</summary>
public sealed class AttioAttribute
{
    /// <summary>The attribute's ids.</summary>
    [JsonPropertyName("id")]
    public AttioAttributeId Id { get; init; } = new();

    /// <summary>The title shown in Attio.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The description, or null.</summary>
    [JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Description { get; init; }

    /// <summary>The attribute's <c>api_slug</c>.</summary>
    [JsonPropertyName("api_slug")]
    public string ApiSlug { get; init; } = string.Empty;

    /// <summary>The API type name, e.g. <c>email-address</c> (see <see cref="AttioAttributeTypes.TryParse"/>).</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = string.Empty;

    /// <summary>Whether Attio defined the attribute.</summary>
    [JsonPropertyName("is_system_attribute")]
    public bool IsSystemAttribute { get; init; }

    /// <summary>Whether clients may write it.</summary>
    [JsonPropertyName("is_writable")]
    public bool IsWritable { get; init; }

    /// <summary>Whether a value is required.</summary>
    [JsonPropertyName("is_required")]
    public bool IsRequired { get; init; }

    /// <summary>Whether values are unique across records (then it can be an assert key).</summary>
    [JsonPropertyName("is_unique")]
    public bool IsUnique { get; init; }

    /// <summary>Whether the attribute holds several values.</summary>
    [JsonPropertyName("is_multiselect")]
    public bool IsMultiselect { get; init; }

    /// <summary>Whether a default value applies.</summary>
    [JsonPropertyName("is_default_value_enabled")]
    public bool IsDefaultValueEnabled { get; init; }

    /// <summary>Whether the attribute is archived.</summary>
    [JsonPropertyName("is_archived")]
    public bool IsArchived { get; init; }

    /// <summary>The default value, as Attio returns it, or null.</summary>
    [JsonPropertyName("default_value"), JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? DefaultValue { get; init; }

    /// <summary>The inverse attribute of a relationship, as Attio returns it, or null.</summary>
    [JsonPropertyName("relationship"), JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? Relationship { get; init; }

    /// <summary>When the attribute was created.</summary>
    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; init; }

    /// <summary>Currency and record-reference settings.</summary>
    [JsonPropertyName("config")]
    public AttioAttributeConfig? Config { get; init; }

    /// <summary>Options of a select attribute, when the caller filled them in (Attio's attribute list does not).</summary>
    [JsonPropertyName("options")]
    public List<AttioSelectOption>? Options { get; set; }

    /// <summary>Statuses of a status attribute, when the caller filled them in (Attio's attribute list does not).</summary>
    [JsonPropertyName("statuses")]
    public List<AttioStatus>? Statuses { get; set; }

    /// <summary>Fields this version does not model, kept so the attribute can be written back unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{ApiSlug} ({Type})";
}

/// <summary>The ids of an attribute.</summary>
public sealed class AttioAttributeId
{
    /// <summary>The workspace id.</summary>
    [JsonPropertyName("workspace_id")]
    public string WorkspaceId { get; init; } = string.Empty;

    /// <summary>The object id.</summary>
    [JsonPropertyName("object_id")]
    public string ObjectId { get; init; } = string.Empty;

    /// <summary>The attribute id.</summary>
    [JsonPropertyName("attribute_id")]
    public string AttributeId { get; init; } = string.Empty;
}

/// <summary>An attribute's <c>config</c>.</summary>
public sealed class AttioAttributeConfig
{
    /// <summary>Currency settings.</summary>
    [JsonPropertyName("currency")]
    public AttioCurrencyConfig? Currency { get; init; }

    /// <summary>Record-reference settings.</summary>
    [JsonPropertyName("record_reference")]
    public AttioRecordReferenceConfig? RecordReference { get; init; }

    /// <summary>Fields this version does not model.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary><c>config.currency</c>.</summary>
public sealed class AttioCurrencyConfig
{
    /// <summary>ISO 4217 code, e.g. <c>USD</c>, or null.</summary>
    [JsonPropertyName("default_currency_code"), JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? DefaultCurrencyCode { get; init; }

    /// <summary><c>code</c>, <c>name</c>, <c>narrowSymbol</c>, <c>symbol</c> or null.</summary>
    [JsonPropertyName("display_type"), JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? DisplayType { get; init; }
}

/// <summary><c>config.record_reference</c>.</summary>
public sealed class AttioRecordReferenceConfig
{
    /// <summary>The object ids a record reference may point at, or null when unrestricted.</summary>
    [JsonPropertyName("allowed_object_ids"), JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public List<string>? AllowedObjectIds { get; init; }
}

/// <summary>A select option.</summary>
public sealed class AttioSelectOption
{
    /// <summary>The option's ids.</summary>
    [JsonPropertyName("id")]
    public AttioSelectOptionId Id { get; init; } = new();

    /// <summary>The title, matched exactly when writing by title.</summary>
    [JsonPropertyName("title")]
    public string Title { get; init; } = string.Empty;

    /// <summary>Whether the option is archived (then it cannot be written).</summary>
    [JsonPropertyName("is_archived")]
    public bool IsArchived { get; init; }

    /// <summary>Fields this version does not model.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <inheritdoc />
    public override string ToString() => Title;
}

/// <summary>The ids of a select option.</summary>
public sealed class AttioSelectOptionId
{
    /// <summary>The workspace id.</summary>
    [JsonPropertyName("workspace_id")]
    public string WorkspaceId { get; init; } = string.Empty;

    /// <summary>The object id.</summary>
    [JsonPropertyName("object_id")]
    public string ObjectId { get; init; } = string.Empty;

    /// <summary>The attribute id.</summary>
    [JsonPropertyName("attribute_id")]
    public string AttributeId { get; init; } = string.Empty;

    /// <summary>The option id.</summary>
    [JsonPropertyName("option_id")]
    public string OptionId { get; init; } = string.Empty;
}

/// <summary>A status of a status attribute.</summary>
public sealed class AttioStatus
{
    /// <summary>The status's ids.</summary>
    [JsonPropertyName("id")]
    public AttioStatusId Id { get; init; } = new();

    /// <summary>The title, matched exactly when writing by title.</summary>
    [JsonPropertyName("title")]
    public string Title { get; init; } = string.Empty;

    /// <summary>Whether the status is archived.</summary>
    [JsonPropertyName("is_archived")]
    public bool IsArchived { get; init; }

    /// <summary>Whether Attio celebrates reaching this status.</summary>
    [JsonPropertyName("celebration_enabled")]
    public bool CelebrationEnabled { get; init; }

    /// <summary>ISO 8601 duration a record should stay in this status, or null.</summary>
    [JsonPropertyName("target_time_in_status"), JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? TargetTimeInStatus { get; init; }

    /// <summary>Fields this version does not model.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <inheritdoc />
    public override string ToString() => Title;
}

/// <summary>The ids of a status.</summary>
public sealed class AttioStatusId
{
    /// <summary>The workspace id.</summary>
    [JsonPropertyName("workspace_id")]
    public string WorkspaceId { get; init; } = string.Empty;

    /// <summary>The object id.</summary>
    [JsonPropertyName("object_id")]
    public string ObjectId { get; init; } = string.Empty;

    /// <summary>The attribute id.</summary>
    [JsonPropertyName("attribute_id")]
    public string AttributeId { get; init; } = string.Empty;

    /// <summary>The status id.</summary>
    [JsonPropertyName("status_id")]
    public string StatusId { get; init; } = string.Empty;
}
