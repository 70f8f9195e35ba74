namespace Attio.Schema.Drift;

/// <summary>What changed between two schema files.</summary>
internal enum ChangeKind
{
    /// <summary>The files describe different workspaces (another workspace id).</summary>
    WorkspaceChanged,

    /// <summary>An object is new.</summary>
    ObjectAdded,

    /// <summary>An object is gone: its generated class and methods go with it.</summary>
    ObjectRemoved,

    /// <summary>An object kept its id but has another slug.</summary>
    ObjectRenamed,

    /// <summary>The singular noun changed: the generated class is named from it.</summary>
    ObjectClassRenamed,

    /// <summary>The plural noun changed (documentation only).</summary>
    ObjectPluralNounChanged,

    /// <summary>An attribute is new.</summary>
    AttributeAdded,

    /// <summary>An attribute is gone.</summary>
    AttributeRemoved,

    /// <summary>An attribute kept its id but has another slug.</summary>
    AttributeRenamed,

    /// <summary>An attribute has another type: its generated property changes type.</summary>
    TypeChanged,

    /// <summary>An attribute can no longer be written: its generated property disappears.</summary>
    BecameReadOnly,

    /// <summary>An attribute can now be written.</summary>
    BecameWritable,

    /// <summary>An attribute is no longer unique: it can no longer be an assert's matching attribute.</summary>
    BecameNonUnique,

    /// <summary>An attribute became unique.</summary>
    BecameUnique,

    /// <summary>An attribute switched between one value and many: the property's type changes (T against a list of T).</summary>
    MultiselectChanged,

    /// <summary>An attribute became required or optional (checked by Attio on write, not by the compiler).</summary>
    RequiredChanged,

    /// <summary>An attribute was archived: no property is generated for it any more.</summary>
    AttributeArchived,

    /// <summary>An archived attribute was restored.</summary>
    AttributeUnarchived,

    /// <summary>The title shown in Attio changed (documentation only).</summary>
    AttributeTitleChanged,

    /// <summary>A record-reference attribute may point at other objects.</summary>
    AllowedObjectsChanged,

    /// <summary>A select option is new.</summary>
    OptionAdded,

    /// <summary>A select option is gone: its generated constant goes with it.</summary>
    OptionRemoved,

    /// <summary>A select option kept its id but has another title: its constant is renamed.</summary>
    OptionRenamed,

    /// <summary>A select option was archived: Attio rejects writes of it.</summary>
    OptionArchived,

    /// <summary>An archived select option was restored.</summary>
    OptionUnarchived,

    /// <summary>A status is new.</summary>
    StatusAdded,

    /// <summary>A status is gone: its generated constant goes with it.</summary>
    StatusRemoved,

    /// <summary>A status kept its id but has another title: its constant is renamed.</summary>
    StatusRenamed,

    /// <summary>A status was archived.</summary>
    StatusArchived,

    /// <summary>An archived status was restored.</summary>
    StatusUnarchived,

    /// <summary>A workspace member joined.</summary>
    MemberAdded,

    /// <summary>A workspace member left: actor references to them will be rejected.</summary>
    MemberRemoved,
}

/// <summary>
/// One difference between two schema files.
/// </summary>
/// <param name="Kind">What changed.</param>
/// <param name="Path">Where: <c>object</c>, <c>object.attribute</c>, <c>object.attribute[Option title]</c> or <c>members[email]</c>.</param>
/// <param name="Breaking">True when code generated from the old file stops compiling after regenerating from the new one.</param>
/// <param name="Description">A sentence for people, e.g. "type changed from text to number".</param>
/// <param name="Old">The old value, where there is one to show.</param>
/// <param name="New">The new value, where there is one to show.</param>
internal sealed record Change(ChangeKind Kind, string Path, bool Breaking, string Description, string? Old = null, string? New = null);
