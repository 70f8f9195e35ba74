using System.CommandLine;
using Attio.Cli.Output;
using Attio.Cli.Schema;

namespace Attio.Cli.Commands;

/// <summary>
/// <c>attio schema check</c>: pull the live schema into memory and diff the committed file against it. For CI: exit
/// code 2 means regenerating from the live workspace would break the build, 1 that the file is merely out of date.
/// </summary>
public static class CheckCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var connection = new ConnectionOptions();
        var schema = new Option<string>("--schema", "-s")
        {
            Description = "The committed schema file to check.",
            DefaultValueFactory = _ => PullCommand.DefaultSchemaFile,
            HelpName = "file",
        };
        var includeArchived = new Option<bool>("--include-archived")
        {
            Description = "Read archived attributes, options and statuses too; use it when the file was pulled with it.",
        };
        var json = DiffCommand.JsonOption();
        var command = new Command("check", "Compare the schema file with the live workspace. Exit code 0: in sync, 1: harmless changes only, 2: breaking changes.");
        command.Options.Add(schema);
        command.Options.Add(includeArchived);
        command.Options.Add(json);
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            string path = parse.GetValue(schema) ?? PullCommand.DefaultSchemaFile;
            // The file first: a typo in --schema should fail at once, without a round of requests.
            var committed = SchemaDocumentReader.ReadFile(path);
            using var client = connection.CreateClient(parse, context);
            var pulled = await new SchemaPuller(client, context.CreateProgress()).PullAsync(parse.GetValue(includeArchived), cancellationToken).ConfigureAwait(false);
            if (pulled.MembersRefused is not null)
            {
                // Members never break a build, so the comparison that matters still stands; say what it left out.
                await context.Error.WriteLineAsync("warning: " + ErrorReporter.DescribeMissingMembers(pulled.MembersRefused, wroteFile: false)).ConfigureAwait(false);
            }

            var live = SchemaDocumentReader.Read(SchemaDocumentWriter.Write(pulled, "live"), "the live workspace");
            var diff = SchemaDiff.Compare(committed, live);
            await DiffCommand.Report(context, diff, path, "the live workspace", parse.GetValue(json),
                $"Run 'attio schema pull --out {path}' to update the file, then rebuild.").ConfigureAwait(false);
            return ExitCodes.For(diff);
        });
        return command;
    }
}
