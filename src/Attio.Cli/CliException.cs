namespace Attio.Cli;

/// <summary>
/// A failure the tool explains itself: the message is shown as is, without a stack trace, and the process exits with
/// <see cref="ExitCode"/>. Thrown for usage and configuration problems, so that commands stay linear.
/// </summary>
public sealed class CliException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The exit code, one of <see cref="ExitCodes"/>.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>A usage or configuration error (exit code 3).</summary>
    public static CliException Usage(string message, Exception? inner = null) => new(ExitCodes.UsageError, message, inner);
}
