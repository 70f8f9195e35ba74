using System.Globalization;
using System.Text.Json;

namespace Attio.Internal;

public static partial class AttioCodecs
{
    // Attio asks for at least one character and matches titles exactly; a title may begin or end with spaces
    // (nothing documents otherwise), so only an empty, malformed or oversized reference is refused here.
    private static void ValidateTitle(AttioAttributeInfo attribute, string? reference, string what, AttioValidationErrors errors)
    {
        if (string.IsNullOrEmpty(reference))
        {
            errors.Add(attribute, reference, $"a non-empty {what} title or {what} id (at least one character)");
        }
        else if (!AttioSyntax.IsWellFormedText(reference))
        {
            errors.Add(attribute, reference, $"a {what} title of well-formed text (the value has an unpaired UTF-16 surrogate)");
        }
        else if (!IsWithinTextLimit(reference))
        {
            errors.Add(attribute, $"{reference.Length} characters", $"a {what} title of at most 10 MB (UTF-8)");
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
                errors.Add(attribute, value.MemberEmail, "a workspace member's email address such as \"name@example.com\", or a member id");
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
}
