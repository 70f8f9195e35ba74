using System.ComponentModel;

namespace Attio;

/// <summary>
/// What the compiled code writes: the objects and attributes its generated records use, with the facts it relies on
/// (type, writable, unique, multiselect, option titles), and a fingerprint of the schema file it was generated from.
/// The generator emits one per assembly and registers it from a module initializer, so the start-up drift check and
/// the schema health check find it without reflection.
/// </summary>
public sealed class AttioSchemaManifest
{
    private static readonly Lock Gate = new();
    private static AttioSchemaManifest[] _registered = [];

    /// <summary>A manifest; generated code builds it.</summary>
    public AttioSchemaManifest(string assembly, string fingerprint, IReadOnlyList<AttioSchemaManifestObject> objects)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentNullException.ThrowIfNull(objects);
        Assembly = assembly;
        Fingerprint = fingerprint;
        Objects = objects;
    }

    /// <summary>The assembly whose generated code this describes.</summary>
    public string Assembly { get; }

    /// <summary>A hash of the schema facts below (hex SHA-256): equal fingerprints, equal expectations.</summary>
    public string Fingerprint { get; }

    /// <summary>The objects the generated code writes, with their attributes.</summary>
    public IReadOnlyList<AttioSchemaManifestObject> Objects { get; }

    /// <summary>Every manifest registered in this process (one per assembly with generated code), in registration order.</summary>
    public static IReadOnlyList<AttioSchemaManifest> Registered
    {
        get
        {
            lock (Gate)
            {
                return _registered;
            }
        }
    }

    /// <summary>Called by generated module initializers. Registering the same assembly again replaces its manifest.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Register(AttioSchemaManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        lock (Gate)
        {
            _registered = [.. _registered.Where(m => m.Assembly != manifest.Assembly), manifest];
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Assembly} ({Objects.Count} objects, fingerprint {Fingerprint[..Math.Min(12, Fingerprint.Length)]})";
}

/// <summary>An object the generated code writes.</summary>
public sealed class AttioSchemaManifestObject
{
    /// <summary>An object and its attributes.</summary>
    public AttioSchemaManifestObject(string slug, IReadOnlyList<AttioSchemaManifestAttribute> attributes)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(attributes);
        Slug = slug;
        Attributes = attributes;
    }

    /// <summary>The object's API slug.</summary>
    public string Slug { get; }

    /// <summary>The attributes the generated record has a property for.</summary>
    public IReadOnlyList<AttioSchemaManifestAttribute> Attributes { get; }
}

/// <summary>An attribute the generated code writes, and what it relies on.</summary>
public sealed class AttioSchemaManifestAttribute
{
    /// <summary>An attribute as the schema file described it at build time.</summary>
    public AttioSchemaManifestAttribute(
        string slug, string title, string type, bool isWritable, bool isUnique, bool isMultiselect, bool isRequired, IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(type);
        Slug = slug;
        Title = title ?? string.Empty;
        Type = type;
        IsWritable = isWritable;
        IsUnique = isUnique;
        IsMultiselect = isMultiselect;
        IsRequired = isRequired;
        Choices = choices ?? [];
    }

    /// <summary>The attribute's API slug.</summary>
    public string Slug { get; }

    /// <summary>Its title at build time (a changed title is harmless, only reported).</summary>
    public string Title { get; }

    /// <summary>Attio's attribute type, e.g. <c>email-address</c>.</summary>
    public string Type { get; }

    /// <summary>Writable at build time (the generated property exists because it was).</summary>
    public bool IsWritable { get; }

    /// <summary>Unique at build time (asserts can match on it).</summary>
    public bool IsUnique { get; }

    /// <summary>Multiselect at build time (the property is a list).</summary>
    public bool IsMultiselect { get; }

    /// <summary>Required at build time.</summary>
    public bool IsRequired { get; }

    /// <summary>The titles of its select options or statuses (constants were generated for them).</summary>
    public IReadOnlyList<string> Choices { get; }
}
