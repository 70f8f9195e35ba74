using System.Buffers;
using System.Text.Json;

namespace Attio;

/// <summary>
/// Base of the typed records generated from the workspace schema (one class per Attio object).
/// A record knows which attributes were set, cleared or left alone, validates them with Attio's rules
/// and writes the request body without reflection.
/// </summary>
public abstract class AttioRecord
{
    /// <summary>The object's <c>api_slug</c>, e.g. <c>people</c>.</summary>
    public abstract string ObjectSlug { get; }

    /// <summary>The state of the attribute with <paramref name="attributeSlug"/>: not set, set or cleared.</summary>
    public abstract AttioFieldState GetState(string attributeSlug);

    /// <summary>Adds one error per invalid value to <paramref name="errors"/>.</summary>
    public abstract void CollectValidationErrors(AttioValidationErrors errors);

    /// <summary>Writes the members of <c>data.values</c>: one property per set or cleared attribute.</summary>
    public abstract void WriteValues(Utf8JsonWriter writer);

    /// <summary>
    /// Every writable attribute of the object (slug, type, multiselect), so that generic code such as the bulk
    /// sender can merge and key records without reflection.
    /// </summary>
    public virtual IReadOnlyList<AttioAttributeInfo> GetAttributeInfos() => Array.Empty<AttioAttributeInfo>();

    /// <summary>
    /// The values set or cleared on this record, one per attribute in the order the record writes them, typed as the record
    /// holds them (what a write plan carries and the sender merges).
    /// </summary>
    public IReadOnlyList<AttioPlanValue> GetSetValues() => RecordValueCapture.Read(this, new AttioValidationErrors());

    /// <summary>Every validation error of this record; empty when it can be sent.</summary>
    public IReadOnlyList<AttioValidationError> GetValidationErrors()
    {
        var errors = new AttioValidationErrors();
        CollectValidationErrors(errors);
        return errors.Errors;
    }

    /// <summary>Throws <see cref="AttioValidationException"/> listing every invalid value.</summary>
    public void Validate()
    {
        var errors = new AttioValidationErrors();
        CollectValidationErrors(errors);
        errors.ThrowIfAny();
    }

    /// <summary>Writes the whole request body: <c>{"data":{"values":{...}}}</c>.</summary>
    public void WriteRequestBody(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStartObject("data");
        writer.WriteStartObject("values");
        WriteValues(writer);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The request body as UTF-8 JSON.</summary>
    public byte[] ToRequestBody()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteRequestBody(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
