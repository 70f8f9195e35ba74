using System.Text.Json;
using Attio.Internal;

namespace Attio.Runtime.Tests.Infrastructure;

/// <summary>
/// A hand-written typed record in the shape the source generator emits: one state per attribute, values validated and
/// written through the runtime's codecs. Tests set fields through <see cref="Set{T}"/>, <see cref="SetMany{T}"/> and <see cref="Clear"/>.
/// </summary>
internal abstract class TestRecord : AttioRecord
{
    private readonly Dictionary<string, IField> _fields = new(StringComparer.Ordinal);

    public override AttioFieldState GetState(string attributeSlug) =>
        _fields.TryGetValue(attributeSlug, out var field) ? field.State : AttioFieldState.NotSet;

    public override void CollectValidationErrors(AttioValidationErrors errors)
    {
        foreach (var field in _fields.Values)
        {
            field.Validate(errors);
        }
    }

    public override void WriteValues(Utf8JsonWriter writer)
    {
        foreach (var field in _fields.Values)
        {
            field.Write(writer);
        }
    }

    public void Set<T>(AttioAttributeInfo attribute, IAttioValueCodec<T> codec, T value) =>
        _fields[attribute.Slug] = new Single<T>(attribute, codec, AttioFieldState.Set, value);

    public void SetMany<T>(AttioAttributeInfo attribute, IAttioValueCodec<T> codec, IReadOnlyCollection<T>? values) =>
        _fields[attribute.Slug] = new Many<T>(attribute, codec, AttioFields.StateOfMany(values), values);

    public void Clear(AttioAttributeInfo attribute) =>
        _fields[attribute.Slug] = new Cleared(attribute);

    private interface IField
    {
        AttioFieldState State { get; }

        void Validate(AttioValidationErrors errors);

        void Write(Utf8JsonWriter writer);
    }

    private sealed record Single<T>(AttioAttributeInfo Attribute, IAttioValueCodec<T> Codec, AttioFieldState State, T Value) : IField
    {
        public void Validate(AttioValidationErrors errors) => AttioFields.Validate(Attribute, State, Value, Codec, errors);

        public void Write(Utf8JsonWriter writer) => AttioFields.Write(writer, Attribute, State, Value, Codec);
    }

    private sealed record Many<T>(AttioAttributeInfo Attribute, IAttioValueCodec<T> Codec, AttioFieldState State, IReadOnlyCollection<T>? Values) : IField
    {
        public void Validate(AttioValidationErrors errors) => AttioFields.ValidateMany(Attribute, State, Values, Codec, errors);

        public void Write(Utf8JsonWriter writer) => AttioFields.WriteMany(writer, Attribute, State, Values, Codec);
    }

    private sealed record Cleared(AttioAttributeInfo Attribute) : IField
    {
        public AttioFieldState State => AttioFieldState.Cleared;

        public void Validate(AttioValidationErrors errors) => AttioFields.CheckWritable(Attribute, State, errors);

        public void Write(Utf8JsonWriter writer) => AttioFields.WriteClear(writer, Attribute);
    }
}
