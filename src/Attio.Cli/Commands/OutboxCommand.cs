using System.CommandLine;
using Attio.Cli.Output;

namespace Attio.Cli.Commands;

/// <summary>
/// <c>attio outbox status | list [--dead] [--limit N] | retry (--all | ID) | purge --dead [--older-than 7d] | migrate</c>: look into a
/// durable outbox (<c>--sqlite FILE</c> or <c>--postgres CONN</c>) and act on its dead letters. Store failures are exit code 8, a missing file or id exit code 7.
/// </summary>
public static class OutboxCommand
{
    /// <summary>Builds <c>outbox</c> and its subcommands.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("outbox", "Inspect a durable outbox (pending events, dead letters) and retry or purge dead letters.");
        command.Subcommands.Add(Status(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Retry(context));
        command.Subcommands.Add(Purge(context));
        command.Subcommands.Add(Migrate(context));
        return command;
    }

    private static Command Migrate(CliContext context)
    {
        var store = new OutboxStoreOptions();
        var command = new Command("migrate", "Create or upgrade a PostgreSQL outbox's tables (idempotent; safe while instances run).");
        store.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            PostgresAttioOutbox outbox = store.PostgresStore(parse, migrate: true)
                ?? throw CliException.Usage("migrate works on PostgreSQL: --postgres CONNECTION-STRING (a SQLite outbox migrates itself when opened).");
            await using (outbox.ConfigureAwait(false))
            {
                try
                {
                    int applied = await outbox.MigrateAsync(cancellationToken).ConfigureAwait(false);
                    await context.Out.WriteLineAsync(applied == 0
                        ? $"{outbox.Description} is up to date (schema version {PostgresAttioOutbox.SchemaVersion})."
                        : $"Applied {applied} migration(s) to {outbox.Description}: schema version {PostgresAttioOutbox.SchemaVersion}.").ConfigureAwait(false);
                    return ExitCodes.Success;
                }
                catch (AttioOutboxException exception)
                {
                    throw new CliException(ExitCodes.OutboxStoreError, exception.Message, exception);
                }
            }
        });
        return command;
    }

    private static Command Status(CliContext context)
    {
        var store = new OutboxStoreOptions();
        var command = new Command("status", "Counts by state and the age of the oldest pending event.");
        store.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(store, parse, cancellationToken, async outbox =>
        {
            AttioOutboxStatus status = await outbox.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            await OutboxFormatter.WriteStatusAsync(context.Out, outbox.Description, status, context.Console.Clock.GetUtcNow()).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List(CliContext context)
    {
        var store = new OutboxStoreOptions();
        var dead = new Option<bool>("--dead") { Description = "Only dead letters, newest first, with Attio's status, code, message and execution id." };
        var limit = new Option<int>("--limit") { Description = "At most this many rows.", DefaultValueFactory = _ => 50, HelpName = "n" };
        var command = new Command("list", "Events waiting for delivery in enqueue order, or the dead letters (--dead).");
        store.AddTo(command);
        command.Options.Add(dead);
        command.Options.Add(limit);
        command.SetAction((parse, cancellationToken) => RunAsync(store, parse, cancellationToken, async outbox =>
        {
            int max = parse.GetValue(limit);
            if (max < 1)
            {
                throw CliException.Usage($"--limit must be at least 1, not {max}.");
            }

            var query = new AttioOutboxQuery { State = parse.GetValue(dead) ? AttioOutboxState.Dead : null, Limit = max };
            IReadOnlyList<AttioOutboxEntry> rows = await outbox.ListAsync(query, cancellationToken).ConfigureAwait(false);
            await OutboxFormatter.WriteRowsAsync(context.Out, rows, query.State == AttioOutboxState.Dead).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Retry(CliContext context)
    {
        var store = new OutboxStoreOptions();
        var all = new Option<bool>("--all") { Description = "Every dead letter." };
        var id = new Argument<long?>("id") { Description = "The id of one dead letter (from 'attio outbox list --dead').", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("retry", "Return dead letters to pending, due at once with attempts reset; a running sender delivers them.");
        store.AddTo(command);
        command.Options.Add(all);
        command.Arguments.Add(id);
        command.SetAction((parse, cancellationToken) =>
        {
            long? one = parse.GetValue(id);
            bool every = parse.GetValue(all);
            if (every == one.HasValue)
            {
                throw CliException.Usage("Name what to retry: 'attio outbox retry ID' for one dead letter, or --all.");
            }

            return RunAsync(store, parse, cancellationToken, async outbox =>
            {
                int changed = await outbox.RetryDeadAsync(one, context.Console.Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                if (one is { } missing && changed == 0)
                {
                    throw new CliException(ExitCodes.NotFound, $"No dead letter with id {missing} in {outbox.Description}. List them with 'attio outbox list --dead'.");
                }

                await context.Out.WriteLineAsync($"Returned {changed} dead letter(s) to pending.").ConfigureAwait(false);
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static Command Purge(CliContext context)
    {
        var store = new OutboxStoreOptions();
        var dead = new Option<bool>("--dead") { Description = "Required: purge removes dead letters only (pending events are never purged)." };
        var olderThan = new Option<string?>("--older-than") { Description = "Only dead letters that died longer ago than this (7d, 12h, 30m, 45s).", HelpName = "age" };
        var command = new Command("purge", "Delete dead letters for good.");
        store.AddTo(command);
        command.Options.Add(dead);
        command.Options.Add(olderThan);
        command.SetAction((parse, cancellationToken) =>
        {
            if (!parse.GetValue(dead))
            {
                throw CliException.Usage("purge deletes dead letters only; say so with --dead.");
            }

            TimeSpan? age = parse.GetValue(olderThan) is { } text ? OutboxFormatter.ParseAge(text) : null;
            return RunAsync(store, parse, cancellationToken, async outbox =>
            {
                DateTimeOffset? before = age is { } a ? context.Console.Clock.GetUtcNow() - a : null;
                int deleted = await outbox.PurgeDeadAsync(before, cancellationToken).ConfigureAwait(false);
                await context.Out.WriteLineAsync($"Purged {deleted} dead letter(s).").ConfigureAwait(false);
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static async Task<int> RunAsync(OutboxStoreOptions store, ParseResult parse, CancellationToken cancellationToken, Func<IAttioOutbox, Task<int>> work)
    {
        try
        {
            IAttioOutbox outbox = await store.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            await using (outbox.ConfigureAwait(false))
            {
                return await work(outbox).ConfigureAwait(false);
            }
        }
        catch (AttioOutboxException exception)
        {
            throw new CliException(ExitCodes.OutboxStoreError, exception.Message, exception);
        }
    }
}
