using System.ComponentModel;

namespace Attio.Internal;

/// <summary>
/// Conversions the code generated for <see cref="AttioObjectAttribute"/> classes uses where a cast is not enough.
/// Public so that generated code in any assembly can call it; not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AttioMappingConversions
{
    /// <summary>A <c>timestamp</c> from a <see cref="DateTime"/>: local times keep their offset, unspecified times are taken as UTC.</summary>
    public static DateTimeOffset ToTimestamp(DateTime value) =>
        value.Kind == DateTimeKind.Local ? new DateTimeOffset(value) : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>A <c>timestamp</c> from a <see cref="DateOnly"/>: midnight UTC of that day.</summary>
    public static DateTimeOffset ToTimestamp(DateOnly value) =>
        new(value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>A <c>date</c> from a <see cref="DateTime"/>: its calendar day, time ignored.</summary>
    public static DateOnly ToDate(DateTime value) => DateOnly.FromDateTime(value);

    /// <summary>
    /// A <c>date</c> from a <see cref="DateTimeOffset"/>: its calendar day in UTC, as Attio converts an offset to UTC
    /// before it drops the time (<c>2023-01-02T23:00:00-10:00</c> is <c>2023-01-03</c>).
    /// </summary>
    public static DateOnly ToDate(DateTimeOffset value) => DateOnly.FromDateTime(value.UtcDateTime);
}
