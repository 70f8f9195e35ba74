namespace Attio.Cli.Output;

/// <summary>
/// Everything the commands take from the outside world: the two output streams, whether they are terminals, the
/// environment and the clock. The process passes the real ones; tests pass writers they can read and fixed values,
/// so that commands run in-process exactly as from a shell.
/// </summary>
public sealed class CliConsole
{
    /// <summary>Standard output: results (diffs, summaries, the schema with <c>--out -</c>).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: progress and error messages, so that stdout stays machine-readable.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>True when stdout goes to a file or pipe rather than a terminal.</summary>
    public bool IsOutputRedirected { get; init; } = true;

    /// <summary>True when stderr goes to a file or pipe; progress is only shown on a terminal.</summary>
    public bool IsErrorRedirected { get; init; } = true;

    /// <summary>Reads an environment variable (<c>ATTIO_API_TOKEN</c>, <c>ATTIO_BASE_URL</c>).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = _ => null;

    /// <summary>The clock that stamps <c>exported_at</c> when the schema changed.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The process's console, environment and clock.</summary>
    public static CliConsole FromSystem() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        IsOutputRedirected = Console.IsOutputRedirected,
        IsErrorRedirected = Console.IsErrorRedirected,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        Clock = TimeProvider.System,
    };
}
