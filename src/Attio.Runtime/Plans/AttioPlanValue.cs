using System.ComponentModel;
using System.Text.Json;

namespace Attio;

/// <summary>
/// The values a plan writes for one attribute: what a typed record had set (or cleared), kept as typed values so that
/// merging compares values, and written to the request body once, by the attribute type's codec.
/// </summary>
public abstract class AttioPlanValue
{
    private protected AttioPlanValue(AttioAttributeInfo attribute) => Attribute = attribute;

    /// <summary>The attribute (object, slug, type, multiselect).</summary>
    public AttioAttributeInfo Attribute { get; }

    /// <summary>The attribute's slug.</summary>
    public string Slug => Attribute.Slug;

    /// <summary>How many values are written; zero is a clear.</summary>
    public abstract int Count { get; }

    /// <summary>True when the attribute is cleared (written as <c>[]</c>).</summary>
    public bool IsClear => Count == 0;

    /// <summary>The values as objects (strings, numbers, <see cref="PersonalName"/>, ...), in order.</summary>
    public abstract IReadOnlyList<object?> Items { get; }

    /// <summary>A clear of <paramref name="attribute"/>.</summary>
    public static AttioPlanValue Clear(AttioAttributeInfo attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return new ClearedPlanValue(attribute);
    }

    /// <summary>One value of <paramref name="attribute"/>, written by <paramref name="codec"/>.</summary>
    // Takes a codec, which only the runtime and generated code hold.
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static AttioPlanValue Of<T>(AttioAttributeInfo attribute, T value, IAttioValueCodec<T> codec) =>
        Of(attribute, new[] { value }, codec);

    /// <summary>The values of <paramref name="attribute"/>, written by <paramref name="codec"/>; none is a clear.</summary>
    // Takes a codec, which only the runtime and generated code hold.
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static AttioPlanValue Of<T>(AttioAttributeInfo attribute, IReadOnlyList<T> values, IAttioValueCodec<T> codec)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(codec);
        return values.Count == 0 ? new ClearedPlanValue(attribute) : new AttioPlanValue<T>(attribute, values, codec);
    }

    /// <summary>Writes <c>"slug": [...]</c>, or the clear <see cref="AttioFields.WriteClear"/> chooses for the attribute.</summary>
    internal void WriteProperty(Utf8JsonWriter writer)
    {
        if (IsClear)
        {
            AttioFields.WriteClear(writer, Attribute);
            return;
        }

        writer.WriteStartArray(Attribute.Slug);
        WriteItems(writer);
        writer.WriteEndArray();
    }

    /// <summary>Writes each value in Attio's wire form.</summary>
    internal abstract void WriteItems(Utf8JsonWriter writer);

    /// <summary>Checks every value with the codec's rules (a plan read from JSON is checked again before it runs).</summary>
    internal abstract void Validate(AttioValidationErrors errors);

    /// <summary>These values followed by those of <paramref name="other"/> not already here (Attio's append).</summary>
    internal abstract AttioPlanValue Union(AttioPlanValue other);

    /// <summary>Whether <paramref name="item"/> is one of the values (emails and domains compared without case).</summary>
    internal abstract bool ContainsItem(object? item);

    /// <summary>A copy with <paramref name="item"/> first unless it is already there.</summary>
    internal abstract AttioPlanValue WithFirst(object item);

    /// <summary>The normalised text of the first value, used to key the record it finds (emails and domains lower-cased).</summary>
    internal string? KeyText() => Count == 0 ? null : AttioPlanKeys.Normalise(Attribute.Type, Items[0]);

    /// <inheritdoc />
    public override string ToString() => $"{Attribute.ObjectSlug}.{Slug} = " + (IsClear ? "[] (clear)" : "[" + string.Join(", ", Items) + "]");
}

/// <summary>The values of one attribute, typed as the record held them.</summary>
/// <typeparam name="T">The value type (string, double, <see cref="Location"/>, ...).</typeparam>
public sealed class AttioPlanValue<T> : AttioPlanValue
{
    internal AttioPlanValue(AttioAttributeInfo attribute, IReadOnlyList<T> values, IAttioValueCodec<T> codec)
        : base(attribute)
    {
        Values = values;
        Codec = codec;
    }

