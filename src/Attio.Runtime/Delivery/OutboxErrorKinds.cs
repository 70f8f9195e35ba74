namespace Attio;

/// <summary>The <see cref="AttioOutboxError.Kind"/> values the sender writes.</summary>
internal static class OutboxErrorKinds
{
    public const string Transient = "transient";
    public const string Permanent = "permanent";
    public const string Horizon = "horizon";
    public const string Unreadable = "unreadable";
    public const string UncertainCreate = "uncertain-create";
}
