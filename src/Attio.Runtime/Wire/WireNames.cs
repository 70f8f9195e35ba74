using System.Text.Json;

namespace Attio;

/// <summary>
/// Property names of Attio's value objects, encoded once: writing a pre-encoded name skips the escaping check
/// the writer does for every string name, which is most of the cost of a small value object.
/// </summary>
internal static class WireNames
{
    public static readonly JsonEncodedText CountryCode = JsonEncodedText.Encode("country_code");
    public static readonly JsonEncodedText CurrencyValue = JsonEncodedText.Encode("currency_value");
    public static readonly JsonEncodedText Domain = JsonEncodedText.Encode("domain");
    public static readonly JsonEncodedText EmailAddress = JsonEncodedText.Encode("email_address");
    public static readonly JsonEncodedText FirstName = JsonEncodedText.Encode("first_name");
    public static readonly JsonEncodedText FullName = JsonEncodedText.Encode("full_name");
    public static readonly JsonEncodedText LastName = JsonEncodedText.Encode("last_name");
    public static readonly JsonEncodedText Latitude = JsonEncodedText.Encode("latitude");
    public static readonly JsonEncodedText Line1 = JsonEncodedText.Encode("line_1");
    public static readonly JsonEncodedText Line2 = JsonEncodedText.Encode("line_2");
    public static readonly JsonEncodedText Line3 = JsonEncodedText.Encode("line_3");
    public static readonly JsonEncodedText Line4 = JsonEncodedText.Encode("line_4");
    public static readonly JsonEncodedText Locality = JsonEncodedText.Encode("locality");
    public static readonly JsonEncodedText Longitude = JsonEncodedText.Encode("longitude");
    public static readonly JsonEncodedText Option = JsonEncodedText.Encode("option");
    public static readonly JsonEncodedText OriginalPhoneNumber = JsonEncodedText.Encode("original_phone_number");
    public static readonly JsonEncodedText Postcode = JsonEncodedText.Encode("postcode");
    public static readonly JsonEncodedText ReferencedActorId = JsonEncodedText.Encode("referenced_actor_id");
    public static readonly JsonEncodedText ReferencedActorType = JsonEncodedText.Encode("referenced_actor_type");
    public static readonly JsonEncodedText Region = JsonEncodedText.Encode("region");
    public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    public static readonly JsonEncodedText TargetObject = JsonEncodedText.Encode("target_object");
    public static readonly JsonEncodedText TargetRecordId = JsonEncodedText.Encode("target_record_id");
    public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    public static readonly JsonEncodedText WorkspaceMemberEmailAddress = JsonEncodedText.Encode("workspace_member_email_address");
}
