namespace Attio.Cli.Schema;

/// <summary>Everything one pull read from Attio, in Attio's order, before it is written as a schema file.</summary>
/// <param name="Workspace">What /v2/self said.</param>
/// <param name="Members">The workspace members, or null when Attio refused to list them (see <paramref name="MembersRefused"/>).</param>
/// <param name="Objects">Every object with its attributes.</param>
/// <param name="MembersRefused">Attio's 403 for GET /v2/workspace_members: the token lacks user_management:read.</param>
public sealed record PulledSchema(AttioSelf Workspace, IReadOnlyList<AttioWorkspaceMember>? Members, IReadOnlyList<PulledObject> Objects, AttioApiException? MembersRefused = null)
{
    /// <summary>The scope GET /v2/workspace_members needs; the only part of a pull that a narrower token may skip.</summary>
    public const string MembersScope = "user_management:read";

    /// <summary>Attributes over all objects.</summary>
    public int AttributeCount => Objects.Sum(o => o.Attributes.Count);
}

/// <summary>One object with its attributes; select and status attributes carry their options and statuses.</summary>
public sealed record PulledObject(AttioObject Object, IReadOnlyList<AttioAttribute> Attributes)
{
    /// <summary>The object's slug, or its id when Attio gave it none.</summary>
    public string Slug => Object.ApiSlug ?? Object.Id.ObjectId;
}
