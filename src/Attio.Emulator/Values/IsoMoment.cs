using System.Globalization;
using System.Text.RegularExpressions;

namespace Attio.Emulator.Values;

/// <summary>
/// Parses the partial ISO-8601 forms Attio accepts ("2023", "2023-01", "2023-01-02T13:00", offsets…)
/// into a UTC moment. Nanoseconds are kept as digits because <see cref="DateTime"/> stops at 100 ns.
/// </summary>
internal readonly partial record struct IsoMoment(DateTime UtcSeconds, string Nanoseconds)
{
    [GeneratedRegex(@"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,9}))?)?(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?)?)?$")]
    private static partial Regex Pattern();

    public static IsoMoment? TryParse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        int Part(int group, int fallback) =>
            match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : fallback;

        DateTime local;
        try
        {
            local = new DateTime(Part(1, 1), Part(2, 1), Part(3, 1), Part(4, 0), Part(5, 0), Part(6, 0), DateTimeKind.Unspecified);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }

        if (match.Groups[4].Success && Part(4, 0) > 23)
        {
            return null;
        }

        var offset = ParseOffset(match.Groups[8].Value);
        if (offset is null)
        {
            return null;
        }

        DateTime utc;
        try
        {
            utc = DateTime.SpecifyKind(local - offset.Value, DateTimeKind.Utc);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }

        return new IsoMoment(utc, match.Groups[7].Value.PadRight(9, '0'));
    }

    public string ToTimestamp() =>
        UtcSeconds.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "." + Nanoseconds + "Z";

    public string ToDate() => UtcSeconds.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset moment)
    {
        var utc = moment.UtcDateTime;
        var ticks = utc.Ticks % TimeSpan.TicksPerSecond;
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "." +
               (ticks * 100).ToString("D9", CultureInfo.InvariantCulture) + "Z";
    }

    private static TimeSpan? ParseOffset(string text)
    {
        if (text.Length == 0 || text == "Z")
        {
            return TimeSpan.Zero;
        }

        var sign = text[0] == '-' ? -1 : 1;
        var digits = text[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = digits.Length > 2 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
        if (hours > 23 || minutes > 59)
        {
            return null;
        }

        return sign * new TimeSpan(hours, minutes, 0);
    }
}
