namespace Attio;

/// <summary>A value for a <c>personal-name</c> attribute. Always written with all three parts, as Attio requires.</summary>
public sealed record PersonalName
{
    /// <summary>Creates a name from its parts; <paramref name="fullName"/> defaults to "First Last".</summary>
    public PersonalName(string firstName, string lastName, string? fullName = null)
    {
        FirstName = firstName ?? string.Empty;
        LastName = lastName ?? string.Empty;
        FullName = fullName ?? string.Join(' ', new[] { FirstName, LastName }.Where(p => p.Length > 0));
    }

    /// <summary>The first name.</summary>
    public string FirstName { get; }

    /// <summary>The last name.</summary>
    public string LastName { get; }

    /// <summary>The name as displayed.</summary>
    public string FullName { get; }

    /// <summary>
    /// Reads Attio's string form: "Last, First". Everything before the first comma is the last name;
    /// a string without a comma is all first name (Attio's documented rule).
    /// </summary>
    public static PersonalName Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int comma = value.IndexOf(',');
        if (comma < 0)
        {
            return new PersonalName(value.Trim(), string.Empty);
        }

        return new PersonalName(value[(comma + 1)..].Trim(), value[..comma].Trim());
    }

    /// <summary>Converts "Last, First" text to a name.</summary>
    public static implicit operator PersonalName(string value) => Parse(value);

    /// <inheritdoc />
    public override string ToString() => FullName;
}
