using System.Net;
using Attio.Cli.Schema;

namespace Attio.Cli.Output;

/// <summary>
/// Turns a failure into one clear message on stderr and its exit code. Attio's errors carry the execution id
/// (what Attio support asks for); none of them, nor anything else printed, carries the token.
/// </summary>
public static class ErrorReporter
{
    /// <summary>Writes the message for <paramref name="exception"/> and returns the exit code.</summary>
    public static int Report(Exception exception, TextWriter error, Uri? baseAddress)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        var (code, message) = Describe(exception, baseAddress);
        error.WriteLine("error: " + message);
        return code;
    }

    /// <summary>The exit code and message for <paramref name="exception"/>.</summary>
    public static (int ExitCode, string Message) Describe(Exception exception, Uri? baseAddress) => exception switch
    {
        CliException cli => (cli.ExitCode, cli.Message),
        AttioApiException api => (ExitCodes.AttioError, DescribeApi(api)),
        AttioTransportException transport => (ExitCodes.AttioError,
            $"Could not reach Attio{(baseAddress is null ? string.Empty : $" at {baseAddress.GetLeftPart(UriPartial.Authority)}")}. {Sentence(transport.Message)} " +
            "Check the network connection, any proxy, and --base-url / ATTIO_BASE_URL."),
        OperationCanceledException => (ExitCodes.Cancelled, "Cancelled."),
        _ => (ExitCodes.InternalError, $"Unexpected {exception.GetType().Name}: {exception.Message.TrimEnd('.')} (this is a bug in the attio tool; please report it)."),
    };

    /// <summary>
    /// The warning for a pull or check whose token may not list workspace members: what is missing, why, what still
    /// holds, and how to get the rest.
    /// </summary>
    /// <param name="refused">Attio's 403 for GET /v2/workspace_members.</param>
    /// <param name="wroteFile">True for pull (the file was written without members), false for check (members were not compared).</param>
    public static string DescribeMissingMembers(AttioApiException refused, bool wroteFile)
    {
        ArgumentNullException.ThrowIfNull(refused);
        string execution = refused.ExecutionId is null ? string.Empty : $" (execution id {refused.ExecutionId})";
        string what = wroteFile
            ? "the schema was written without workspace members"
            : "workspace members were not compared";
        string consequence = wroteFile
            ? $"Objects and attributes are complete, and the generated code does not use members; but the file has no \"workspace_members\", so an emulator serving it knows no members and rejects actor-reference values given by email. Exit code {ExitCodes.IncompleteSchema}."
            : "Objects and attributes, all that the generated code depends on, were compared.";
        return $"{what}: Attio refused {refused.Method} {refused.Path} (403 {refused.Code ?? "forbidden"}).{AttioSaid(refused)} " +
               $"Listing workspace members needs the scope {PulledSchema.MembersScope}, which this token lacks. {consequence} " +
               $"To include them, add {PulledSchema.MembersScope} to the token under Workspace settings > Developers and run again{execution}.";
    }

    /// <summary>
    /// <paramref name="text"/> ending in exactly one full stop, question or exclamation mark: messages from Attio and
    /// libraries end either way, and appending "." blindly printed "did you mean 'people'?.".
    /// </summary>
    public static string Sentence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '?' or '!' ? trimmed : trimmed + ".";
    }

    /// <summary>" Attio said: ..." with Attio's message as one sentence, or nothing when Attio gave none.</summary>
    public static string AttioSaid(AttioApiException api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return string.IsNullOrWhiteSpace(api.AttioMessage) ? string.Empty : $" Attio said: {Sentence(api.AttioMessage)}";
    }

    private static string DescribeApi(AttioApiException api)
    {
        string detail = AttioSaid(api);
        string execution = api.ExecutionId is null ? string.Empty : $" (execution id {api.ExecutionId})";
        return api.StatusCode switch
        {
            HttpStatusCode.Unauthorized =>
                $"Attio rejected the API token (401 {api.Code ?? "unauthorized"}) for {api.Method} {api.Path}.{detail} " +
                $"Check --token or ATTIO_API_TOKEN: copy the whole token from Workspace settings > Developers{execution}.",
            HttpStatusCode.Forbidden =>
                $"Attio refused {api.Method} {api.Path} (403 {api.Code ?? "forbidden"}).{detail} " +
                $"The token needs the scopes object_configuration:read and user_management:read{execution}.",
            HttpStatusCode.TooManyRequests =>
                $"Attio kept rate-limiting the requests (429 {api.Code ?? "rate_limit_exceeded"}) for {api.Method} {api.Path} after {api.Attempts} attempts.{detail} Try again later{execution}.",
            _ => $"Attio returned {(int)api.StatusCode} {api.Code ?? api.StatusCode.ToString()} for {api.Method} {api.Path}.{detail}{execution}" +
                 (execution.Length > 0 ? "." : string.Empty),
        };
    }
}
