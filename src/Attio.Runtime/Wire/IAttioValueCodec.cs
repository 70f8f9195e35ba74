using System.ComponentModel;
using System.Text.Json;

namespace Attio.Internal;

/// <summary>
/// Validates and writes one value of an Attio attribute type. Generated records call these; each
/// implementation knows one type's rules and wire form.
/// </summary>
/// <typeparam name="T">The .NET representation of the value.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IAttioValueCodec<in T>
{
    /// <summary>Adds an error to <paramref name="errors"/> for each rule <paramref name="value"/> breaks.</summary>
    void Validate(AttioAttributeInfo attribute, T value, AttioValidationErrors errors);

    /// <summary>Writes <paramref name="value"/> in Attio's explicit object form (one element of the values array).</summary>
    void Write(Utf8JsonWriter writer, T value);
}

/// <summary>
/// A codec whose wire form depends on the attribute it writes for (e.g. a record reference by match, whose value form
/// is the matching attribute's type, known from the schema). <see cref="AttioFields"/> prefers this overload.
/// </summary>
internal interface IAttioAttributeAwareCodec<in T> : IAttioValueCodec<T>
{
    void Write(Utf8JsonWriter writer, AttioAttributeInfo attribute, T value);
}
