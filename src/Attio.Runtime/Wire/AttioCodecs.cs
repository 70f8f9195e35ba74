using System.Globalization;
using System.Text.Json;

namespace Attio;

/// <summary>
/// One codec per writable attribute type. Each validates a value against Attio's rules and writes it in the
/// explicit object form of Attio's API (e.g. <c>{"email_address":"a@b.com"}</c>), which leaves Attio nothing to guess.
/// </summary>
public static class AttioCodecs
{
    /// <summary><c>text</c>: any string up to 10 MB.</summary>
    public static IAttioValueCodec<string> Text { get; } = new TextCodec();
    /// <summary><c>number</c>: a finite double.</summary>
    public static IAttioValueCodec<double> Number { get; } = new NumberCodec();
    /// <summary><c>checkbox</c>: true or false.</summary>
    public static IAttioValueCodec<bool> Checkbox { get; } = new CheckboxCodec();
    /// <summary><c>currency</c>: a decimal with at most 4 decimal places.</summary>
    public static IAttioValueCodec<decimal> Currency { get; } = new CurrencyCodec();
    /// <summary><c>date</c>: a calendar date.</summary>
    public static IAttioValueCodec<DateOnly> Date { get; } = new DateCodec();
    /// <summary><c>timestamp</c>: an instant, sent in UTC.</summary>
    public static IAttioValueCodec<DateTimeOffset> Timestamp { get; } = new TimestampCodec();
    /// <summary><c>rating</c>: an integer from 0 to 5.</summary>
    public static IAttioValueCodec<int> Rating { get; } = new RatingCodec();
    /// <summary><c>status</c>: a status by title or id.</summary>
    public static IAttioValueCodec<StatusOption> Status { get; } = new StatusCodec();
    /// <summary><c>select</c>: an option by title or id.</summary>
    public static IAttioValueCodec<SelectOption> Select { get; } = new SelectCodec();
    /// <summary><c>record-reference</c>: a record by id or by a unique attribute's value.</summary>
    public static IAttioValueCodec<RecordReference> RecordReference { get; } = new RecordReferenceCodec();
    /// <summary><c>actor-reference</c>: a workspace member by email or id.</summary>
    public static IAttioValueCodec<ActorReference> ActorReference { get; } = new ActorReferenceCodec();
    /// <summary><c>location</c>: all ten keys, unknown ones null.</summary>
    public static IAttioValueCodec<Location> Location { get; } = new LocationCodec();
    /// <summary><c>domain</c>: a host name such as <c>app.attio.com</c>.</summary>
    public static IAttioValueCodec<string> Domain { get; } = new DomainCodec();
    /// <summary><c>email-address</c>: a valid email address.</summary>
    public static IAttioValueCodec<string> EmailAddress { get; } = new EmailAddressCodec();
    /// <summary><c>phone-number</c>: E.164, or a national number with a country code.</summary>
    public static IAttioValueCodec<PhoneNumber> PhoneNumber { get; } = new PhoneNumberCodec();
    /// <summary><c>personal-name</c>: first, last and full name.</summary>
    public static IAttioValueCodec<PersonalName> PersonalName { get; } = new PersonalNameCodec();

    private const int MaxTextBytes = 10 * 1024 * 1024;

    private sealed class TextCodec : IAttioValueCodec<string>
    {
        public void Validate(AttioAttributeInfo attribute, string value, AttioValidationErrors errors)
        {
            if (value is null)
            {
                errors.Add(attribute, null, "a string");
            }
            else if (value.Length > MaxTextBytes / 3 && System.Text.Encoding.UTF8.GetByteCount(value) > MaxTextBytes)
            {
                errors.Add(attribute, $"{value.Length} characters", "text of at most 10 MB");
            }
        }

        public void Write(Utf8JsonWriter writer, string value)
        {
            writer.WriteStartObject();
            writer.WriteString("value", value);
            writer.WriteEndObject();
        }
    }

