using System.ComponentModel;
using System.Text.Json;

namespace Attio.Internal;

/// <summary>
/// Validation and wire helpers for one attribute of a record, used by generated code.
/// A set value is written as a one-element array, a collection as an array. A clear is written by
/// <see cref="WriteClear"/>: <c>null</c> for a single-value attribute, <c>[]</c> for a multiselect one
/// (docs/runtime.md, "How a value is cleared", gives the evidence for each form).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AttioFields
{
    /// <summary>
    /// Validates a single value when it is set. Setting or clearing an attribute Attio does not let clients write
    /// (<see cref="AttioAttributeInfo.IsWritable"/> false) is an error.
    /// </summary>
    public static void Validate<T>(AttioAttributeInfo attribute, AttioFieldState state, T value, IAttioValueCodec<T> codec, AttioValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(errors);
        errors.Capture?.Add(attribute, state, value, codec);
        if (state == AttioFieldState.NotSet || !CheckWritable(attribute, state, errors))
        {
            return;
        }

        if (state == AttioFieldState.Set)
        {
            codec.Validate(attribute, value, errors);
        }
    }

    /// <summary>Adds an error when <paramref name="attribute"/> is read-only and was set or cleared; false then.</summary>
    public static bool CheckWritable(AttioAttributeInfo attribute, AttioFieldState state, AttioValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(errors);
        errors.Capture?.AddClear(attribute, state);
        if (state == AttioFieldState.NotSet || attribute.IsWritable)
        {
            return true;
        }

        errors.Add(attribute, state == AttioFieldState.Cleared ? "null (clear)" : null,
            "no value: the attribute is read-only (is_writable is false), only Attio writes it");
        return false;
    }

    /// <summary>Validates each value of a collection when it is set.</summary>
    public static void ValidateMany<T>(AttioAttributeInfo attribute, AttioFieldState state, IReadOnlyCollection<T>? values, IAttioValueCodec<T> codec, AttioValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(errors);
        errors.Capture?.AddMany(attribute, state, values, codec);
        if (state == AttioFieldState.NotSet || !CheckWritable(attribute, state, errors) || state != AttioFieldState.Set || values is null)
        {
            return;
        }

        if (!attribute.IsMultiselect && values.Count > 1)
        {
            errors.Add(attribute, $"{values.Count} values", "a single value (the attribute is not multiselect)");
        }

        foreach (T value in values)
        {
            if (value is null)
            {
                errors.Add(attribute, null, "no null elements in the collection (assign null to the property to clear it)");
                continue;
            }

            codec.Validate(attribute, value, errors);
        }
    }

    /// <summary>Writes <c>"slug": [value]</c>, a clear (<see cref="WriteClear"/>) or nothing, by state.</summary>
    public static void Write<T>(Utf8JsonWriter writer, AttioAttributeInfo attribute, AttioFieldState state, T value, IAttioValueCodec<T> codec)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(codec);
        if (state == AttioFieldState.NotSet)
        {
            return;
        }

        if (state == AttioFieldState.Cleared)
        {
            WriteClear(writer, attribute);
            return;
        }

        writer.WriteStartArray(attribute.Slug);
        WriteOne(writer, attribute, value, codec);
        writer.WriteEndArray();
    }

    /// <summary>
    /// Writes the clear of <paramref name="attribute"/>: <c>"slug": null</c> for a single-value attribute (Attio documents
    /// null as the way to unset a value, and a live PATCH with null cleared a text attribute), <c>"slug": []</c> for a
    /// multiselect one (the spec's PUT "overwrite/remove" with an empty list; a PATCH cannot remove list values, so
    /// the write that carries it must be a PUT or an assert).
    /// </summary>
    public static void WriteClear(Utf8JsonWriter writer, AttioAttributeInfo attribute)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(attribute);
        if (attribute.IsMultiselect)
        {
            writer.WriteStartArray(attribute.Slug);
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull(attribute.Slug);
        }
    }

    /// <summary>True when clearing <paramref name="attribute"/> needs a write that removes list values (PUT or assert).</summary>
    public static bool ClearNeedsOverwrite(AttioAttributeInfo attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return attribute.IsMultiselect;
    }

    /// <summary>Writes <c>"slug": [v1, v2, ...]</c>, a clear (<see cref="WriteClear"/>) or nothing, by state.</summary>
    public static void WriteMany<T>(Utf8JsonWriter writer, AttioAttributeInfo attribute, AttioFieldState state, IEnumerable<T>? values, IAttioValueCodec<T> codec)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(codec);
        if (state == AttioFieldState.NotSet)
        {
            return;
        }

        if (state == AttioFieldState.Cleared || values is null)
        {
            WriteClear(writer, attribute);
            return;
        }

        writer.WriteStartArray(attribute.Slug);
        if (values is IReadOnlyList<T> list)
        {
            // Generated properties hold lists; indexing them avoids boxing an enumerator per attribute.
            for (int i = 0; i < list.Count; i++)
            {
                WriteOne(writer, attribute, list[i], codec);
            }
        }
        else
        {
            foreach (T value in values)
            {
                WriteOne(writer, attribute, value, codec);
            }
        }

        writer.WriteEndArray();
    }

    // Some wire forms depend on the attribute (a reference by match takes its type from the schema's facts).
    private static void WriteOne<T>(Utf8JsonWriter writer, AttioAttributeInfo attribute, T value, IAttioValueCodec<T> codec)
    {
        if (codec is IAttioAttributeAwareCodec<T> aware)
        {
            aware.Write(writer, attribute, value);
        }
        else
        {
            codec.Write(writer, value);
        }
    }

    /// <summary>The state for a newly assigned collection: null or empty clears.</summary>
    public static AttioFieldState StateOfMany<T>(IReadOnlyCollection<T>? values) =>
        values is null || values.Count == 0 ? AttioFieldState.Cleared : AttioFieldState.Set;

    /// <summary>
    /// <paramref name="existing"/> with <paramref name="value"/> first, unless it is already there
    /// (identify and group add their key this way without dropping values the caller set).
    /// </summary>
    public static IReadOnlyList<T> WithValue<T>(IReadOnlyList<T>? existing, T value, IEqualityComparer<T>? comparer = null)
    {
        if (existing is null || existing.Count == 0)
        {
            return new[] { value };
        }

        comparer ??= EqualityComparer<T>.Default;
        return existing.Contains(value, comparer) ? existing : existing.Prepend(value).ToArray();
    }
}
