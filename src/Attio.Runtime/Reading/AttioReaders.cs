using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace Attio.Internal;

/// <summary>
/// One reader per writable attribute type, reading the form Attio returns (e.g. <c>{"option":{"title":"Won"}}</c>) into the
/// type its codec writes. Generated <c>From(AttioStoredRecord)</c> methods wire each attribute to its reader.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AttioReaders
{
    /// <summary><c>text</c>: <c>value</c>.</summary>
    public static IAttioValueReader<string> Text { get; } = new Reader<string>(v => String(v, "value"));
    /// <summary><c>number</c>: <c>value</c>.</summary>
    public static IAttioValueReader<double> Number { get; } = new Reader<double>(v => Field(v, "value", JsonValueKind.Number).GetDouble());
    /// <summary><c>checkbox</c>: <c>value</c>.</summary>
    public static IAttioValueReader<bool> Checkbox { get; } = new Reader<bool>(v => Field(v, "value", JsonValueKind.True, JsonValueKind.False).GetBoolean());
    /// <summary><c>currency</c>: <c>currency_value</c>.</summary>
    public static IAttioValueReader<decimal> Currency { get; } = new Reader<decimal>(v => Field(v, "currency_value", JsonValueKind.Number).GetDecimal());
    /// <summary><c>date</c>: <c>value</c>, <c>yyyy-MM-dd</c>.</summary>
    public static IAttioValueReader<DateOnly> Date { get; } =
        new Reader<DateOnly>(v => DateOnly.ParseExact(String(v, "value"), "yyyy-MM-dd", CultureInfo.InvariantCulture));
    /// <summary><c>timestamp</c>: <c>value</c>, ISO 8601.</summary>
    public static IAttioValueReader<DateTimeOffset> Timestamp { get; } =
        new Reader<DateTimeOffset>(v => DateTimeOffset.Parse(String(v, "value"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    /// <summary><c>rating</c>: <c>value</c>.</summary>
    public static IAttioValueReader<int> Rating { get; } = new Reader<int>(v => Field(v, "value", JsonValueKind.Number).GetInt32());
    /// <summary><c>status</c>: the status's title.</summary>
    public static IAttioValueReader<StatusOption> Status { get; } = new Reader<StatusOption>(v => StatusOption.FromTitle(String(Field(v, "status", JsonValueKind.Object), "title")));
    /// <summary><c>select</c>: the option's title.</summary>
    public static IAttioValueReader<SelectOption> Select { get; } = new Reader<SelectOption>(v => SelectOption.FromTitle(String(Field(v, "option", JsonValueKind.Object), "title")));
    /// <summary><c>record-reference</c>: target object and record id.</summary>
    public static IAttioValueReader<RecordReference> RecordReference { get; } =
        new Reader<RecordReference>(v => Attio.RecordReference.ById(String(v, "target_object"), String(v, "target_record_id")));
    /// <summary><c>actor-reference</c>: the workspace member's id.</summary>
    public static IAttioValueReader<ActorReference> ActorReference { get; } =
        new Reader<ActorReference>(v => Attio.ActorReference.ById(Guid.Parse(String(v, "referenced_actor_id"))));
    /// <summary><c>location</c>: the ten keys, absent ones null.</summary>
    public static IAttioValueReader<Location> Location { get; } = new Reader<Location>(v => new Location
    {
        Line1 = OptionalString(v, "line_1"), Line2 = OptionalString(v, "line_2"), Line3 = OptionalString(v, "line_3"),
        Line4 = OptionalString(v, "line_4"), Locality = OptionalString(v, "locality"), Region = OptionalString(v, "region"),
        Postcode = OptionalString(v, "postcode"), CountryCode = OptionalString(v, "country_code"),
        Latitude = OptionalString(v, "latitude"), Longitude = OptionalString(v, "longitude"),
    });
    /// <summary><c>domain</c>: <c>domain</c>.</summary>
    public static IAttioValueReader<string> Domain { get; } = new Reader<string>(v => String(v, "domain"));
    /// <summary><c>email-address</c>: <c>email_address</c>.</summary>
    public static IAttioValueReader<string> EmailAddress { get; } = new Reader<string>(v => String(v, "email_address"));
    /// <summary><c>phone-number</c>: the normalised E.164 <c>phone_number</c> and its <c>country_code</c>.</summary>
    public static IAttioValueReader<PhoneNumber> PhoneNumber { get; } =
        new Reader<PhoneNumber>(v => new PhoneNumber(String(v, "phone_number"), OptionalString(v, "country_code")));
    /// <summary><c>personal-name</c>: first, last and full name.</summary>
    public static IAttioValueReader<PersonalName> PersonalName { get; } =
        new Reader<PersonalName>(v => new PersonalName(OptionalString(v, "first_name") ?? "", OptionalString(v, "last_name") ?? "", OptionalString(v, "full_name")));

    /// <summary>The first stored value of <paramref name="attribute"/>, when it has one.</summary>
    public static bool TryRead<T>(AttioStoredRecord stored, AttioAttributeInfo attribute, IAttioValueReader<T> reader, out T value)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(reader);
        IReadOnlyList<JsonElement> values = stored.GetValues(attribute.Slug);
        value = values.Count == 0 ? default! : ReadOne(attribute, values[0], reader);
        return values.Count > 0;
    }

    /// <summary>Every stored value of <paramref name="attribute"/>, when it has any.</summary>
    public static bool TryReadMany<T>(AttioStoredRecord stored, AttioAttributeInfo attribute, IAttioValueReader<T> reader, out IReadOnlyList<T> values)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(reader);
        IReadOnlyList<JsonElement> storedValues = stored.GetValues(attribute.Slug);
        var read = new T[storedValues.Count];
        for (int i = 0; i < read.Length; i++)
        {
            read[i] = ReadOne(attribute, storedValues[i], reader);
        }

        values = read;
        return read.Length > 0;
    }

    // A response that does not hold what the attribute's type promises is a schema/workspace mismatch: name the attribute.
    private static T ReadOne<T>(AttioAttributeInfo attribute, JsonElement value, IAttioValueReader<T> reader)
    {
        try
        {
            return reader.Read(value);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw new FormatException(
                $"{attribute.ObjectSlug}.{attribute.Slug} ({attribute.Type.ToApiName()}): the stored value {value.GetRawText()} is not in the form expected: {e.Message}", e);
        }
    }

    private static JsonElement Field(JsonElement value, string name, params JsonValueKind[] kinds)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out JsonElement field) || !kinds.Contains(field.ValueKind))
        {
            throw new FormatException($"expected \"{name}\" as {string.Join(" or ", kinds)}");
        }

        return field;
    }

    private static string String(JsonElement value, string name) => Field(value, name, JsonValueKind.String).GetString()!;

    private static string? OptionalString(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out JsonElement field) && field.ValueKind == JsonValueKind.String
            ? field.GetString()
            : null;

    private sealed class Reader<T>(Func<JsonElement, T> read) : IAttioValueReader<T>
    {
        public T Read(JsonElement value) => read(value);
    }
}
