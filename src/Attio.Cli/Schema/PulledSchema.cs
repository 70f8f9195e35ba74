namespace Attio.Cli.Schema;

/// <summary>Everything one pull read from Attio, in Attio's order, before it is written as a schema file.</summary>
public sealed record PulledSchema(AttioSelf Workspace, IReadOnlyList<AttioWorkspaceMember> Members, IReadOnlyList<PulledObject> Objects)
{
    /// <summary>Attributes over all objects.</summary>
    public int AttributeCount => Objects.Sum(o => o.Attributes.Count);
}

/// <summary>One object with its attributes; select and status attributes carry their options and statuses.</summary>
public sealed record PulledObject(AttioObject Object, IReadOnlyList<AttioAttribute> Attributes)
{
    /// <summary>The object's slug, or its id when Attio gave it none.</summary>
    public string Slug => Object.ApiSlug ?? Object.Id.ObjectId;
}
