using System.Net;

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
            $"Could not reach Attio{(baseAddress is null ? string.Empty : $" at {baseAddress.GetLeftPart(UriPartial.Authority)}")}. {transport.Message} " +
            "Check the network connection, any proxy, and --base-url / ATTIO_BASE_URL."),
        OperationCanceledException => (ExitCodes.Cancelled, "Cancelled."),
        _ => (ExitCodes.InternalError, $"Unexpected {exception.GetType().Name}: {exception.Message} (this is a bug in the attio tool; please report it)."),
    };

    private static string DescribeApi(AttioApiException api)
    {
        string detail = string.IsNullOrWhiteSpace(api.AttioMessage) ? string.Empty : $" Attio said: {api.AttioMessage.TrimEnd('.')}.";
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
            _ => $"Attio returned {(int)api.StatusCode} {api.Code ?? api.StatusCode.ToString()} for {api.Method} {api.Path}.{detail}{execution}".TrimEnd('.') + ".",
        };
    }
}
