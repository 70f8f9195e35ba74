using System.Globalization;

namespace Attio.Cli.Output;

/// <summary>
/// Prints outbox status and rows. Rows show their label (no record values) and Attio's error fields; the stored plan is
/// never printed, so whatever it holds stays in the file.
/// </summary>
public static class OutboxFormatter
{
    /// <summary>Writes the counts and the oldest pending age.</summary>
    public static async Task WriteStatusAsync(TextWriter output, string store, AttioOutboxStatus status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(status);
        await output.WriteLineAsync($"Outbox {store}").ConfigureAwait(false);
        await output.WriteLineAsync($"  pending:      {status.Pending}").ConfigureAwait(false);
        await output.WriteLineAsync($"  in flight:    {status.InFlight}").ConfigureAwait(false);
        await output.WriteLineAsync($"  dead letters: {status.Dead}").ConfigureAwait(false);
        await output.WriteLineAsync($"  delivered:    {status.Delivered}").ConfigureAwait(false);
        string oldest = status.OldestPendingEnqueuedAt is { } at
            ? $"{Age(status.OldestPendingAge(now))} (enqueued {Stamp(at)})"
            : "none";
        await output.WriteLineAsync($"  oldest pending: {oldest}").ConfigureAwait(false);
    }

    /// <summary>Writes one block per row; dead letters with why they died.</summary>
    public static async Task WriteRowsAsync(TextWriter output, IReadOnlyList<AttioOutboxEntry> rows, bool dead)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            await output.WriteLineAsync(dead ? "No dead letters." : "No events waiting.").ConfigureAwait(false);
            return;
        }

        foreach (AttioOutboxEntry row in rows)
        {
            string when = row.State == AttioOutboxState.Dead && row.FinishedAt is { } died
                ? "died " + Stamp(died)
                : "next attempt " + Stamp(row.NextAttemptAt);
            await output.WriteLineAsync(
                $"{row.Id}  {State(row.State)}  {row.Description}  attempts {row.Attempts}  enqueued {Stamp(row.EnqueuedAt)}  {when}").ConfigureAwait(false);
            if (row.LastError is { } error)
            {
                await output.WriteLineAsync("    " + Describe(error)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Attio's answer as one line: status, code, message, execution id.</summary>
    public static string Describe(AttioOutboxError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        string status = error.StatusCode is { } code ? code.ToString(CultureInfo.InvariantCulture) + " " : string.Empty;
        string execution = error.ExecutionId is null ? string.Empty : $" (execution id {error.ExecutionId})";
        return $"{error.Kind}: {status}{error.Code ?? "-"}: {ErrorReporter.Sentence(error.Message)}{execution}";
    }

    /// <summary>Parses <c>7d</c>, <c>12h</c>, <c>30m</c>, <c>45s</c> or a TimeSpan (<c>1.12:00:00</c>); anything else is a usage error.</summary>
    public static TimeSpan ParseAge(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (trimmed.Length > 1 && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double amount) && amount >= 0)
        {
            TimeSpan? age = char.ToLowerInvariant(trimmed[^1]) switch
            {
                'd' => TimeSpan.FromDays(amount),
                'h' => TimeSpan.FromHours(amount),
                'm' => TimeSpan.FromMinutes(amount),
                's' => TimeSpan.FromSeconds(amount),
                _ => null,
            };
            if (age is { } parsed)
            {
                return parsed;
            }
        }

        if (TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out TimeSpan span) && span >= TimeSpan.Zero)
        {
            return span;
        }

        throw CliException.Usage($"--older-than '{text}' is not an age; use a number with d, h, m or s (7d, 12h, 30m, 45s).");
    }

    private static string State(AttioOutboxState state) => state switch
    {
        AttioOutboxState.Pending => "pending",
        AttioOutboxState.InFlight => "in-flight",
        AttioOutboxState.Delivered => "delivered",
        _ => "dead",
    };

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Age(TimeSpan age) => age.TotalDays >= 1
        ? $"{(int)age.TotalDays}d {age.Hours}h"
        : age.TotalHours >= 1 ? $"{(int)age.TotalHours}h {age.Minutes}m" : $"{(int)age.TotalMinutes}m {age.Seconds}s";
}
