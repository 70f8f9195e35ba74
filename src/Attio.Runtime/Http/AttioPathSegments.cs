namespace Attio;

/// <summary>
/// Checks every value that becomes part of a request path before the URL is built, so a value can never change which
/// endpoint is called (<c>".."</c> as a record id would otherwise address the object itself).
/// </summary>
internal static class AttioPathSegments
{
    private const int LongestSlug = 256;

    /// <summary>A record id: Attio's ids are UUIDs.</summary>
    public static string RecordId(string? value, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, paramName);
        if (value.Length != 36 || !Guid.TryParseExact(value, "D", out _))
        {
            throw new ArgumentException(
                $"{paramName} {Show(value)} is not an Attio record id; expected a UUID such as 5f0c2a34-1b6e-4d7a-9c1e-2b3f4a5d6e7f.", paramName);
        }

        return value;
    }

    /// <summary>An object or attribute slug, or its UUID: letters, digits, '_' and '-' only.</summary>
    public static string Slug(string? value, string paramName, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, paramName);
        if (value.Length > LongestSlug || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new ArgumentException(
                $"{paramName} {Show(value)} is not an Attio {what} slug or id; expected letters, digits, '_' or '-' (e.g. \"people\").", paramName);
        }

        return value;
    }

    /// <summary>The value quoted for a message, shortened and escaped like every value the runtime quotes.</summary>
    internal static string Show(string value) => "'" + AttioText.ForMessage(value) + "'";
}