    private sealed class NumberCodec : IAttioValueCodec<double>
    {
        public void Validate(AttioAttributeInfo attribute, double value, AttioValidationErrors errors)
        {
            if (!double.IsFinite(value))
            {
                errors.Add(attribute, value.ToString(CultureInfo.InvariantCulture), "a finite number");
            }
        }

        public void Write(Utf8JsonWriter writer, double value)
        {
            writer.WriteStartObject();
            writer.WriteNumber("value", value);
            writer.WriteEndObject();
        }
    }

    private sealed class CheckboxCodec : IAttioValueCodec<bool>
    {
        public void Validate(AttioAttributeInfo attribute, bool value, AttioValidationErrors errors)
        {
        }

        public void Write(Utf8JsonWriter writer, bool value)
        {
            writer.WriteStartObject();
            writer.WriteBoolean("value", value);
            writer.WriteEndObject();
        }
    }

    private sealed class CurrencyCodec : IAttioValueCodec<decimal>
    {
        public void Validate(AttioAttributeInfo attribute, decimal value, AttioValidationErrors errors)
        {
            if (decimal.Round(value, 4) != value)
            {
                errors.Add(attribute, value.ToString(CultureInfo.InvariantCulture), "a amount with at most 4 decimal places");
            }
        }

        public void Write(Utf8JsonWriter writer, decimal value)
        {
            writer.WriteStartObject();
            writer.WriteNumber("currency_value", value);
            writer.WriteEndObject();
        }
    }

    private sealed class DateCodec : IAttioValueCodec<DateOnly>
    {
        public void Validate(AttioAttributeInfo attribute, DateOnly value, AttioValidationErrors errors)
        {
            if (value.Year < 1)
            {
                errors.Add(attribute, value.ToString("O", CultureInfo.InvariantCulture), "a date from 0001-01-01 to 9999-12-31");
            }
        }

        public void Write(Utf8JsonWriter writer, DateOnly value)
        {
            Span<char> buffer = stackalloc char[10];
            value.TryFormat(buffer, out int written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            writer.WriteStartObject();
            writer.WriteString("value", buffer[..written]);
            writer.WriteEndObject();
        }
    }

    private sealed class TimestampCodec : IAttioValueCodec<DateTimeOffset>
    {
        public void Validate(AttioAttributeInfo attribute, DateTimeOffset value, AttioValidationErrors errors)
        {
            if (value.UtcDateTime.Year < 1)
            {
                errors.Add(attribute, value.ToString("O", CultureInfo.InvariantCulture), "an instant from 0001-01-01 to 9999-12-31 (UTC)");
            }
        }

        public void Write(Utf8JsonWriter writer, DateTimeOffset value)
        {
            Span<char> buffer = stackalloc char[32];
            value.UtcDateTime.TryFormat(buffer, out int written, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
            writer.WriteStartObject();
            writer.WriteString("value", buffer[..written]);
            writer.WriteEndObject();
        }
    }

    private sealed class RatingCodec : IAttioValueCodec<int>
    {
        public void Validate(AttioAttributeInfo attribute, int value, AttioValidationErrors errors)
        {
            if (value is < 0 or > 5)
            {
                errors.Add(attribute, value.ToString(CultureInfo.InvariantCulture), "a whole number from 0 to 5");
            }
        }

        public void Write(Utf8JsonWriter writer, int value)
        {
            writer.WriteStartObject();
            writer.WriteNumber("value", value);
            writer.WriteEndObject();
        }
    }

    private sealed class StatusCodec : IAttioValueCodec<StatusOption>
    {
        public void Validate(AttioAttributeInfo attribute, StatusOption value, AttioValidationErrors errors)
        {
            if (string.IsNullOrWhiteSpace(value.Reference))
            {
                errors.Add(attribute, value.Reference, "a non-empty status title or status id");
            }
        }

