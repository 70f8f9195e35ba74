using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

/// <summary>Domain: scheme, credentials, port, path and query are removed; only the host is stored, lower-cased.</summary>
internal sealed partial class DomainNormaliser : IValueNormaliser
{
    [GeneratedRegex("^[a-z][a-z0-9+.-]*://")]
    private static partial Regex Scheme();

    public NormalisedValue Normalise(JsonNode? input, ValueContext context)
    {
        var (inner, path) = ValueForms.Unwrap(input, "domain", context);
        var original = ValueForms.RequireString(inner, path, context);
        var host = Scheme().Replace(original.Trim().ToLowerInvariant(), string.Empty);
        var end = host.IndexOfAny(['/', '?', '#']);
        if (end >= 0)
        {
            host = host[..end];
        }

        host = host[(host.LastIndexOf('@') + 1)..];
        var colon = host.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            host = host[..colon];
        }

        host = host.TrimEnd('.');
        if (!DomainNames.IsValidHost(host))
        {
            throw context.Invalid(Issues.Custom(path, $"\"{original}\" is not a valid domain."));
        }

        return new NormalisedValue(new JsonObject { ["domain"] = host, ["root_domain"] = DomainNames.RootOf(host) }, host);
    }
}
