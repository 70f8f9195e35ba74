using System.CommandLine;
using Attio.Cli.Commands;
using Attio.Cli.Output;

namespace Attio.Cli;

/// <summary>
/// The tool's entry point, callable in-process: parse, run one command, map every failure to a message and an exit
/// code. Program.cs passes the real console; tests pass their own and read what was written.
/// </summary>
public static class CliApp
{
    /// <summary>Runs <c>attio</c> with <paramref name="args"/> and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        using var output = new RedactingWriter(console.Out);
        using var error = new RedactingWriter(console.Error);
        var context = new CliContext(console, output, error);
        // Mask the token before anything is parsed: a parse error may echo the very argument that holds it.
        context.AddSecret(console.GetEnvironmentVariable(AttioClientOptions.TokenEnvironmentVariable));
        foreach (var token in TokenArguments(args))
        {
            context.AddSecret(token);
        }

        foreach (var password in PostgresPasswords.In(args))
        {
            context.AddSecret(password);
        }

        try
        {
            var parse = BuildRootCommand(context).Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var problem in parse.Errors)
                {
                    await error.WriteLineAsync("error: " + problem.Message).ConfigureAwait(false);
                }

                await error.WriteLineAsync("Run 'attio --help' for usage.").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                // Failures are reported by ErrorReporter below: one line, a documented exit code, no stack trace.
                EnableDefaultExceptionHandler = false,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex, error, context.BaseAddress);
        }
        finally
        {
            await output.FlushAsync().ConfigureAwait(false);
            await error.FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The command tree: <c>attio schema pull|diff|check</c>, <c>attio outbox status|list|retry|purge</c>.</summary>
    public static RootCommand BuildRootCommand(CliContext context)
    {
        var schema = new Command("schema", "Export, compare and check the Attio workspace schema (attio-schema.json) that the source generator reads.");
        schema.Subcommands.Add(PullCommand.Create(context));
        schema.Subcommands.Add(DiffCommand.Create(context));
        schema.Subcommands.Add(CheckCommand.Create(context));
        var root = new RootCommand("attio: keep attio-schema.json in step with your Attio workspace.");
        root.Subcommands.Add(schema);
        root.Subcommands.Add(OutboxCommand.Create(context));
        return root;
    }

    /// <summary>
    /// Every value that may be a token: what follows <c>--token</c>, and also what follows a misspelt or differently
    /// cased spelling of it (<c>--tokn</c>, <c>--Token</c>, <c>--api-key</c>), which the parser rejects and echoes.
    /// </summary>
    internal static IEnumerable<string> TokenArguments(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith('-'))
            {
                continue;
            }

            int separator = args[i].IndexOfAny(['=', ':']);
            string name = separator < 0 ? args[i] : args[i][..separator];
            if (!IsTokenLike(name))
            {
                continue;
            }

            if (separator >= 0)
            {
                yield return args[i][(separator + 1)..];
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith('-'))
            {
                yield return args[i + 1];
            }
        }
    }

    /// <summary>An option name that means "the token" to whoever typed it: within two edits of <c>token</c>, or naming a key or secret.</summary>
    internal static bool IsTokenLike(string option)
    {
        string name = option.TrimStart('-', '/').ToLowerInvariant();
        return name.Contains("tok", StringComparison.Ordinal) || name.Contains("key", StringComparison.Ordinal)
            || name.Contains("secret", StringComparison.Ordinal) || EditDistance(name, "token") <= 2;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
