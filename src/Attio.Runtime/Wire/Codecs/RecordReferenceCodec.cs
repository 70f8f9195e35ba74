using System.Globalization;
using System.Text.Json;

namespace Attio.Internal;

public static partial class AttioCodecs
{
    private sealed class RecordReferenceCodec : IAttioAttributeAwareCodec<RecordReference>
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

            bool validTarget = AttioSyntax.IsSlugOrId(value.TargetObject);
            if (!validTarget)
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

            if (validTarget && ValidateKey(attribute, value, errors) is { } type)
            {
                ValidateMatchingValue(attribute, value, type, errors);
            }
        }

        public void Write(Utf8JsonWriter writer, RecordReference value) =>
            Write(writer, value, value.MatchingAttributeType ?? AttioStandardKeys.TypeOf(value.TargetObject, value.MatchingAttribute));

        public void Write(Utf8JsonWriter writer, AttioAttributeInfo attribute, RecordReference value) =>
            Write(writer, value, value.MatchingAttributeType ?? KeyOf(attribute, value)?.Type ?? AttioStandardKeys.TypeOf(value.TargetObject, value.MatchingAttribute));

        // The matching attribute must be one of the target's unique attributes when the schema says which they are
        // (Attio matches references only on unique attributes); its type comes from the schema, never from the slug's text.
        private static AttioAttributeType? ValidateKey(AttioAttributeInfo attribute, RecordReference value, AttioValidationErrors errors)
        {
            AttioAttributeInfo? key = KeyOf(attribute, value);
            if (key is null && TargetKeys(attribute, value.TargetObject) is { } keys)
            {
                string expected = keys.Count == 0
                    ? $"a record id: {value.TargetObject} has no unique attribute to match on"
                    : $"a unique attribute of {value.TargetObject} to match on: {string.Join(", ", keys.Select(k => $"{k.Slug} ({k.Type.ToApiName()})"))}";
                errors.Add(attribute, value.ToString(), expected);
                return null;
            }

            if (key is not null && value.MatchingAttributeType is { } given && given != key.Type)
            {
                errors.Add(attribute, value.ToString(), $"a {key.Type.ToApiName()} value to match {key.ObjectSlug}.{key.Slug} on (the reference says {given.ToApiName()})");
                return null;
            }

            AttioAttributeType? type = value.MatchingAttributeType ?? key?.Type ?? AttioStandardKeys.TypeOf(value.TargetObject, value.MatchingAttribute);
            if (type is null)
            {
                errors.Add(attribute, value.ToString(),
                    $"a matching attribute whose type is known: use RecordReference.ByMatch(\"{value.TargetObject}\", \"{value.MatchingAttribute}\", <its type>, value)");
            }

            return type;
        }

        private static IReadOnlyList<AttioAttributeInfo>? TargetKeys(AttioAttributeInfo attribute, string target) =>
            attribute.TargetUniqueAttributes is { } all && attribute.AllowedObjects is { Count: > 0 } allowed && allowed.Contains(target, StringComparer.Ordinal)
                ? all.Where(k => k.ObjectSlug == target).ToArray()
                : null;

        private static AttioAttributeInfo? KeyOf(AttioAttributeInfo attribute, RecordReference value) =>
            attribute.TargetUniqueAttributes?.FirstOrDefault(k => k.ObjectSlug == value.TargetObject && k.Slug == value.MatchingAttribute);

        private static void ValidateMatchingValue(AttioAttributeInfo attribute, RecordReference value, AttioAttributeType type, AttioValidationErrors errors)
        {
            string? match = value.MatchingValue;
            string on = $"{value.TargetObject}.{value.MatchingAttribute}";
            switch (type)
            {
                case AttioAttributeType.EmailAddress when !AttioSyntax.IsEmail(match):
                    errors.Add(attribute, value.ToString(), $"an email address to match {on} on");
                    break;
                case AttioAttributeType.Domain when !AttioSyntax.IsDomain(match):
                    errors.Add(attribute, value.ToString(), $"a domain such as \"example.com\" (or a URL with one) to match {on} on");
                    break;
                case AttioAttributeType.PhoneNumber when !AttioSyntax.IsFormattedE164(match):
                    errors.Add(attribute, value.ToString(), $"an E.164 phone number to match {on} on");
                    break;
                case AttioAttributeType.Number when !double.TryParse(match, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) || !double.IsFinite(n):
                    errors.Add(attribute, value.ToString(), $"a number to match {on} on");
                    break;
                case AttioAttributeType.EmailAddress or AttioAttributeType.Domain or AttioAttributeType.PhoneNumber or AttioAttributeType.Number:
                    break;
                case AttioAttributeType.Text:
                    if (string.IsNullOrWhiteSpace(match) || !AttioSyntax.IsWellFormedText(match) || !IsWithinTextLimit(match))
                    {
                        errors.Add(attribute, value.ToString(), $"a non-empty value of well-formed text up to 10 MB to match {on} on");
                    }

                    break;
                default:
                    errors.Add(attribute, value.ToString(), "a matching attribute of type text, number, email-address, domain or phone-number (Attio matches on unique attributes)");
                    break;
            }
        }

        private static void Write(Utf8JsonWriter writer, RecordReference value, AttioAttributeType? type)
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
                switch (type)
                {
                    case AttioAttributeType.EmailAddress:
                        writer.WriteString(WireNames.EmailAddress, value.MatchingValue);
                        break;
                    case AttioAttributeType.Domain:
                        writer.WriteString(WireNames.Domain, AttioSyntax.NormalizeDomain(value.MatchingValue) ?? value.MatchingValue);
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
}
