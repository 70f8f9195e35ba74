using System.ComponentModel;

namespace Attio.Internal;

/// <summary>
/// The keys generated mapped-event overloads pass to <see cref="AttioActions"/>. Public so that generated code in any
/// assembly can call it; not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AttioMappedKeys
{
    /// <summary>The mapped key value.</summary>
    /// <exception cref="ArgumentException">Nothing was mapped to <paramref name="attribute"/>.</exception>
    public static string Of(string? value, string attribute) =>
        value ?? throw new ArgumentException($"The mapped {attribute} is empty.", "source");

    /// <summary>The first mapped value of a multiselect key.</summary>
    /// <exception cref="ArgumentException">Nothing was mapped to <paramref name="attribute"/>.</exception>
    public static string First(IReadOnlyList<string>? values, string attribute) =>
        values is { Count: > 0 } ? values[0] : throw new ArgumentException($"The mapped {attribute} is empty.", "source");
}
