namespace Attio;

/// <summary>The three states of an attribute on a typed record.</summary>
public enum AttioFieldState : byte
{
    /// <summary>Never assigned: left out of the request, Attio keeps what it has.</summary>
    NotSet = 0,

    /// <summary>Assigned a value: written.</summary>
    Set = 1,

    /// <summary>
    /// Assigned null (or an empty collection): sent as <c>null</c> (single-value) or <c>[]</c> (multiselect), which
    /// clears the value in Attio (see <see cref="AttioFields.WriteClear"/>).
    /// </summary>
    Cleared = 2,
}
