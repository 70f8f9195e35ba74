using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Attio;

/// <summary>
/// One value of a plan in the plan's JSON, per attribute type. This is the plan's own form, not Attio's wire form: it keeps
/// what the wire form drops (a timestamp's offset, whether an option is named by id, a reference's match type), so a
/// plan read back is the plan that was written.
/// </summary>
internal static class AttioPlanItemJson
{
    public static JsonElement Write(AttioAttributeType type, object item)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteItem(writer, type, item);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    public static AttioPlanValue Read(AttioAttributeInfo info, IReadOnlyList<JsonElement> items) => info.Type switch
    {
        AttioAttributeType.Text => Typed(info, items, i => i.GetString()!, AttioCodecs.Text),
        AttioAttributeType.Domain => Typed(info, items, i => i.GetString()!, AttioCodecs.Domain),
        AttioAttributeType.EmailAddress => Typed(info, items, i => i.GetString()!, AttioCodecs.EmailAddress),
        AttioAttributeType.Number => Typed(info, items, ReadDouble, AttioCodecs.Number),
        AttioAttributeType.Checkbox => Typed(info, items, i => i.GetBoolean(), AttioCodecs.Checkbox),
        AttioAttributeType.Currency => Typed(info, items, i => i.GetDecimal(), AttioCodecs.Currency),
        AttioAttributeType.Date => Typed(info, items, i => DateOnly.ParseExact(i.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture), AttioCodecs.Date),
        AttioAttributeType.Timestamp => Typed(info, items, i => DateTimeOffset.ParseExact(i.GetString()!, "O", CultureInfo.InvariantCulture), AttioCodecs.Timestamp),
        AttioAttributeType.Rating => Typed(info, items, i => i.GetInt32(), AttioCodecs.Rating),
        AttioAttributeType.Status => Typed(info, items, i => Bool(i, "is_id") ? StatusOption.FromId(Guid.Parse(Text(i, "reference")!)) : StatusOption.FromTitle(Text(i, "reference")!), AttioCodecs.Status),
        AttioAttributeType.Select => Typed(info, items, i => Bool(i, "is_id") ? SelectOption.FromId(Guid.Parse(Text(i, "reference")!)) : SelectOption.FromTitle(Text(i, "reference")!), AttioCodecs.Select),
        AttioAttributeType.RecordReference => Typed(info, items, ReadReference, AttioCodecs.RecordReference),
        AttioAttributeType.ActorReference => Typed(info, items, i => Text(i, "id") is { } id ? ActorReference.ById(Guid.Parse(id)) : ActorReference.ByEmail(Text(i, "email")!), AttioCodecs.ActorReference),
        AttioAttributeType.Location => Typed(info, items, ReadLocation, AttioCodecs.Location),
        AttioAttributeType.PhoneNumber => Typed(info, items, i => new PhoneNumber(Text(i, "number")!, Text(i, "country_code")), AttioCodecs.PhoneNumber),
        AttioAttributeType.PersonalName => Typed(info, items, i => new PersonalName(Text(i, "first_name")!, Text(i, "last_name")!, Text(i, "full_name")), AttioCodecs.PersonalName),
        _ => throw new FormatException($"{info} cannot be written (a plan never holds values of type {info.Type.ToApiName()})"),
    };

    private static AttioPlanValue Typed<T>(AttioAttributeInfo info, IReadOnlyList<JsonElement> items, Func<JsonElement, T> read, IAttioValueCodec<T> codec)
    {
        var values = new T[items.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = read(items[i]);
        }

        // A read-only attribute keeps its read-only codec, so running the plan reports it as the record did.
        return AttioPlanValue.Of(info, values, info.IsWritable ? codec : AttioCodecs.ReadOnly<T>(info.Type));
    }

