using System.Globalization;
using System.Text.Json;

namespace Attio.Internal;

public static partial class AttioCodecs
{
    private sealed class LocationCodec : IAttioValueCodec<Location>
    {
        public void Validate(AttioAttributeInfo attribute, Location value, AttioValidationErrors errors)
        {
            if (!IsOwnType(attribute, AttioAttributeType.Location, value?.ToString(), errors))
            {
                return;
            }

            if (value is null)
            {
                errors.Add(attribute, null, "a location (assign null to the property to clear it)");
                return;
            }

            string?[] parts = [value.Line1, value.Line2, value.Line3, value.Line4, value.Locality, value.Region, value.Postcode, value.CountryCode, value.Latitude, value.Longitude];
            if (parts.All(string.IsNullOrWhiteSpace))
            {
                errors.Add(attribute, "{}", "a location with at least one part (assign null to the property to clear it)");
                return;
            }

            foreach (string? part in parts)
            {
                if (part is not null && !AttioSyntax.IsWellFormedText(part))
                {
                    errors.Add(attribute, part, "location parts of well-formed text (the value has an unpaired UTF-16 surrogate)");
                }
                else if (part is not null && !IsWithinTextLimit(part))
                {
                    errors.Add(attribute, $"{part.Length} characters", "location parts of at most 10 MB (UTF-8) each");
                }
            }

            if (value.CountryCode is not null && !AttioCountryCodes.IsValid(value.CountryCode))
            {
                errors.Add(attribute, value.CountryCode, "an ISO 3166-1 alpha-2 country code such as \"US\" or \"GB\" (upper case)");
            }

            if (value.Latitude is not null && !AttioSyntax.IsLatitude(value.Latitude))
            {
                errors.Add(attribute, value.Latitude, "a latitude from -90 to 90 in decimal degrees, e.g. \"51.5072\"");
            }

            if (value.Longitude is not null && !AttioSyntax.IsLongitude(value.Longitude))
            {
                errors.Add(attribute, value.Longitude, "a longitude from -180 to 180 in decimal degrees, e.g. \"-0.1276\"");
            }

            // Attio's location schema makes latitude and longitude each nullable on its own: one without the other is valid.
        }

        public void Write(Utf8JsonWriter writer, Location value)
        {
            writer.WriteStartObject();
            writer.WriteString(WireNames.Line1, value.Line1);
            writer.WriteString(WireNames.Line2, value.Line2);
            writer.WriteString(WireNames.Line3, value.Line3);
            writer.WriteString(WireNames.Line4, value.Line4);
            writer.WriteString(WireNames.Locality, value.Locality);
            writer.WriteString(WireNames.Region, value.Region);
            writer.WriteString(WireNames.Postcode, value.Postcode);
            writer.WriteString(WireNames.CountryCode, value.CountryCode);
            writer.WriteString(WireNames.Latitude, value.Latitude);
            writer.WriteString(WireNames.Longitude, value.Longitude);
            writer.WriteEndObject();
        }
    }

    private sealed class DomainCodec : IAttioValueCodec<string>
    {
        public void Validate(AttioAttributeInfo attribute, string value, AttioValidationErrors errors)
        {
            if (IsOwnType(attribute, AttioAttributeType.Domain, value, errors) && !AttioSyntax.IsDomain(value))
            {
                errors.Add(attribute, value, "a domain such as \"example.com\", or a URL with one (\"https://www.example.com/pricing\")");
            }
        }

        // Attio keeps only the host of a domain value; sending the normalised host makes matching and the stored value
        // the same whatever form (URL, upper case, trailing dot, Unicode) the caller had.
        public void Write(Utf8JsonWriter writer, string value)
        {
            writer.WriteStartObject();
            writer.WriteString(WireNames.Domain, AttioSyntax.NormalizeDomain(value) ?? value);
            writer.WriteEndObject();
        }
    }

    private sealed class EmailAddressCodec : IAttioValueCodec<string>
    {
        public void Validate(AttioAttributeInfo attribute, string value, AttioValidationErrors errors)
        {
            if (IsOwnType(attribute, AttioAttributeType.EmailAddress, value, errors) && !AttioSyntax.IsEmail(value))
            {
                errors.Add(attribute, value, "an email address such as \"name@example.com\"");
            }
        }

        public void Write(Utf8JsonWriter writer, string value)
        {
            writer.WriteStartObject();
            writer.WriteString(WireNames.EmailAddress, value);
            writer.WriteEndObject();
        }
    }

