using System.CommandLine;

namespace Attio.Cli.Commands;

/// <summary>
/// <c>--token</c> and <c>--base-url</c>, with <c>ATTIO_API_TOKEN</c> / <c>ATTIO_BASE_URL</c> behind them: the same
/// variables the runtime reads, so one CI secret serves the build, the tool and the application.
/// </summary>
public sealed class ConnectionOptions
{
    /// <summary><c>--token</c>.</summary>
    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"Attio API token (needs object_configuration:read; user_management:read to export workspace members). Default: ${AttioClientOptions.TokenEnvironmentVariable}. Prefer the variable: arguments show up in process lists and shell history.",
        HelpName = "token",
    };

    /// <summary><c>--base-url</c>.</summary>
    public Option<string?> BaseUrl { get; } = new("--base-url")
    {
        Description = $"Attio's address. Default: ${AttioClientOptions.BaseUrlEnvironmentVariable}, else {AttioClientOptions.DefaultBaseAddress}. Plain http only for loopback (a local emulator).",
        HelpName = "url",
    };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Token);
        command.Options.Add(BaseUrl);
    }

    /// <summary>A client for the resolved token and address; missing or unusable settings are usage errors (exit code 3).</summary>
    public AttioClient CreateClient(ParseResult parse, CliContext context)
    {
        string? token = Trimmed(parse.GetValue(Token)) ?? Trimmed(context.Console.GetEnvironmentVariable(AttioClientOptions.TokenEnvironmentVariable));
        context.AddSecret(token);
        if (token is null)
        {
            throw CliException.Usage(
                $"No Attio API token. Pass --token or set {AttioClientOptions.TokenEnvironmentVariable}. " +
                "Create one in Attio under Workspace settings > Developers with the scopes object_configuration:read and user_management:read.");
        }

        string? url = Trimmed(parse.GetValue(BaseUrl)) ?? Trimmed(context.Console.GetEnvironmentVariable(AttioClientOptions.BaseUrlEnvironmentVariable));
        var baseAddress = AttioClientOptions.DefaultBaseAddress;
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out baseAddress))
        {
            throw CliException.Usage($"The base URL '{url}' is not an absolute URL such as https://api.attio.com/.");
        }

        // A command run by hand reports an outage after a few seconds; the runtime's default (2 min) suits background work.
        var options = new AttioClientOptions { ApiToken = token, BaseAddress = baseAddress!, MaxRetryAttempts = 4, MaxRetryDuration = TimeSpan.FromSeconds(30) };
        var problems = options.GetValidationErrors();
        if (problems.Count > 0)
        {
            // The runtime's messages name its configuration keys; the tool's user set flags or variables, so say so.
            throw CliException.Usage("Cannot connect to Attio: " + string.Join(" ", problems)
                .Replace("Attio:ApiToken", "The token (--token / ATTIO_API_TOKEN)", StringComparison.Ordinal)
                .Replace("Attio:BaseAddress", "The base URL (--base-url / ATTIO_BASE_URL)", StringComparison.Ordinal));
        }

        context.BaseAddress = options.BaseAddress;
        return new AttioClient(options);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
