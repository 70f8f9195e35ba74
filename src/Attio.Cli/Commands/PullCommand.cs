using System.CommandLine;
using System.Globalization;
using Attio.Cli.Output;
using Attio.Cli.Schema;

namespace Attio.Cli.Commands;

/// <summary><c>attio schema pull</c>: export the live workspace's schema to <c>attio-schema.json</c>.</summary>
public static class PullCommand
{
    /// <summary>The default schema file name, the one the generator picks up without configuration.</summary>
    public const string DefaultSchemaFile = "attio-schema.json";

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var connection = new ConnectionOptions();
        var output = new Option<string>("--out", "-o")
        {
            Description = "Where to write the schema; '-' writes it to stdout.",
            DefaultValueFactory = _ => DefaultSchemaFile,
            HelpName = "file",
        };
        var includeArchived = new Option<bool>("--include-archived")
        {
            Description = "Also export archived attributes, options and statuses (Attio hides them by default; the generator skips archived attributes).",
        };
        var exportedAt = new Option<string?>("--exported-at")
        {
            Description = "The exported_at stamp to write (ISO 8601). Default: the existing file's stamp when nothing else changed, else now.",
            HelpName = "timestamp",
        };

        var command = new Command("pull", "Read the workspace's objects, attributes, options, statuses and members from Attio and write the schema file.");
        command.Options.Add(output);
        command.Options.Add(includeArchived);
        command.Options.Add(exportedAt);
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            string? stamp = parse.GetValue(exportedAt) is { } text ? NormaliseStamp(text) : null;
            using var client = connection.CreateClient(parse, context);
            var pulled = await new SchemaPuller(client, context.CreateProgress()).PullAsync(parse.GetValue(includeArchived), cancellationToken).ConfigureAwait(false);
            string target = parse.GetValue(output) ?? DefaultSchemaFile;
            if (target == "-")
            {
                await context.Out.WriteAsync(SchemaDocumentWriter.Write(pulled, stamp ?? Now(context))).ConfigureAwait(false);
                return await Finish(pulled, context).ConfigureAwait(false);
            }

            bool changed = WriteFile(Path.GetFullPath(target), pulled, stamp, context);
            string members = pulled.Members is null ? "workspace members not exported" : $"{pulled.Members.Count} workspace members";
            string summary = $"{pulled.Objects.Count} objects, {pulled.AttributeCount} attributes, {members}";
            await context.Out.WriteLineAsync(changed ? $"Wrote {target} ({summary})." : $"{target} is up to date ({summary}).").ConfigureAwait(false);
            return await Finish(pulled, context).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Success, or, when Attio would not list the members, the warning and its own exit code.</summary>
    private static async Task<int> Finish(PulledSchema pulled, CliContext context)
    {
        if (pulled.MembersRefused is null)
        {
            return ExitCodes.Success;
        }

        await context.Error.WriteLineAsync("warning: " + ErrorReporter.DescribeMissingMembers(pulled.MembersRefused, wroteFile: true)).ConfigureAwait(false);
        return ExitCodes.IncompleteSchema;
    }

    /// <summary>
    /// Writes the file unless its content would not change. An unchanged workspace keeps the old file's
    /// <c>exported_at</c>, so a re-pull is byte-identical and a scheduled CI pull opens no empty pull request.
    /// </summary>
    /// <returns>True when the file was written.</returns>
    private static bool WriteFile(string path, PulledSchema pulled, string? stamp, CliContext context)
    {
        string? existing = File.Exists(path) ? ReadExisting(path) : null;
        string text;
        if (stamp is not null)
        {
            text = SchemaDocumentWriter.Write(pulled, stamp);
        }
        else if (existing is not null && SchemaDocumentReader.ReadExportedAt(existing) is { } previous
                 && SchemaDocumentWriter.Write(pulled, previous) is var same && same == existing)
        {
            text = same;
        }
        else
        {
            text = SchemaDocumentWriter.Write(pulled, Now(context));
        }

        if (text == existing)
        {
            return false;
        }

        try
        {
            // Write beside the target, then move: an interrupted pull never leaves a half-written schema behind.
            string temporary = path + ".tmp";
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CliException.Usage($"Cannot write {path}: {ex.Message}", ex);
        }
    }

    private static string? ReadExisting(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CliException.Usage($"Cannot read the existing {path}: {ex.Message}", ex);
        }
    }

    private static string Now(CliContext context) => SchemaDocumentWriter.FormatTimestamp(context.Console.Clock.GetUtcNow());

    private static string NormaliseStamp(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? SchemaDocumentWriter.FormatTimestamp(moment)
            : throw CliException.Usage($"--exported-at '{text}' is not an ISO 8601 timestamp such as 2026-01-31T09:00:00Z.");
}
