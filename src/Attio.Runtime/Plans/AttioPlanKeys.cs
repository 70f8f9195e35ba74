namespace Attio;

/// <summary>How the plan compares values: Attio compares email addresses and domains without case.</summary>
internal static class AttioPlanKeys
{
    /// <summary>The text a value is matched by: emails and domains trimmed and lower-cased, other values as written.</summary>
    public static string? Normalise(AttioAttributeType type, object? value) => value switch
    {
        null => null,
        string text when type == AttioAttributeType.EmailAddress => text.Trim().ToLowerInvariant(),
        string text when type == AttioAttributeType.Domain => text.Trim().TrimEnd('.').ToLowerInvariant(),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Whether two values are the same value for Attio.</summary>
    public static bool SameValue<T>(AttioAttributeType type, T left, T right) =>
        left is string && (type == AttioAttributeType.EmailAddress || type == AttioAttributeType.Domain)
            ? Normalise(type, left) == Normalise(type, right)
            : EqualityComparer<T>.Default.Equals(left, right);

    /// <summary>The key of the record a step finds: <c>object|attribute|normalised value</c>.</summary>
    public static string RecordKey(string objectSlug, string attribute, string normalisedValue) => $"{objectSlug}|{attribute}|{normalisedValue}";
}
