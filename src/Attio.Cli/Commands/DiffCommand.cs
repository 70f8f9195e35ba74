using System.CommandLine;
using Attio.Cli.Output;
using Attio.Cli.Schema;

namespace Attio.Cli.Commands;

/// <summary><c>attio schema diff &lt;old&gt; &lt;new&gt;</c>: what changed between two schema files, and whether it breaks a build.</summary>
public static class DiffCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var oldFile = new Argument<string>("old") { Description = "The schema file the code was generated from." };
        var newFile = new Argument<string>("new") { Description = "The schema file to compare it with." };
        var json = JsonOption();
        var command = new Command("diff", "List added, removed and changed objects, attributes, flags, types, options and statuses. Exit code 0: no changes, 1: harmless changes only, 2: breaking changes.");
        command.Arguments.Add(oldFile);
        command.Arguments.Add(newFile);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            string oldPath = parse.GetValue(oldFile)!, newPath = parse.GetValue(newFile)!;
            var diff = SchemaDiff.Compare(SchemaDocumentReader.ReadFile(oldPath), SchemaDocumentReader.ReadFile(newPath));
            await Report(context, diff, oldPath, newPath, parse.GetValue(json), hint: null).ConfigureAwait(false);
            return ExitCodes.For(diff);
        });
        return command;
    }

    /// <summary><c>--json</c>, shared with check.</summary>
    public static Option<bool> JsonOption() => new("--json") { Description = "Print the changes as JSON (kind, path, breaking, description, old, new) instead of text." };

    /// <summary>Prints <paramref name="diff"/> to stdout as text or JSON.</summary>
    internal static async Task Report(CliContext context, SchemaDiffResult diff, string oldName, string newName, bool json, string? hint)
    {
        if (json)
        {
            await context.Out.WriteAsync(DiffFormatter.ToJson(diff)).ConfigureAwait(false);
            return;
        }

        await context.Out.WriteAsync(DiffFormatter.ToText(diff, oldName, newName)).ConfigureAwait(false);
        if (hint is not null && diff.Changes.Count > 0)
        {
            await context.Out.WriteLineAsync(hint).ConfigureAwait(false);
        }
    }
}
