namespace Attio.Cli;

/// <summary>
/// The process exit codes. Fixed and documented (docs/cli.md) because CI scripts branch on them:
/// 0-2 are the outcome of a comparison, 3 and above are failures to get that far.
/// </summary>
public static class ExitCodes
{
    /// <summary>Success; for diff and check: the schemas are equal.</summary>
    public const int Success = 0;

    /// <summary>diff / check: only changes that keep a build green (added objects, attributes, options, ...).</summary>
    public const int HarmlessChanges = 1;

    /// <summary>diff / check: at least one change that breaks code generated from the old schema.</summary>
    public const int BreakingChanges = 2;

    /// <summary>Bad arguments or configuration: unknown option, no token, invalid base URL, unreadable or invalid schema file, output not writable.</summary>
    public const int UsageError = 3;

    /// <summary>Attio answered with an error (bad token, missing scope, ...) or could not be reached.</summary>
    public const int AttioError = 4;

    /// <summary>A bug in the tool: an exception nobody expected. The message says what happened.</summary>
    public const int InternalError = 5;

    /// <summary>
    /// pull: the schema file was written with objects and attributes but without workspace members, because Attio
    /// refused to list them (403: the token lacks user_management:read). The build works from the file; CI can tell.
    /// </summary>
    public const int IncompleteSchema = 6;

    /// <summary>outbox: the outbox file does not exist, or <c>retry ID</c> names no dead letter.</summary>
    public const int NotFound = 7;

    /// <summary>outbox: the store failed (corrupt, read-only, locked beyond the busy timeout, unreachable). The message names it.</summary>
    public const int OutboxStoreError = 8;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;

    /// <summary>diff / check: 0 no changes, 1 harmless changes only, 2 at least one breaking change.</summary>
    internal static int For(Attio.Schema.Drift.SchemaDiffResult diff) =>
        diff.Changes.Count == 0 ? Success : diff.Changes.Any(c => c.Breaking) ? BreakingChanges : HarmlessChanges;
}