    private sealed class PhoneNumberCodec : IAttioValueCodec<PhoneNumber>
    {
        public void Validate(AttioAttributeInfo attribute, PhoneNumber value, AttioValidationErrors errors)
        {
            if (!IsOwnType(attribute, AttioAttributeType.PhoneNumber, value?.ToString(), errors))
            {
                return;
            }

            if (value is null)
            {
                errors.Add(attribute, null, "a phone number (assign null to the property to clear it)");
                return;
            }

            if (value.CountryCode is not null && !AttioCountryCodes.IsValid(value.CountryCode))
            {
                errors.Add(attribute, value.CountryCode, "an ISO 3166-1 alpha-2 country code such as \"US\" (upper case)");
                return;
            }

            bool international = value.Number is not null && value.Number.StartsWith('+');
            if (!international && value.CountryCode is not null && AttioCallingCodes.Of(value.CountryCode) is null)
            {
                errors.Add(attribute, value.ToString(), $"a number in E.164 form (\"+…\"): {value.CountryCode} has no calling code, so a national number cannot be stored for it");
            }
            else if (international ? !AttioSyntax.IsFormattedE164(value.Number) : !AttioSyntax.IsNationalNumber(value.Number, value.CountryCode))
            {
                errors.Add(attribute, value.Number is null ? null : value.ToString(),
                    "an E.164 number such as \"+14155550123\" ('+', country code, 7 to 15 digits; spaces, '-' and parentheses allowed), " +
                    "or a national number with its country code (at most 15 digits with the calling code), not all zeros");
            }
        }

        public void Write(Utf8JsonWriter writer, PhoneNumber value)
        {
            writer.WriteStartObject();
            writer.WriteString(WireNames.OriginalPhoneNumber, value.Number);
            writer.WriteString(WireNames.CountryCode, value.CountryCode);
            writer.WriteEndObject();
        }
    }

    private sealed class PersonalNameCodec : IAttioValueCodec<PersonalName>
    {
        public void Validate(AttioAttributeInfo attribute, PersonalName value, AttioValidationErrors errors)
        {
            if (!IsOwnType(attribute, AttioAttributeType.PersonalName, value?.ToString(), errors))
            {
                return;
            }

            if (value is null)
            {
                errors.Add(attribute, null, "a name (assign null to the property to clear it)");
                return;
            }

            if (string.IsNullOrWhiteSpace(value.FirstName) && string.IsNullOrWhiteSpace(value.LastName))
            {
                errors.Add(attribute, value.FullName, "a name with a first or last name (\"Last, First\" or the three parts)");
            }
            else if (string.IsNullOrWhiteSpace(value.FullName))
            {
                errors.Add(attribute, $"{value.FirstName} {value.LastName}", "a non-empty full name (Attio requires first_name, last_name and full_name)");
            }

            foreach (string part in new[] { value.FirstName, value.LastName, value.FullName })
            {
                if (!AttioSyntax.IsWellFormedText(part))
                {
                    errors.Add(attribute, part ?? string.Empty, "name parts of well-formed text (the value has an unpaired UTF-16 surrogate)");
                }
                else if (!IsWithinTextLimit(part))
                {
                    errors.Add(attribute, $"{part.Length} characters", "name parts of at most 10 MB (UTF-8) each");
                }
            }
        }

        public void Write(Utf8JsonWriter writer, PersonalName value)
        {
            writer.WriteStartObject();
            writer.WriteString(WireNames.FirstName, value.FirstName);
            writer.WriteString(WireNames.LastName, value.LastName);
            writer.WriteString(WireNames.FullName, value.FullName);
            writer.WriteEndObject();
        }
    }

    private sealed class ReadOnlyCodec<T> : IAttioValueCodec<T>
    {
        private readonly AttioAttributeType _type;

        public ReadOnlyCodec(AttioAttributeType type) => _type = type;

        public void Validate(AttioAttributeInfo attribute, T value, AttioValidationErrors errors)
        {
            ArgumentNullException.ThrowIfNull(attribute);
            ArgumentNullException.ThrowIfNull(errors);
            errors.Add(attribute, value?.ToString() is { } text ? text : null,
                $"no value: {_type.ToApiName()} attributes are read-only, only Attio writes them");
        }

        public void Write(Utf8JsonWriter writer, T value) =>
            throw new InvalidOperationException($"{_type.ToApiName()} values are read-only and cannot be written to Attio.");
    }
}
