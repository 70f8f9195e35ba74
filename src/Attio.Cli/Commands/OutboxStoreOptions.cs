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

    /// <summary><c>--postgres CONN</c>: its password is masked in everything the tool prints.</summary>
    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = "The PostgreSQL connection string of the outbox's database (what UsePostgresOutbox was given).",
        HelpName = "connection-string",
    };

    /// <summary><c>--schema NAME</c> with <c>--postgres</c>.</summary>
    public Option<string> Schema { get; } = new("--schema")
    {
        Description = "With --postgres: the outbox's schema (one per Attio workspace).",
        HelpName = "name",
        DefaultValueFactory = _ => "attio_outbox",
    };

    /// <summary>Adds the store options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Sqlite);
        command.Options.Add(Postgres);
        command.Options.Add(Schema);
    }

    /// <summary>The PostgreSQL store the options name (never migrating: inspection must not create tables), or null with --sqlite.</summary>
    public PostgresAttioOutbox? PostgresStore(ParseResult parse, bool migrate)
    {
        ArgumentNullException.ThrowIfNull(parse);
        string? connection = parse.GetValue(Postgres);
        if (string.IsNullOrWhiteSpace(connection))
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(parse.GetValue(Sqlite)))
        {
            throw CliException.Usage("Name one outbox: --sqlite FILE or --postgres CONNECTION-STRING, not both.");
        }

        try
        {
            return new PostgresAttioOutbox(new PostgresAttioOutboxOptions { ConnectionString = connection, Schema = parse.GetValue(Schema)!, AutoMigrate = migrate });
        }
        catch (ArgumentException ex)
        {
            // The store's messages name the schema or the problem, never the connection string's values.
            throw CliException.Usage(ex.Message);
        }
    }

    /// <summary>
    /// The opened store the options name. Exactly one store option is required (exit code 3); a missing file is exit code 7
    /// (the tool never creates an empty outbox by a typo); a store that cannot be opened is exit code 8.
    /// </summary>
    public async Task<IAttioOutbox> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (PostgresStore(parse, migrate: false) is { } postgres)
        {
            return await InitializedAsync(postgres, cancellationToken).ConfigureAwait(false);
        }

        string? file = parse.GetValue(Sqlite);
        if (string.IsNullOrWhiteSpace(file))
        {
            throw CliException.Usage("Name the outbox: --sqlite FILE or --postgres CONNECTION-STRING.");
        }

        if (!File.Exists(file))
        {
            throw new CliException(ExitCodes.NotFound, $"No outbox file at '{Path.GetFullPath(file)}'. Check the path given to UseSqliteOutbox.");
        }

        return await InitializedAsync(new SqliteAttioOutbox(file), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IAttioOutbox> InitializedAsync(IAttioOutbox outbox, CancellationToken cancellationToken)
    {
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
