namespace Attio;

/// <summary>One value that cannot be sent to Attio, and why.</summary>
/// <param name="ObjectSlug">The object, e.g. <c>people</c>.</param>
/// <param name="AttributeSlug">The attribute, e.g. <c>email_addresses</c>.</param>
/// <param name="AttributeType">The attribute's type.</param>
/// <param name="Value">
/// The offending value as text, or null when it was missing. Stored as messages show it: control characters escaped
/// and cut after 120 characters with the original length, so a value can neither flood nor forge a log line.
/// </param>
/// <param name="Expected">What Attio accepts instead.</param>
public sealed record AttioValidationError(
    string ObjectSlug,
    string AttributeSlug,
    AttioAttributeType AttributeType,
    string? Value,
    string Expected)
{
    /// <summary>The object's slug; as the caller gave it, so escaped and shortened like a value.</summary>
    public string ObjectSlug { get; init; } = AttioText.ForMessage(ObjectSlug) ?? string.Empty;

    /// <summary>The attribute's slug; as the caller gave it (an assert's matching attribute), so escaped and shortened like a value.</summary>
    public string AttributeSlug { get; init; } = AttioText.ForMessage(AttributeSlug) ?? string.Empty;

    /// <summary>The offending value as text (escaped and shortened), or null when it was missing.</summary>
    public string? Value { get; init; } = AttioText.ForMessage(Value);

    /// <inheritdoc />
    public override string ToString() =>
        $"{ObjectSlug}.{AttributeSlug} ({AttributeType.ToApiName()}): {(Value is null ? "no value" : $"'{Value}'")} is invalid; expected {Expected}.";
}

/// <summary>Collects validation errors so that every problem is reported at once.</summary>
public sealed class AttioValidationErrors
{
    private readonly List<AttioValidationError> _errors = new();

    /// <summary>The errors so far.</summary>
    public IReadOnlyList<AttioValidationError> Errors => _errors;

    /// <summary>True when no error was added.</summary>
    public bool IsEmpty => _errors.Count == 0;

    // Set while a plan reads a record: the validation pass visits every set value once, so it also collects them.
    internal RecordValueCapture? Capture { get; set; }

    /// <summary>Adds an error for <paramref name="attribute"/>.</summary>
    public void Add(AttioAttributeInfo attribute, string? value, string expected) =>
        _errors.Add(new AttioValidationError(attribute.ObjectSlug, attribute.Slug, attribute.Type, value, expected));

    /// <summary>Adds an error.</summary>
    public void Add(AttioValidationError error) => _errors.Add(error);

    /// <summary>Throws <see cref="AttioValidationException"/> when any error was added.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new AttioValidationException(_errors.ToArray());
        }
    }
}

/// <summary>
/// Thrown before any request is sent when one or more values cannot be written to Attio.
/// Lists every problem found, not only the first.
/// </summary>
public sealed class AttioValidationException : AttioException
{
    /// <summary>Creates the exception from the errors found.</summary>
    public AttioValidationException(IReadOnlyList<AttioValidationError> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<AttioValidationError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<AttioValidationError> errors) =>
        errors.Count == 1
            ? $"Attio validation failed, nothing was sent: {errors[0]}"
            : $"Attio validation failed with {errors.Count} errors, nothing was sent:{Environment.NewLine}" +
              string.Join(Environment.NewLine, errors.Select(e => "  - " + e));
}
