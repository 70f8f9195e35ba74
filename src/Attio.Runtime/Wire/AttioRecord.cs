using System.ComponentModel;
using System.Buffers;
using System.Text.Encodings.Web;
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
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract AttioFieldState GetState(string attributeSlug);

    /// <summary>Adds one error per invalid value to <paramref name="errors"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract void CollectValidationErrors(AttioValidationErrors errors);

    /// <summary>Writes the members of <c>data.values</c>: one property per set or cleared attribute.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
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

    /// <summary>
    /// Every validation error of this record as the values of a new record: the values' own errors, plus one for each
    /// required attribute (<c>is_required</c>) without a value, which Attio refuses with <c>missing_value</c>.
    /// Only a create needs this: an assert or update may meet a record that already holds the required values.
    /// </summary>
    public IReadOnlyList<AttioValidationError> GetCreateValidationErrors()
    {
        var errors = new AttioValidationErrors();
        CollectValidationErrors(errors);
        CollectMissingRequired(errors);
        return errors.Errors;
    }

    /// <summary>Throws <see cref="AttioValidationException"/> when the record cannot be created (see <see cref="GetCreateValidationErrors"/>).</summary>
    public void ValidateForCreate()
    {
        var errors = new AttioValidationErrors();
        CollectValidationErrors(errors);
        CollectMissingRequired(errors);
        errors.ThrowIfAny();
    }

    /// <summary>Adds an error for each required, writable attribute that has no value on this record.</summary>
    internal void CollectMissingRequired(AttioValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (AttioAttributeInfo attribute in GetAttributeInfos())
        {
            if (attribute.IsRequired && attribute.IsWritable && GetState(attribute.Slug) != AttioFieldState.Set)
            {
                errors.Add(attribute, GetState(attribute.Slug) == AttioFieldState.Cleared ? "null (clear)" : null,
                    "a value: the attribute is required (is_required), so Attio refuses to create a record without it");
            }
        }
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

    /// <summary>
    /// How request bodies are written: non-ASCII text as UTF-8 rather than <c>\u00E9</c> escapes (up to six times
    /// smaller), while everything JSON requires (quotes, backslashes, control characters) is still escaped. The body
    /// goes to Attio's API, never into HTML, so the HTML-safe escaping of the default encoder buys nothing.
    /// </summary>
    public static JsonWriterOptions RequestWriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The request body as UTF-8 JSON.</summary>
    public byte[] ToRequestBody()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, RequestWriterOptions))
        {
            WriteRequestBody(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
