using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attio;

/// <summary>What <c>GET /v2/self</c> says about the token: whether it is active, its scopes and its workspace.</summary>
public sealed class AttioSelf
{
    /// <summary>False for a revoked or unknown token (then the other fields are absent).</summary>
    [JsonPropertyName("active")]
    public bool Active { get; init; }

    /// <summary>Space-separated scopes, e.g. <c>record_permission:read-write</c>.</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    /// <summary>The OAuth client id.</summary>
    [JsonPropertyName("client_id")]
    public string? ClientId { get; init; }

    /// <summary><c>Bearer</c>.</summary>
    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    /// <summary>Expiry (Unix seconds, a fractional value rounded down), or null.</summary>
    [JsonPropertyName("exp")]
    [JsonConverter(typeof(AttioUnixSecondsConverter))]
    public long? Exp { get; init; }

    /// <summary>Issued at (Unix seconds, a fractional value rounded down).</summary>
    [JsonPropertyName("iat")]
    [JsonConverter(typeof(AttioUnixSecondsConverter))]
    public long? Iat { get; init; }

    /// <summary>The subject (the workspace id).</summary>
    [JsonPropertyName("sub")]
    public string? Sub { get; init; }

    /// <summary>The audience.</summary>
    [JsonPropertyName("aud")]
    public string? Aud { get; init; }

    /// <summary>The issuer, <c>attio.com</c>.</summary>
    [JsonPropertyName("iss")]
    public string? Iss { get; init; }

    /// <summary>The member who authorized the token.</summary>
    [JsonPropertyName("authorized_by_workspace_member_id")]
    public string? AuthorizedByWorkspaceMemberId { get; init; }

    /// <summary>The workspace id.</summary>
    [JsonPropertyName("workspace_id")]
    public string? WorkspaceId { get; init; }

    /// <summary>The workspace name.</summary>
    [JsonPropertyName("workspace_name")]
    public string? WorkspaceName { get; init; }

    /// <summary>The workspace slug.</summary>
    [JsonPropertyName("workspace_slug")]
    public string? WorkspaceSlug { get; init; }

    /// <summary>The workspace logo, or null.</summary>
    [JsonPropertyName("workspace_logo_url")]
    public string? WorkspaceLogoUrl { get; init; }

    /// <summary>Fields this version does not model.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The scopes as a list.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Scopes => Scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <inheritdoc />
    public override string ToString() => Active ? $"{WorkspaceSlug} ({WorkspaceId})" : "inactive token";
}

/// <summary>A member of the workspace, as <c>GET /v2/workspace_members</c> returns it.</summary>
public sealed class AttioWorkspaceMember
{
    /// <summary>The member's ids.</summary>
    [JsonPropertyName("id")]
    public AttioWorkspaceMemberId Id { get; init; } = new();

    /// <summary>First name.</summary>
    [JsonPropertyName("first_name")]
    public string? FirstName { get; init; }

    /// <summary>Last name.</summary>
    [JsonPropertyName("last_name")]
    public string? LastName { get; init; }

    /// <summary>Avatar, or null.</summary>
    [JsonPropertyName("avatar_url"), JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? AvatarUrl { get; init; }

    /// <summary>Email address; actor-reference values can name the member by it.</summary>
    [JsonPropertyName("email_address")]
    public string? EmailAddress { get; init; }

    /// <summary>When the member joined.</summary>
    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; init; }

    /// <summary><c>admin</c>, <c>member</c> or <c>suspended</c>.</summary>
    [JsonPropertyName("access_level")]
    public string? AccessLevel { get; init; }

    /// <summary>Fields this version does not model.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <inheritdoc />
    public override string ToString() => EmailAddress ?? Id.WorkspaceMemberId;
}

/// <summary>The ids of a workspace member.</summary>
public sealed class AttioWorkspaceMemberId
{
    /// <summary>The workspace id.</summary>
    [JsonPropertyName("workspace_id")]
    public string WorkspaceId { get; init; } = string.Empty;

    /// <summary>The member id.</summary>
    [JsonPropertyName("workspace_member_id")]
    public string WorkspaceMemberId { get; init; } = string.Empty;
}

/// <summary>The body of <c>POST /v2/objects/{object}/records/query</c>: filter, sorts and a page.</summary>
public sealed class AttioRecordQuery
{
    /// <summary>Attio's filter object (e.g. <c>{"email_addresses":"a@b.com"}</c>), or null for all records.</summary>
    [JsonPropertyName("filter")]
    public JsonElement? Filter { get; init; }

    /// <summary>Attio's sorts (<c>{"direction":"asc","attribute":"name"}</c> items), or null.</summary>
    [JsonPropertyName("sorts")]
    public List<JsonElement>? Sorts { get; init; }

    /// <summary>Page size; Attio's default is 500.</summary>
    [JsonPropertyName("limit")]
    public int? Limit { get; init; }

    /// <summary>Rows to skip.</summary>
    [JsonPropertyName("offset")]
    public int? Offset { get; init; }
}

/// <summary>
/// Unix seconds as the spec types them: any JSON number, so <c>1700000000.5</c> reads as <c>1700000000</c>. Whole
/// seconds are all an expiry check needs, and the property keeps its integer type.
/// </summary>
internal sealed class AttioUnixSecondsConverter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"Expected Unix seconds as a number, got {reader.TokenType}.");
        }

        if (reader.TryGetInt64(out long whole))
        {
            return whole;
        }

        double seconds = reader.GetDouble();
        return double.IsFinite(seconds) && Math.Abs(seconds) < long.MaxValue
            ? (long)Math.Floor(seconds)
            : throw new JsonException("Unix seconds out of range.");
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } seconds)
        {
            writer.WriteNumberValue(seconds);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
