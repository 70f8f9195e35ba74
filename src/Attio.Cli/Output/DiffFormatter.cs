using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Attio.Cli.Schema;

namespace Attio.Cli.Output;

/// <summary>Renders a diff for people (grouped, breaking first) or for machines (<c>--json</c>).</summary>
internal static class DiffFormatter
{
    /// <summary>
    /// Breaking changes first, each marked <c>!</c>, then harmless ones marked <c>+</c> (added), <c>-</c> (removed)
    /// or <c>~</c> (changed), and a closing line that says what the exit code says.
    /// </summary>
    public static string ToText(SchemaDiffResult diff, string oldName, string newName)
    {
        ArgumentNullException.ThrowIfNull(diff);
        if (diff.Changes.Count == 0)
        {
            return $"No changes between {oldName} and {newName}.\n";
        }

        var text = new StringBuilder();
        Section(text, "Breaking changes (code generated from the old schema will not compile against the new one)", diff.Breaking, breaking: true);
        Section(text, "Harmless changes", diff.Harmless, breaking: false);
        text.Append($"{diff.Changes.Count} change{(diff.Changes.Count == 1 ? string.Empty : "s")} from {oldName} to {newName}: ")
            .Append(diff.Breaking.Count).Append(" breaking, ").Append(diff.Harmless.Count).Append(" harmless.\n");
        return text.ToString();
    }

    /// <summary>
    /// <c>{"exit_code": 2, "breaking": 1, "harmless": 3, "changes": [{"kind": "attribute_removed", "path": ..., "breaking": true, "description": ..., "old": ..., "new": ...}]}</c>.
    /// Kinds are snake_case names of <see cref="ChangeKind"/>.
    /// </summary>
    public static string ToJson(SchemaDiffResult diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            // Paths and titles are shown as written ("->", quotes, accents); the output is data, never embedded in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("exit_code", ExitCodes.For(diff));
            writer.WriteNumber("breaking", diff.Breaking.Count);
            writer.WriteNumber("harmless", diff.Harmless.Count);
            writer.WriteStartArray("changes");
            foreach (var change in diff.Changes)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", KindName(change.Kind));
                writer.WriteString("path", change.Path);
                writer.WriteBoolean("breaking", change.Breaking);
                writer.WriteString("description", change.Description);
                writer.WriteString("old", change.Old);
                writer.WriteString("new", change.New);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary><see cref="ChangeKind.BecameReadOnly"/> -> <c>became_read_only</c>.</summary>
    public static string KindName(ChangeKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    private static void Section(StringBuilder text, string title, IReadOnlyList<Change> changes, bool breaking)
    {
        if (changes.Count == 0)
        {
            return;
        }

        text.Append(title).Append(":\n");
        int width = changes.Max(c => c.Path.Length);
        foreach (var change in changes)
        {
            text.Append("  ").Append(breaking ? '!' : Marker(change.Kind)).Append(' ')
                .Append(change.Path.PadRight(width)).Append("  ").Append(change.Description).Append('\n');
        }

        text.Append('\n');
    }

    private static char Marker(ChangeKind kind) => kind.ToString() switch
    {
        var name when name.EndsWith("Added", StringComparison.Ordinal) => '+',
        var name when name.EndsWith("Removed", StringComparison.Ordinal) => '-',
        _ => '~',
    };
}
