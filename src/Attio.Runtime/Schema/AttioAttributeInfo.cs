namespace Attio;

/// <summary>
/// What the runtime needs to know about one attribute to validate and write a value for it.
/// Generated records hold one static instance per attribute.
/// </summary>
/// <param name="ObjectSlug">The object's <c>api_slug</c>, e.g. <c>people</c>.</param>
/// <param name="Slug">The attribute's <c>api_slug</c>, e.g. <c>email_addresses</c>.</param>
/// <param name="Type">The attribute's type.</param>
/// <param name="IsMultiselect">Whether the attribute holds several values.</param>
/// <param name="AllowedObjects">For record references: the object slugs the schema allows as targets, or null when unrestricted.</param>
public sealed record AttioAttributeInfo(
    string ObjectSlug,
    string Slug,
    AttioAttributeType Type,
    bool IsMultiselect = false,
    IReadOnlyList<string>? AllowedObjects = null)
{
    /// <summary>False for attributes only Attio writes (<c>is_writable: false</c>); writing or clearing them is a validation error.</summary>
    public bool IsWritable { get; init; } = true;

    /// <summary>Whether Attio enforces unique values (<c>is_unique</c>); only unique attributes can be assert keys.</summary>
    public bool IsUnique { get; init; }

    /// <summary>Whether Attio requires a value (<c>is_required</c>).</summary>
    public bool IsRequired { get; init; }

    /// <summary>
    /// For record references: the unique attributes of each allowed target object (object slug, slug, type), which a
    /// reference by match must use; null when the schema's facts were not given. Generated records fill it.
    /// </summary>
    public IReadOnlyList<AttioAttributeInfo>? TargetUniqueAttributes { get; init; }

    /// <summary><c>object.slug (type)</c>, the form used in error messages.</summary>
    public override string ToString() => $"{ObjectSlug}.{Slug} ({Type.ToApiName()})";
}