    private static void WriteItem(Utf8JsonWriter writer, AttioAttributeType type, object item)
    {
        switch (item)
        {
            case string text:
                writer.WriteStringValue(text);
                break;
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteStringValue(number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case decimal amount:
                writer.WriteNumberValue(amount);
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset moment:
                writer.WriteStringValue(moment.ToString("O", CultureInfo.InvariantCulture));
                break;
            case int rating:
                writer.WriteNumberValue(rating);
                break;
            case StatusOption status:
                WriteOption(writer, status.Reference, status.IsId);
                break;
            case SelectOption option:
                WriteOption(writer, option.Reference, option.IsId);
                break;
            case RecordReference reference:
                writer.WriteStartObject();
                writer.WriteString("target_object", reference.TargetObject);
                WriteIfSet(writer, "record_id", reference.RecordId?.ToString());
                WriteIfSet(writer, "matching_attribute", reference.MatchingAttribute);
                WriteIfSet(writer, "matching_value", reference.MatchingValue);
                WriteIfSet(writer, "matching_type", reference.MatchingAttributeType?.ToApiName());
                writer.WriteEndObject();
                break;
            case ActorReference actor:
                writer.WriteStartObject();
                WriteIfSet(writer, "email", actor.MemberEmail);
                WriteIfSet(writer, "id", actor.MemberId?.ToString());
                writer.WriteEndObject();
                break;
            case Location location:
                WriteLocation(writer, location);
                break;
            case PhoneNumber phone:
                writer.WriteStartObject();
                writer.WriteString("number", phone.Number);
                WriteIfSet(writer, "country_code", phone.CountryCode);
                writer.WriteEndObject();
                break;
            case PersonalName name:
                writer.WriteStartObject();
                writer.WriteString("first_name", name.FirstName);
                writer.WriteString("last_name", name.LastName);
                writer.WriteString("full_name", name.FullName);
                writer.WriteEndObject();
                break;
            default:
                throw new NotSupportedException($"A plan value of type {type.ToApiName()} ({item.GetType().Name}) has no JSON form.");
        }
    }

    private static void WriteOption(Utf8JsonWriter writer, string reference, bool isId)
    {
        writer.WriteStartObject();
        writer.WriteString("reference", reference);
        if (isId)
        {
            writer.WriteBoolean("is_id", true);
        }

        writer.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter writer, Location l)
    {
        writer.WriteStartObject();
        WriteIfSet(writer, "line_1", l.Line1);
        WriteIfSet(writer, "line_2", l.Line2);
        WriteIfSet(writer, "line_3", l.Line3);
        WriteIfSet(writer, "line_4", l.Line4);
        WriteIfSet(writer, "locality", l.Locality);
        WriteIfSet(writer, "region", l.Region);
        WriteIfSet(writer, "postcode", l.Postcode);
        WriteIfSet(writer, "country_code", l.CountryCode);
        WriteIfSet(writer, "latitude", l.Latitude);
        WriteIfSet(writer, "longitude", l.Longitude);
        writer.WriteEndObject();
    }

    private static Location ReadLocation(JsonElement i) => new()
    {
        Line1 = Text(i, "line_1"),
        Line2 = Text(i, "line_2"),
        Line3 = Text(i, "line_3"),
        Line4 = Text(i, "line_4"),
        Locality = Text(i, "locality"),
        Region = Text(i, "region"),
        Postcode = Text(i, "postcode"),
        CountryCode = Text(i, "country_code"),
        Latitude = Text(i, "latitude"),
        Longitude = Text(i, "longitude"),
    };

    private static RecordReference ReadReference(JsonElement i)
    {
        string target = Text(i, "target_object")!;
        if (Text(i, "record_id") is { } id)
        {
            return RecordReference.ById(target, Guid.Parse(id));
        }

        string? typeName = Text(i, "matching_type");
        return typeName is not null && AttioAttributeTypes.TryParse(typeName, out var type)
            ? RecordReference.ByMatch(target, Text(i, "matching_attribute")!, type, Text(i, "matching_value")!)
            : RecordReference.ByMatch(target, Text(i, "matching_attribute")!, Text(i, "matching_value")!);
    }

    private static double ReadDouble(JsonElement i) =>
        i.ValueKind == JsonValueKind.String ? double.Parse(i.GetString()!, CultureInfo.InvariantCulture) : i.GetDouble();

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Bool(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
