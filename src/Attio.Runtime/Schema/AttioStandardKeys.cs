namespace Attio;

/// <summary>
/// The unique attributes of Attio's standard objects and their types (standard-objects reference), for a reference
/// by match whose record carries no schema facts of its own (hand-written records).
/// </summary>
internal static class AttioStandardKeys
{
    private static readonly Dictionary<(string Object, string Slug), AttioAttributeType> Keys = new()
    {
        [("people", "email_addresses")] = AttioAttributeType.EmailAddress,
        [("companies", "domains")] = AttioAttributeType.Domain,
        [("users", "user_id")] = AttioAttributeType.Text,
        [("users", "primary_email_address")] = AttioAttributeType.EmailAddress,
        [("workspaces", "workspace_id")] = AttioAttributeType.Text,
    };

    public static AttioAttributeType? TypeOf(string? objectSlug, string? attributeSlug) =>
        objectSlug is not null && attributeSlug is not null && Keys.TryGetValue((objectSlug, attributeSlug), out var type) ? type : null;
}
