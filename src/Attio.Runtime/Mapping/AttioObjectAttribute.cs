namespace Attio;

/// <summary>
/// Marks an event class, struct or record as a source of values for an Attio object. Repeat it for an event that
/// writes several objects (an identify event targets <c>people</c> and <c>users</c>). The class must be partial;
/// the generator adds conversions such as <c>ToPerson()</c> and checks every mapping at build time.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class AttioObjectAttribute : Attribute
{
    /// <summary>Targets the object with <paramref name="objectSlug"/> (its <c>api_slug</c>, e.g. <c>people</c>).</summary>
    public AttioObjectAttribute(string objectSlug) => ObjectSlug = objectSlug;

    /// <summary>The object's <c>api_slug</c>.</summary>
    public string ObjectSlug { get; }

    /// <summary>
    /// The unique attribute (slug or id) the generated assert overload matches on. By default the object's natural key
    /// (<c>email_addresses</c>, <c>domains</c>, <c>user_id</c>, <c>workspace_id</c>), else the first unique attribute the class maps.
    /// </summary>
    public string? MatchOn { get; set; }
}

/// <summary>What a mapping does when the member's value is null.</summary>
public enum AttioNull
{
    /// <summary>Leave the attribute untouched in Attio (the default).</summary>
    Ignore = 0,

    /// <summary>Clear the attribute in Attio (the seed's "null unsets a value").</summary>
    Clear = 1,
}

/// <summary>How a collection mapped to a multiselect attribute is written.</summary>
public enum AttioMultiselect
{
    /// <summary>Replace the attribute's values with the collection (assert semantics for non-matching attributes).</summary>
    Replace = 0,

    /// <summary>Add the collection's values to those Attio already has.</summary>
    Append = 1,
}

/// <summary>
/// Maps a property, field or positional record parameter to an Attio attribute, by slug (or attribute id).
/// A typo, a read-only attribute or an incompatible type is a build error that points at the slug.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = true, Inherited = false)]
public sealed class AttioMapAttribute : Attribute
{
    /// <summary>Maps the member to the attribute <paramref name="attributeSlug"/>.</summary>
    public AttioMapAttribute(string attributeSlug) => AttributeSlug = attributeSlug;

    /// <summary>The attribute's <c>api_slug</c> or id.</summary>
    public string AttributeSlug { get; }

    /// <summary>The object slug, needed only when the class targets several objects that all have this slug.</summary>
    public string? Object { get; set; }

    /// <summary>What a null value does; by default nothing is sent for it.</summary>
    public AttioNull WhenNull { get; set; }

    /// <summary>For multiselect attributes: replace (default) or append.</summary>
    public AttioMultiselect Multiselect { get; set; }
}
