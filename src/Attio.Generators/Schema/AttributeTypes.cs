namespace Attio.Generators.Schema;

/// <summary>How each Attio attribute type appears in generated code: the .NET type, the runtime codec and the enum member.</summary>
internal sealed record AttributeTypeInfo(string ApiName, string EnumMember, string ClrType, bool IsValueType, string? Codec);

internal static class AttributeTypes
{
    private static readonly AttributeTypeInfo[] All =
    {
        new("text", "Text", "string", false, "Text"),
        new("number", "Number", "double", true, "Number"),
        new("checkbox", "Checkbox", "bool", true, "Checkbox"),
        new("currency", "Currency", "decimal", true, "Currency"),
        new("date", "Date", "global::System.DateOnly", true, "Date"),
        new("timestamp", "Timestamp", "global::System.DateTimeOffset", true, "Timestamp"),
        new("rating", "Rating", "int", true, "Rating"),
        new("status", "Status", "global::Attio.StatusOption", true, "Status"),
        new("select", "Select", "global::Attio.SelectOption", true, "Select"),
        new("record-reference", "RecordReference", "global::Attio.RecordReference", false, "RecordReference"),
        new("actor-reference", "ActorReference", "global::Attio.ActorReference", false, "ActorReference"),
        new("location", "Location", "global::Attio.Location", false, "Location"),
        new("domain", "Domain", "string", false, "Domain"),
        new("email-address", "EmailAddress", "string", false, "EmailAddress"),
        new("phone-number", "PhoneNumber", "global::Attio.PhoneNumber", false, "PhoneNumber"),
        new("interaction", "Interaction", "object", false, null),
        new("personal-name", "PersonalName", "global::Attio.PersonalName", false, "PersonalName"),
    };

    public static bool IsKnown(string apiName) => Find(apiName) is not null;

    public static AttributeTypeInfo? Find(string apiName)
    {
        foreach (var info in All)
        {
            if (info.ApiName == apiName)
            {
                return info;
            }
        }

        return null;
    }
}