        public void Write(Utf8JsonWriter writer, StatusOption value)
        {
            writer.WriteStartObject();
            writer.WriteString("status", value.Reference);
            writer.WriteEndObject();
        }
    }

    private sealed class SelectCodec : IAttioValueCodec<SelectOption>
    {
        public void Validate(AttioAttributeInfo attribute, SelectOption value, AttioValidationErrors errors)
        {
            if (string.IsNullOrWhiteSpace(value.Reference))
            {
                errors.Add(attribute, value.Reference, "a non-empty option title or option id");
            }
        }

        public void Write(Utf8JsonWriter writer, SelectOption value)
        {
            writer.WriteStartObject();
            writer.WriteString("option", value.Reference);
            writer.WriteEndObject();
        }
    }

    private sealed class RecordReferenceCodec : IAttioValueCodec<RecordReference>
    {
        public void Validate(AttioAttributeInfo attribute, RecordReference value, AttioValidationErrors errors)
        {
            if (value is null)
            {
                errors.Add(attribute, null, "a record reference");
                return;
            }

            if (string.IsNullOrWhiteSpace(value.TargetObject))
            {
                errors.Add(attribute, value.ToString(), "a target object slug");
            }
            else if (attribute.AllowedObjects is { Count: > 0 } allowed && !allowed.Contains(value.TargetObject, StringComparer.Ordinal))
            {
                errors.Add(attribute, value.ToString(), $"a record of {string.Join(" or ", allowed)}");
            }

            if (value.RecordId is null && (string.IsNullOrWhiteSpace(value.MatchingAttribute) || string.IsNullOrWhiteSpace(value.MatchingValue)))
            {
                errors.Add(attribute, value.ToString(), "a record id, or a unique attribute slug and a non-empty value");
            }
        }

        public void Write(Utf8JsonWriter writer, RecordReference value)
        {
            writer.WriteStartObject();
            writer.WriteString("target_object", value.TargetObject);
            if (value.RecordId is { } id)
            {
                writer.WriteString("target_record_id", id);
            }
            else
            {
                writer.WriteStartArray(value.MatchingAttribute!);
                writer.WriteStringValue(value.MatchingValue);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }
    }

    private sealed class ActorReferenceCodec : IAttioValueCodec<ActorReference>
    {
        public void Validate(AttioAttributeInfo attribute, ActorReference value, AttioValidationErrors errors)
        {
            if (value is null || (value.MemberId is null && !AttioSyntax.IsEmail(value.MemberEmail)))
            {
                errors.Add(attribute, value?.ToString(), "a workspace member's email address or member id");
            }
        }

        public void Write(Utf8JsonWriter writer, ActorReference value)
        {
            writer.WriteStartObject();
            if (value.MemberId is { } id)
            {
                writer.WriteString("referenced_actor_type", "workspace-member");
                writer.WriteString("referenced_actor_id", id);
            }
            else
            {
                writer.WriteString("workspace_member_email_address", value.MemberEmail);
            }

            writer.WriteEndObject();
        }
    }

    private sealed class LocationCodec : IAttioValueCodec<Location>
    {
        public void Validate(AttioAttributeInfo attribute, Location value, AttioValidationErrors errors)
        {
            if (value is null)
            {
                errors.Add(attribute, null, "a location");
                return;
            }

            if (value.CountryCode is not null && !AttioCountryCodes.IsValid(value.CountryCode))
            {
                errors.Add(attribute, value.CountryCode, "an ISO 3166-1 alpha-2 country code such as \"US\" or \"GB\" (upper case)");
            }

            if (value.Latitude is not null && !AttioSyntax.IsLatitude(value.Latitude))
            {
                errors.Add(attribute, value.Latitude, "a latitude between -90 and 90 with at most 9 decimals, e.g. \"51.5072\"");
            }

            if (value.Longitude is not null && !AttioSyntax.IsLongitude(value.Longitude))
            {
                errors.Add(attribute, value.Longitude, "a longitude between -180 and 180 with at most 9 decimals, e.g. \"-0.1276\"");
            }

            if ((value.Latitude is null) != (value.Longitude is null))
            {
                errors.Add(attribute, value.ToString(), "latitude and longitude together, or neither");
            }
        }

