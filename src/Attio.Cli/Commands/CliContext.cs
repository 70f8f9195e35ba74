using Attio.Cli.Output;

namespace Attio.Cli.Commands;

/// <summary>What every command needs: the (redacting) output streams, the console facts and what was learnt while running.</summary>
public sealed class CliContext(CliConsole console, RedactingWriter output, RedactingWriter error)
{
    /// <summary>The console the tool runs in.</summary>
    public CliConsole Console { get; } = console;

    /// <summary>Standard output, with secrets masked.</summary>
    public RedactingWriter Out { get; } = output;

    /// <summary>Standard error, with secrets masked.</summary>
    public RedactingWriter Error { get; } = error;

    /// <summary>The Attio address in use, once a command has resolved it; error messages name it.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Masks <paramref name="secret"/> on both streams.</summary>
    public void AddSecret(string? secret)
    {
        Out.AddSecret(secret);
        Error.AddSecret(secret);
    }

    /// <summary>Progress on a terminal, silence when stderr is a pipe or a CI log.</summary>
    public IPullProgress CreateProgress() =>
        Console.IsErrorRedirected ? SilentPullProgress.Instance : new TerminalPullProgress(Error);
}
