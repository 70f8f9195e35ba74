using System.Globalization;

namespace Attio.Emulator;

/// <summary>The standalone emulator's arguments. Anything it cannot use is an error message, never an exception.</summary>
internal static class CommandLine
{
    public const string Usage =
        "usage: Attio.Emulator --schema <attio-schema.json> [--port <port>] [--token <token>] [--data <file.json>] " +
        "[--no-rate-limits] [--rate-limit-mode token-bucket|sliding]";

    /// <summary>
    /// The token the standalone emulator uses when none is given: the same on every start, so an app configured
    /// once keeps working across restarts. It guards nothing but a local process; the library's
    /// <see cref="AttioEmulator.StartAsync"/> still makes a random one per instance for tests.
    /// </summary>
    public const string LocalToken = "attio-emulator-local-development-token-not-a-secret-000000000000";

    public sealed record Settings(string SchemaPath, AttioEmulatorOptions Options);

    public static (Settings? Settings, string? Error) Parse(string[] args)
    {
        string? schema = null;
        string? token = null;
        string? data = null;
        var port = 0;
        var enforce = true;
        var mode = RateLimitMode.TokenBucket;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--schema" when value is not null:
                    schema = value;
                    i++;
                    break;
                case "--port" when value is not null:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
                    {
                        return (null, $"--port must be a number from 0 to 65535, not \"{value}\".");
                    }

                    i++;
                    break;
                case "--token" when value is not null:
                    if (!IsUsableToken(value))
                    {
                        // The value is not echoed: it may be a real token pasted by mistake.
                        return (null, "--token must be 1 to 1024 printable ASCII characters without spaces.");
                    }

                    token = value;
                    i++;
                    break;
                case "--data" when value is not null:
                    data = value;
                    i++;
                    break;
                case "--rate-limit-mode" when value is not null:
                    mode = value switch
                    {
                        "sliding" => RateLimitMode.Sliding,
                        "token-bucket" => RateLimitMode.TokenBucket,
                        _ => (RateLimitMode)(-1),
                    };
                    if ((int)mode < 0)
                    {
                        return (null, $"--rate-limit-mode must be token-bucket or sliding, not \"{value}\".");
                    }

                    i++;
                    break;
                case "--no-rate-limits":
                    enforce = false;
                    break;
                default:
                    return (null, args[i].StartsWith("--", StringComparison.Ordinal)
                        ? $"unknown option or missing value: {args[i]}"
                        : "unexpected argument");
            }
        }

        if (schema is null)
        {
            return (null, "--schema is required.");
        }

        var options = new AttioEmulatorOptions
        {
            Port = port,
            ApiToken = token ?? LocalToken,
            EnforceRateLimits = enforce,
            RateLimitMode = mode,
            DataFile = data,
        };
        return (new Settings(schema, options), null);
    }

    private static bool IsUsableToken(string token) =>
        token.Length is > 0 and <= 1024 && token.All(c => c is > ' ' and < (char)127);
}
