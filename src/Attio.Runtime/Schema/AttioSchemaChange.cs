namespace Attio;

/// <summary>One difference between what the compiled code expects (its schema manifest) and the live workspace.</summary>
public sealed class AttioSchemaChange
{
    internal AttioSchemaChange(string objectSlug, string? attributeSlug, string kind, string description, bool isBreaking)
    {
        ObjectSlug = objectSlug;
        AttributeSlug = attributeSlug;
        Kind = kind;
        Description = description;
        IsBreaking = isBreaking;
    }

    /// <summary>The object.</summary>
    public string ObjectSlug { get; }

    /// <summary>The attribute, when the change is about one.</summary>
    public string? AttributeSlug { get; }

    /// <summary>What changed, snake_case as <c>attio schema diff --json</c> writes it (e.g. <c>attribute_removed</c>, <c>type_changed</c>).</summary>
    public string Kind { get; }

    /// <summary>A sentence, e.g. "type changed from text to number".</summary>
    public string Description { get; }

    /// <summary>True when writes of the code that uses it will fail (removed, archived, retyped, read-only, no longer unique, ...).</summary>
    public bool IsBreaking { get; }

    /// <summary><c>people.job_title: attribute removed (text)</c>.</summary>
    public override string ToString() => $"{ObjectSlug}{(AttributeSlug is null ? string.Empty : "." + AttributeSlug)}: {Description}";
}

/// <summary>
/// The live workspace no longer has what the compiled code writes: thrown at host start when
/// <see cref="AttioClientOptions.VerifySchemaOnStart"/> is <see cref="AttioSchemaVerification.FailOnBreaking"/>.
/// The message lists every breaking change (object, attribute, what changed).
/// </summary>
public sealed class AttioSchemaDriftException : Exception
{
    /// <summary>A drift with its breaking changes.</summary>
    public AttioSchemaDriftException(IReadOnlyList<AttioSchemaChange> changes)
        : base(Format(changes))
    {
        Changes = changes;
    }

    /// <summary>A drift without details.</summary>
    public AttioSchemaDriftException()
        : this([])
    {
    }

    /// <summary>A drift described by a message.</summary>
    public AttioSchemaDriftException(string message)
        : base(message)
    {
        Changes = [];
    }

    /// <summary>A drift described by a message, with its cause.</summary>
    public AttioSchemaDriftException(string message, Exception innerException)
        : base(message, innerException)
    {
        Changes = [];
    }

    /// <summary>The breaking changes.</summary>
    public IReadOnlyList<AttioSchemaChange> Changes { get; }

    private static string Format(IReadOnlyList<AttioSchemaChange> changes) =>
        changes.Count == 0
            ? "The live Attio workspace differs from the schema the code was generated from."
            : $"The live Attio workspace no longer matches what this code writes ({changes.Count} breaking change{(changes.Count == 1 ? string.Empty : "s")}):"
              + string.Concat(changes.Select(c => "\n  " + c))
              + "\nRun 'attio schema pull', rebuild, and fix what no longer compiles; or set VerifySchemaOnStart = LogOnly to start anyway.";
}
