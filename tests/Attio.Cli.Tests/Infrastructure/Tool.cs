using Attio.Cli;
using Attio.Cli.Output;

namespace Attio.Cli.Tests.Infrastructure;

/// <summary>What one run of the tool printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Both streams, for "never printed anywhere" assertions.</summary>
    public string AllOutput => Stdout + Stderr;

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>Runs the tool in-process through <see cref="CliApp.RunAsync"/>, as the process would, with captured streams.</summary>
public static class Tool
{
    public static readonly DateTimeOffset FixedNow = new(2026, 1, 31, 9, 30, 0, TimeSpan.Zero);

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? environment, bool terminal, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var console = new CliConsole
        {
            Out = stdout,
            Error = stderr,
            IsOutputRedirected = !terminal,
            IsErrorRedirected = !terminal,
            GetEnvironmentVariable = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            Clock = new FixedClock(FixedNow),
        };
        int code = await CliApp.RunAsync(args, console);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunAsync(environment, terminal: false, args);

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(null, terminal: false, args);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
