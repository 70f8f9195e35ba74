using System.Globalization;

namespace Attio.Emulator;

internal static class CommandLine
{
    public static (string SchemaPath, AttioEmulatorOptions Options)? Parse(string[] args)
    {
        string? schema = null;
        string? token = null;
        var port = 0;
        var enforce = true;
        for (var i = 0; i < args.Length; i++)
        {
            var hasValue = i + 1 < args.Length;
            switch (args[i])
            {
                case "--schema" when hasValue:
                    schema = args[++i];
                    break;
                case "--port" when hasValue && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed):
                    port = parsed;
                    i++;
                    break;
                case "--token" when hasValue:
                    token = args[++i];
                    break;
                case "--no-rate-limits":
                    enforce = false;
                    break;
                default:
                    return null;
            }
        }

        return schema is null
            ? null
            : (schema, new AttioEmulatorOptions { Port = port, ApiToken = token, EnforceRateLimits = enforce });
    }
}
