namespace Attio;

/// <summary>A value for a <c>select</c> attribute: an option named by its title or by its option id.</summary>
public readonly record struct SelectOption
{
    private SelectOption(string reference, bool isId)
    {
        Reference = reference;
        IsId = isId;
    }

    /// <summary>The option's title or id, as sent to Attio.</summary>
    public string Reference { get; }

    /// <summary>True when <see cref="Reference"/> is an option id.</summary>
    public bool IsId { get; }

    /// <summary>An option by its exact title.</summary>
    public static SelectOption FromTitle(string title) => new(title, false);

    /// <summary>An option by its id.</summary>
    public static SelectOption FromId(Guid optionId) => new(optionId.ToString(), true);

    /// <summary>An option by its exact title.</summary>
    public static implicit operator SelectOption(string title) => FromTitle(title);

    /// <inheritdoc />
    public override string ToString() => Reference ?? string.Empty;
}

/// <summary>A value for a <c>status</c> attribute: a status named by its title or by its status id.</summary>
public readonly record struct StatusOption
{
    private StatusOption(string reference, bool isId)
    {
        Reference = reference;
        IsId = isId;
    }

    /// <summary>The status's title or id, as sent to Attio.</summary>
    public string Reference { get; }

    /// <summary>True when <see cref="Reference"/> is a status id.</summary>
    public bool IsId { get; }

    /// <summary>A status by its exact title.</summary>
    public static StatusOption FromTitle(string title) => new(title, false);

    /// <summary>A status by its id.</summary>
    public static StatusOption FromId(Guid statusId) => new(statusId.ToString(), true);

    /// <summary>A status by its exact title.</summary>
    public static implicit operator StatusOption(string title) => FromTitle(title);

    /// <inheritdoc />
    public override string ToString() => Reference ?? string.Empty;
}