        public void Write(Utf8JsonWriter writer, Location value)
        {
            writer.WriteStartObject();
            writer.WriteString("line_1", value.Line1);
            writer.WriteString("line_2", value.Line2);
            writer.WriteString("line_3", value.Line3);
            writer.WriteString("line_4", value.Line4);
            writer.WriteString("locality", value.Locality);
            writer.WriteString("region", value.Region);
            writer.WriteString("postcode", value.Postcode);
            writer.WriteString("country_code", value.CountryCode);
            writer.WriteString("latitude", value.Latitude);
            writer.WriteString("longitude", value.Longitude);
            writer.WriteEndObject();
        }
    }

    private sealed class DomainCodec : IAttioValueCodec<string>
    {
        public void Validate(AttioAttributeInfo attribute, string value, AttioValidationErrors errors)
        {
            if (!AttioSyntax.IsDomain(value))
            {
                errors.Add(attribute, value, "a domain such as \"example.com\" (no scheme, path or port)");
            }
        }

        public void Write(Utf8JsonWriter writer, string value)
        {
            writer.WriteStartObject();
            writer.WriteString("domain", value);
            writer.WriteEndObject();
        }
    }

    private sealed class EmailAddressCodec : IAttioValueCodec<string>
    {
        public void Validate(AttioAttributeInfo attribute, string value, AttioValidationErrors errors)
        {
            if (!AttioSyntax.IsEmail(value))
            {
                errors.Add(attribute, value, "an email address such as \"name@example.com\"");
            }
        }

        public void Write(Utf8JsonWriter writer, string value)
        {
            writer.WriteStartObject();
            writer.WriteString("email_address", value);
            writer.WriteEndObject();
        }
    }

    private sealed class PhoneNumberCodec : IAttioValueCodec<PhoneNumber>
    {
        public void Validate(AttioAttributeInfo attribute, PhoneNumber value, AttioValidationErrors errors)
        {
            if (value is null)
            {
                errors.Add(attribute, null, "a phone number");
                return;
            }

            if (value.CountryCode is not null && !AttioCountryCodes.IsValid(value.CountryCode))
            {
                errors.Add(attribute, value.CountryCode, "an ISO 3166-1 alpha-2 country code such as \"US\" (upper case)");
            }

            bool valid = value.Number is not null && value.Number.StartsWith('+')
                ? AttioSyntax.IsE164(value.Number)
                : value.CountryCode is not null && AttioSyntax.IsNationalNumber(value.Number);
            if (!valid)
            {
                errors.Add(attribute, value.ToString(), "an E.164 number such as \"+14155550123\", or a national number with a country code");
            }
        }

        public void Write(Utf8JsonWriter writer, PhoneNumber value)
        {
            writer.WriteStartObject();
            writer.WriteString("original_phone_number", value.Number);
            writer.WriteString("country_code", value.CountryCode);
            writer.WriteEndObject();
        }
    }

    private sealed class PersonalNameCodec : IAttioValueCodec<PersonalName>
    {
        public void Validate(AttioAttributeInfo attribute, PersonalName value, AttioValidationErrors errors)
        {
            if (value is null || (string.IsNullOrWhiteSpace(value.FirstName) && string.IsNullOrWhiteSpace(value.LastName)))
            {
                errors.Add(attribute, value?.ToString(), "a name with a first or last name (\"Last, First\" or the three parts)");
            }
        }

        public void Write(Utf8JsonWriter writer, PersonalName value)
        {
            writer.WriteStartObject();
            writer.WriteString("first_name", value.FirstName);
            writer.WriteString("last_name", value.LastName);
            writer.WriteString("full_name", value.FullName);
            writer.WriteEndObject();
        }
    }
}
