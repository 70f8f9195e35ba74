using System.Text.Json;

namespace Attio;

/// <summary>
/// Validates and writes one value of an Attio attribute type. Generated records call these; each
/// implementation knows one type's rules and wire form.
/// </summary>
/// <typeparam name="T">The .NET representation of the value.</typeparam>
public interface IAttioValueCodec<in T>
{
    /// <summary>Adds an error to <paramref name="errors"/> for each rule <paramref name="value"/> breaks.</summary>
    void Validate(AttioAttributeInfo attribute, T value, AttioValidationErrors errors);

    /// <summary>Writes <paramref name="value"/> in Attio's explicit object form (one element of the values array).</summary>
    void Write(Utf8JsonWriter writer, T value);
}