    /// <summary>The values, in order.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>The codec that validates and writes them.</summary>
    internal IAttioValueCodec<T> Codec { get; }

    /// <inheritdoc />
    public override int Count => Values.Count;

    /// <inheritdoc />
    public override IReadOnlyList<object?> Items => Values.Select(v => (object?)v).ToArray();

    internal override void WriteItems(Utf8JsonWriter writer)
    {
        for (int i = 0; i < Values.Count; i++)
        {
            Codec.Write(writer, Values[i]);
        }
    }

    internal override void Validate(AttioValidationErrors errors)
    {
        if (!Attribute.IsMultiselect && Values.Count > 1)
        {
            errors.Add(Attribute, $"{Values.Count} values", "a single value (the attribute is not multiselect)");
        }

        foreach (T value in Values)
        {
            if (value is null)
            {
                errors.Add(Attribute, null, "no null elements in the collection (assign null to the property to clear it)");
                continue;
            }

            Codec.Validate(Attribute, value, errors);
        }
    }

    internal override AttioPlanValue Union(AttioPlanValue other)
    {
        if (other is not AttioPlanValue<T> typed)
        {
            return other.IsClear ? this : other;
        }

        var merged = new List<T>(Values);
        foreach (T item in typed.Values)
        {
            if (!ContainsItem(item))
            {
                merged.Add(item);
            }
        }

        return merged.Count == Values.Count ? this : new AttioPlanValue<T>(Attribute, merged, Codec);
    }

    internal override bool ContainsItem(object? item)
    {
        if (item is not T wanted)
        {
            return false;
        }

        foreach (T value in Values)
        {
            if (AttioPlanKeys.SameValue(Attribute.Type, value, wanted))
            {
                return true;
            }
        }

        return false;
    }

    internal override AttioPlanValue WithFirst(object item) =>
        ContainsItem(item) ? this : new AttioPlanValue<T>(Attribute, Values.Prepend((T)item).ToArray(), Codec);
}

/// <summary>A cleared attribute (written by <see cref="AttioFields.WriteClear"/>).</summary>
internal sealed class ClearedPlanValue(AttioAttributeInfo attribute) : AttioPlanValue(attribute)
{
    public override int Count => 0;

    public override IReadOnlyList<object?> Items => Array.Empty<object?>();

    internal override void WriteItems(Utf8JsonWriter writer)
    {
    }

    internal override void Validate(AttioValidationErrors errors) => AttioFields.CheckWritable(Attribute, AttioFieldState.Cleared, errors);

    internal override AttioPlanValue Union(AttioPlanValue other) => other;

    internal override bool ContainsItem(object? item) => false;

    internal override AttioPlanValue WithFirst(object item) =>
        throw new InvalidOperationException($"{Attribute} is cleared; a key value needs a typed value.");
}

/// <summary>
/// Values of a record that does not write through <see cref="AttioFields"/> (a hand-written record): kept as the JSON the
/// record wrote, since their .NET types are unknown.
/// </summary>
internal sealed class RawPlanValue(AttioAttributeInfo attribute, IReadOnlyList<JsonElement> items) : AttioPlanValue(attribute)
{
    public IReadOnlyList<JsonElement> RawItems { get; } = items;

    public override int Count => RawItems.Count;

    public override IReadOnlyList<object?> Items => RawItems.Select(i => (object?)i.GetRawText()).ToArray();

    internal override void WriteItems(Utf8JsonWriter writer)
    {
        foreach (JsonElement item in RawItems)
        {
            item.WriteTo(writer);
        }
    }

    internal override void Validate(AttioValidationErrors errors)
    {
    }

    internal override AttioPlanValue Union(AttioPlanValue other)
    {
        if (other is not RawPlanValue raw)
        {
            return other.IsClear ? this : other;
        }

        var seen = new HashSet<string>(RawItems.Select(i => i.GetRawText()), StringComparer.Ordinal);
        var merged = RawItems.ToList();
        merged.AddRange(raw.RawItems.Where(i => seen.Add(i.GetRawText())));
        return new RawPlanValue(Attribute, merged);
    }

    internal override bool ContainsItem(object? item) => false;

    internal override AttioPlanValue WithFirst(object item) =>
        throw new InvalidOperationException($"{Attribute} was written by a hand-written record; a key value needs a typed value.");
}
