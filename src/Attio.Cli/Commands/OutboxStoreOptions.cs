using System.CommandLine;

namespace Attio.Cli.Commands;

/// <summary>
/// Which outbox a command works on. Every store option is declared here and <see cref="OpenAsync"/> is the one place that
/// turns them into a store, so another store is one option and one branch.
/// </summary>
public sealed class OutboxStoreOptions
{
    /// <summary><c>--sqlite FILE</c>.</summary>
    public Option<string?> Sqlite { get; } = new("--sqlite")
    {
        Description = "The SQLite outbox file (what UseSqliteOutbox was given).",
        HelpName = "file",
    };

    /// <summary>Adds the store options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Sqlite);
    }

    /// <summary>
    /// The opened store the options name. Exactly one store option is required (exit code 3); a missing file is exit code 7
    /// (the tool never creates an empty outbox by a typo); a store that cannot be opened is exit code 8.
    /// </summary>
    public async Task<IAttioOutbox> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        string? file = parse.GetValue(Sqlite);
        if (string.IsNullOrWhiteSpace(file))
        {
            throw CliException.Usage("Name the outbox: --sqlite FILE.");
        }

        if (!File.Exists(file))
        {
            throw new CliException(ExitCodes.NotFound, $"No outbox file at '{Path.GetFullPath(file)}'. Check the path given to UseSqliteOutbox.");
        }

        var outbox = new SqliteAttioOutbox(file);
        try
        {
            await outbox.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AttioOutboxException)
        {
            await outbox.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return outbox;
    }
}
