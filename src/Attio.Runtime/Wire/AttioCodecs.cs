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

    /// <summary>
    /// <c>interaction</c>: read-only, only Attio writes it. Validating any value adds an error, so a record that sets or
    /// clears an interaction is never sent. The codec is contravariant: it serves any reference type.
    /// </summary>
    public static IAttioValueCodec<object?> Interaction { get; } = new ReadOnlyCodec<object?>(AttioAttributeType.Interaction);

    /// <summary>
    /// A codec for a value that must never be written (an <c>is_writable: false</c> attribute, an interaction):
    /// validation always adds an error and writing throws.
    /// </summary>
    public static IAttioValueCodec<T> ReadOnly<T>(AttioAttributeType type) => new ReadOnlyCodec<T>(type);

    /// <summary>The codec that writes values of <paramref name="type"/>, when the runtime can write that type.</summary>
    public static bool IsWritableType(AttioAttributeType type) => type != AttioAttributeType.Interaction;

    /// <summary>The latest instant Attio stores: <c>9999-12-31T23:59:59.999999999Z</c> (.NET stops at 100 ns before it).</summary>
    public static DateTimeOffset MaxTimestamp { get; } = new(DateTime.MaxValue.Ticks, TimeSpan.Zero);

    /// <summary>How many characters of an offending value an error message quotes.</summary>
    internal const int MaxQuotedLength = 120;

    private const int MaxTextBytes = 10 * 1024 * 1024;

    // Each codec checks that it is used for an attribute of its own type: a mismatch means generated code and the
    // schema disagree, and Attio would reject (or worse, coerce) the value.
    private static bool IsOwnType(AttioAttributeInfo attribute, AttioAttributeType type, string? value, AttioValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(errors);
        if (attribute.Type == type)
        {
            return true;
        }

        errors.Add(attribute, value, $"a {attribute.Type.ToApiName()} value (a {type.ToApiName()} value was given)");
        return false;
    }

    private static string Quote(string value) =>
        value.Length <= MaxQuotedLength ? value : string.Concat(value.AsSpan(0, MaxQuotedLength), $"… ({value.Length} characters)");

    private static string Invariant(IFormattable value, string? format = null) => value.ToString(format, CultureInfo.InvariantCulture);

    private sealed class TextCodec : IAttioValueCodec<string>
    {
        public void Validate(AttioAttributeInfo attribute, string value, AttioValidationErrors errors)
        {
            if (!IsOwnType(attribute, AttioAttributeType.Text, value is null ? null : Quote(value), errors))
            {
                return;
            }

            if (value is null)
            {
                errors.Add(attribute, null, "a string (assign null to the property to clear it)");
            }
            else if (!AttioSyntax.IsWellFormedText(value))
            {
                errors.Add(attribute, Quote(value), "well-formed text (the value has an unpaired UTF-16 surrogate)");
            }
            else if (value.Length > MaxTextBytes / 3 && System.Text.Encoding.UTF8.GetByteCount(value) > MaxTextBytes)
            {
                errors.Add(attribute, $"{value.Length} characters", "text of at most 10 MB (UTF-8)");
            }
        }

        public void Write(Utf8JsonWriter writer, string value)
        {
            writer.WriteStartObject();
            writer.WriteString(WireNames.Value, value);
            writer.WriteEndObject();
        }
    }

    private sealed class NumberCodec : IAttioValueCodec<double>
    {
        public void Validate(AttioAttributeInfo attribute, double value, AttioValidationErrors errors)
        {
            if (IsOwnType(attribute, AttioAttributeType.Number, Invariant(value, "R"), errors) && !double.IsFinite(value))
            {
                errors.Add(attribute, Invariant(value, "R"), "a finite number (not NaN or infinity)");
            }
        }

        public void Write(Utf8JsonWriter writer, double value)
        {
            writer.WriteStartObject();
            // Attio keeps up to four decimal places; rounding here makes the stored value predictable.
            writer.WriteNumber(WireNames.Value, Math.Round(value, 4, MidpointRounding.ToEven));
            writer.WriteEndObject();
        }
    }

    private sealed class CheckboxCodec : IAttioValueCodec<bool>
    {
        public void Validate(AttioAttributeInfo attribute, bool value, AttioValidationErrors errors) =>
            IsOwnType(attribute, AttioAttributeType.Checkbox, value ? "true" : "false", errors);

        public void Write(Utf8JsonWriter writer, bool value)
        {
            writer.WriteStartObject();
            writer.WriteBoolean(WireNames.Value, value);
            writer.WriteEndObject();
        }
    }

    private sealed class CurrencyCodec : IAttioValueCodec<decimal>
    {
        // Attio stores amounts as 64-bit floats: beyond 15 significant digits the amount would silently change.
        private const decimal MaxAmount = 99_999_999_999m;

        public void Validate(AttioAttributeInfo attribute, decimal value, AttioValidationErrors errors)
        {
            string text = Invariant(value);
            if (!IsOwnType(attribute, AttioAttributeType.Currency, text, errors))
            {
                return;
            }

            if (decimal.Round(value, 4) != value)
            {
                errors.Add(attribute, text, "an amount with at most 4 decimal places");
            }

            if (Math.Abs(value) > MaxAmount)
            {
                errors.Add(attribute, text, $"an amount between -{Invariant(MaxAmount)} and {Invariant(MaxAmount)} (Attio stores amounts as 64-bit floats)");
            }
        }

        public void Write(Utf8JsonWriter writer, decimal value)
        {
            writer.WriteStartObject();
            writer.WriteNumber(WireNames.CurrencyValue, value);
            writer.WriteEndObject();
        }
    }

    private sealed class DateCodec : IAttioValueCodec<DateOnly>
    {
        // DateOnly spans exactly Attio's range, 0001-01-01 to 9999-12-31: only the attribute type can be wrong.
        public void Validate(AttioAttributeInfo attribute, DateOnly value, AttioValidationErrors errors) =>
            IsOwnType(attribute, AttioAttributeType.Date, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), errors);

        public void Write(Utf8JsonWriter writer, DateOnly value)
        {
            Span<char> buffer = stackalloc char[10];
            value.TryFormat(buffer, out int written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            writer.WriteStartObject();
            writer.WriteString(WireNames.Value, buffer[..written]);
            writer.WriteEndObject();
        }
    }

    private sealed class TimestampCodec : IAttioValueCodec<DateTimeOffset>
    {
        public void Validate(AttioAttributeInfo attribute, DateTimeOffset value, AttioValidationErrors errors)
        {
            string text = value.ToString("O", CultureInfo.InvariantCulture);
            if (!IsOwnType(attribute, AttioAttributeType.Timestamp, text, errors))
            {
                return;
            }

            // Attio converts to UTC; an instant whose UTC form leaves 0001..9999 cannot be stored (or even formatted).
            long utcTicks = value.Ticks - value.Offset.Ticks;
            if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
            {
                errors.Add(attribute, text, "an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z once converted to UTC");
            }
        }

        public void Write(Utf8JsonWriter writer, DateTimeOffset value)
        {
            Span<char> buffer = stackalloc char[32];
            value.UtcDateTime.TryFormat(buffer, out int written, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
            writer.WriteStartObject();
            writer.WriteString(WireNames.Value, buffer[..written]);
            writer.WriteEndObject();
        }
    }

    private sealed class RatingCodec : IAttioValueCodec<int>
    {
        public void Validate(AttioAttributeInfo attribute, int value, AttioValidationErrors errors)
        {
            string text = Invariant(value);
            if (IsOwnType(attribute, AttioAttributeType.Rating, text, errors) && value is < 0 or > 5)
            {
                errors.Add(attribute, text, "a whole number from 0 to 5");
            }
        }

        public void Write(Utf8JsonWriter writer, int value)
        {
            writer.WriteStartObject();
            writer.WriteNumber(WireNames.Value, value);
            writer.WriteEndObject();
        }
    }

    private static void ValidateTitle(AttioAttributeInfo attribute, string? reference, string what, AttioValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            errors.Add(attribute, reference, $"a non-empty {what} title or {what} id");
        }
        else if (!AttioSyntax.IsWellFormedText(reference))
        {
            errors.Add(attribute, Quote(reference), $"a {what} title of well-formed text (the value has an unpaired UTF-16 surrogate)");
        }
        else if (reference.Length != reference.Trim().Length)
        {
            errors.Add(attribute, reference, $"the exact {what} title, without leading or trailing spaces (Attio matches titles exactly)");
        }
    }

    private sealed class StatusCodec : IAttioValueCodec<StatusOption>
    {
        public void Validate(AttioAttributeInfo attribute, StatusOption value, AttioValidationErrors errors)
        {
            if (IsOwnType(attribute, AttioAttributeType.Status, value.Reference, errors))
            {
                ValidateTitle(attribute, value.Reference, "status", errors);
            }
        }

        public void Write(Utf8JsonWriter writer, StatusOption value)
        {
            writer.WriteStartObject();
            writer.WriteString(WireNames.Status, value.Reference);
            writer.WriteEndObject();
        }
    }

    private sealed class SelectCodec : IAttioValueCodec<SelectOption>
    {
        public void Validate(AttioAttributeInfo attribute, SelectOption value, AttioValidationErrors errors)
        {
            if (IsOwnType(attribute, AttioAttributeType.Select, value.Reference, errors))
            {
                ValidateTitle(attribute, value.Reference, "option", errors);
            }
        }

        public void Write(Utf8JsonWriter writer, SelectOption value)
        {
            writer.WriteStartObject();
            writer.WriteString(WireNames.Option, value.Reference);
            writer.WriteEndObject();
        }
    }

    private sealed class RecordReferenceCodec : IAttioValueCodec<RecordReference>
    {
        public void Validate(AttioAttributeInfo attribute, RecordReference value, AttioValidationErrors errors)
        {
            if (!IsOwnType(attribute, AttioAttributeType.RecordReference, value?.ToString(), errors))
            {
                return;
            }

            if (value is null)
            {
                errors.Add(attribute, null, "a record reference (assign null to the property to clear it)");
                return;
            }

            if (!AttioSyntax.IsSlugOrId(value.TargetObject))
            {
                errors.Add(attribute, value.ToString(), "a target object slug such as \"people\" (lower-case letters, digits and underscores) or object id");
            }
            else if (attribute.AllowedObjects is { Count: > 0 } allowed && !allowed.Contains(value.TargetObject, StringComparer.Ordinal))
            {
                errors.Add(attribute, value.ToString(), $"a record of {string.Join(" or ", allowed)} (the objects this attribute may reference)");
            }

            if (value.RecordId is { } id)
            {
                if (id == Guid.Empty)
                {
                    errors.Add(attribute, value.ToString(), "a record id other than the empty UUID");
                }

                return;
            }

            if (!AttioSyntax.IsSlugOrId(value.MatchingAttribute))
            {
                errors.Add(attribute, value.ToString(), "a record id, or the slug of a unique attribute of the target object to match on");
                return;
            }

            string? match = value.MatchingValue;
            switch (value.MatchingAttributeType)
            {
                case AttioAttributeType.EmailAddress when !AttioSyntax.IsEmail(match):
                    errors.Add(attribute, value.ToString(), $"an email address to match {value.TargetObject}.{value.MatchingAttribute} on");
                    break;
                case AttioAttributeType.Domain when !AttioSyntax.IsDomain(match):
                    errors.Add(attribute, value.ToString(), $"a domain such as \"example.com\" to match {value.TargetObject}.{value.MatchingAttribute} on");
                    break;
                case AttioAttributeType.PhoneNumber when !AttioSyntax.IsFormattedE164(match):
                    errors.Add(attribute, value.ToString(), $"an E.164 phone number to match {value.TargetObject}.{value.MatchingAttribute} on");
                    break;
                case AttioAttributeType.Number when !double.TryParse(match, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) || !double.IsFinite(n):
                    errors.Add(attribute, value.ToString(), $"a number to match {value.TargetObject}.{value.MatchingAttribute} on");
                    break;
                case AttioAttributeType.EmailAddress or AttioAttributeType.Domain or AttioAttributeType.PhoneNumber or AttioAttributeType.Number:
                    break;
                case AttioAttributeType.Text:
                    if (string.IsNullOrWhiteSpace(match) || !AttioSyntax.IsWellFormedText(match))
                    {
                        errors.Add(attribute, value.ToString(), $"a non-empty value to match {value.TargetObject}.{value.MatchingAttribute} on");
                    }

                    break;
                default:
                    errors.Add(attribute, value.ToString(), "a matching attribute of type text, number, email-address, domain or phone-number (Attio matches on unique attributes)");
                    break;
            }
        }

        public void Write(Utf8JsonWriter writer, RecordReference value)
        {
            writer.WriteStartObject();
            writer.WriteString(WireNames.TargetObject, value.TargetObject);
            if (value.RecordId is { } id)
            {
                writer.WriteString(WireNames.TargetRecordId, id);
            }
            else
            {
                // Attio's match form: the unique attribute's slug holding an array of exactly one value of its type.
                writer.WriteStartArray(value.MatchingAttribute!);
                writer.WriteStartObject();
                switch (value.MatchingAttributeType)
                {
                    case AttioAttributeType.EmailAddress:
                        writer.WriteString(WireNames.EmailAddress, value.MatchingValue);
                        break;
                    case AttioAttributeType.Domain:
                        writer.WriteString(WireNames.Domain, value.MatchingValue);
                        break;
                    case AttioAttributeType.PhoneNumber:
                        writer.WriteString(WireNames.OriginalPhoneNumber, value.MatchingValue);
                        break;
                    case AttioAttributeType.Number:
                        writer.WriteNumber(WireNames.Value, double.Parse(value.MatchingValue!, NumberStyles.Float, CultureInfo.InvariantCulture));
                        break;
                    default:
                        writer.WriteString(WireNames.Value, value.MatchingValue);
                        break;
                }

                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }
    }

    private sealed class ActorReferenceCodec : IAttioValueCodec<ActorReference>
    {
        public void Validate(AttioAttributeInfo attribute, ActorReference value, AttioValidationErrors errors)
        {
            if (!IsOwnType(attribute, AttioAttributeType.ActorReference, value?.ToString(), errors))
            {
                return;
            }

            if (value is null)
            {
                errors.Add(attribute, null, "a workspace member by email address or member id (assign null to the property to clear it)");
            }
            else if (value.MemberId is { } id)
            {
                if (id == Guid.Empty)
                {
                    errors.Add(attribute, value.ToString(), "a workspace member id other than the empty UUID");
                }
            }
            else if (!AttioSyntax.IsEmail(value.MemberEmail))
            {
                errors.Add(attribute, value.MemberEmail is null ? null : Quote(value.MemberEmail), "a workspace member's email address such as \"name@example.com\", or a member id");
            }
        }

        public void Write(Utf8JsonWriter writer, ActorReference value)
        {
            writer.WriteStartObject();
            if (value.MemberId is { } id)
            {
                writer.WriteString(WireNames.ReferencedActorType, "workspace-member");
                writer.WriteString(WireNames.ReferencedActorId, id);
            }
            else
            {
                writer.WriteString(WireNames.WorkspaceMemberEmailAddress, value.MemberEmail);
            }

            writer.WriteEndObject();
        }
    }

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
                    errors.Add(attribute, Quote(part), "location parts of well-formed text (the value has an unpaired UTF-16 surrogate)");
                }
            }

            if (value.CountryCode is not null && !AttioCountryCodes.IsValid(value.CountryCode))
            {
                errors.Add(attribute, Quote(value.CountryCode), "an ISO 3166-1 alpha-2 country code such as \"US\" or \"GB\" (upper case)");
            }

            if (value.Latitude is not null && !AttioSyntax.IsLatitude(value.Latitude))
            {
                errors.Add(attribute, Quote(value.Latitude), "a latitude from -90 to 90 in decimal degrees, e.g. \"51.5072\"");
            }

            if (value.Longitude is not null && !AttioSyntax.IsLongitude(value.Longitude))
            {
                errors.Add(attribute, Quote(value.Longitude), "a longitude from -180 to 180 in decimal degrees, e.g. \"-0.1276\"");
            }

            if ((value.Latitude is null) != (value.Longitude is null))
            {
                errors.Add(attribute, value.ToString(), "latitude and longitude together, or neither");
            }
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
            if (IsOwnType(attribute, AttioAttributeType.Domain, value is null ? null : Quote(value), errors) && !AttioSyntax.IsDomain(value))
            {
                errors.Add(attribute, value is null ? null : Quote(value), "a domain such as \"example.com\" (no scheme, path, port or spaces)");
            }
        }

        public void Write(Utf8JsonWriter writer, string value)
        {
            writer.WriteStartObject();
            writer.WriteString(WireNames.Domain, value);
            writer.WriteEndObject();
        }
    }

    private sealed class EmailAddressCodec : IAttioValueCodec<string>
    {
        public void Validate(AttioAttributeInfo attribute, string value, AttioValidationErrors errors)
        {
            if (IsOwnType(attribute, AttioAttributeType.EmailAddress, value is null ? null : Quote(value), errors) && !AttioSyntax.IsEmail(value))
            {
                errors.Add(attribute, value is null ? null : Quote(value), "an email address such as \"name@example.com\"");
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
                errors.Add(attribute, Quote(value.CountryCode), "an ISO 3166-1 alpha-2 country code such as \"US\" (upper case)");
            }

            bool valid = value.Number is not null && value.Number.StartsWith('+')
                ? AttioSyntax.IsFormattedE164(value.Number)
                : value.CountryCode is not null && AttioSyntax.IsNationalNumber(value.Number);
            if (!valid)
            {
                errors.Add(attribute, value.Number is null ? null : Quote(value.ToString()),
                    "an E.164 number such as \"+14155550123\" ('+', country code, 7 to 15 digits), or a national number with its country code");
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
                errors.Add(attribute, Quote(value.FullName), "a name with a first or last name (\"Last, First\" or the three parts)");
            }
            else if (string.IsNullOrWhiteSpace(value.FullName))
            {
                errors.Add(attribute, $"{value.FirstName} {value.LastName}", "a non-empty full name (Attio requires first_name, last_name and full_name)");
            }

            foreach (string part in new[] { value.FirstName, value.LastName, value.FullName })
            {
                if (!AttioSyntax.IsWellFormedText(part))
                {
                    errors.Add(attribute, Quote(part ?? string.Empty), "name parts of well-formed text (the value has an unpaired UTF-16 surrogate)");
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
            errors.Add(attribute, value?.ToString() is { } text ? Quote(text) : null,
                $"no value: {_type.ToApiName()} attributes are read-only, only Attio writes them");
        }

        public void Write(Utf8JsonWriter writer, T value) =>
            throw new InvalidOperationException($"{_type.ToApiName()} values are read-only and cannot be written to Attio.");
    }
}
