namespace Attio;

/// <summary>The 17 attribute types of Attio's REST API v2, named as the API spells them in <c>type</c>.</summary>
public enum AttioAttributeType
{
    /// <summary><c>text</c></summary>
    Text,
    /// <summary><c>number</c></summary>
    Number,
    /// <summary><c>checkbox</c></summary>
    Checkbox,
    /// <summary><c>currency</c></summary>
    Currency,
    /// <summary><c>date</c></summary>
    Date,
    /// <summary><c>timestamp</c></summary>
    Timestamp,
    /// <summary><c>rating</c></summary>
    Rating,
    /// <summary><c>status</c></summary>
    Status,
    /// <summary><c>select</c></summary>
    Select,
    /// <summary><c>record-reference</c></summary>
    RecordReference,
    /// <summary><c>actor-reference</c></summary>
    ActorReference,
    /// <summary><c>location</c></summary>
    Location,
    /// <summary><c>domain</c></summary>
    Domain,
    /// <summary><c>email-address</c></summary>
    EmailAddress,
    /// <summary><c>phone-number</c></summary>
    PhoneNumber,
    /// <summary><c>interaction</c> (read-only: only Attio writes it)</summary>
    Interaction,
    /// <summary><c>personal-name</c></summary>
    PersonalName,
}

/// <summary>Conversions between <see cref="AttioAttributeType"/> and the API's type names.</summary>
public static class AttioAttributeTypes
{
    /// <summary>The API's name for <paramref name="type"/>, e.g. <c>email-address</c>.</summary>
    public static string ToApiName(this AttioAttributeType type) => type switch
    {
        AttioAttributeType.Text => "text",
        AttioAttributeType.Number => "number",
        AttioAttributeType.Checkbox => "checkbox",
        AttioAttributeType.Currency => "currency",
        AttioAttributeType.Date => "date",
        AttioAttributeType.Timestamp => "timestamp",
        AttioAttributeType.Rating => "rating",
        AttioAttributeType.Status => "status",
        AttioAttributeType.Select => "select",
        AttioAttributeType.RecordReference => "record-reference",
        AttioAttributeType.ActorReference => "actor-reference",
        AttioAttributeType.Location => "location",
        AttioAttributeType.Domain => "domain",
        AttioAttributeType.EmailAddress => "email-address",
        AttioAttributeType.PhoneNumber => "phone-number",
        AttioAttributeType.Interaction => "interaction",
        AttioAttributeType.PersonalName => "personal-name",
        _ => type.ToString(),
    };

    /// <summary>Parses an API type name; false when Attio added a type this version does not know.</summary>
    public static bool TryParse(string? apiName, out AttioAttributeType type)
    {
        foreach (AttioAttributeType candidate in Enum.GetValues<AttioAttributeType>())
        {
            if (string.Equals(candidate.ToApiName(), apiName, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }
}
