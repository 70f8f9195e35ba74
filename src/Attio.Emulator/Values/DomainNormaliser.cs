using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

/// <summary>
/// Domain: Attio keeps only the host of what it is sent (D-domain: paths and query strings are removed), so a URL
/// such as <c>https://www.acme.com/pricing?ref=ad</c> stores <c>www.acme.com</c>. Scheme, credentials, port,
/// fragment and a trailing dot go too; the host is lower-cased and an IDN is stored as punycode.
/// </summary>
internal sealed partial class DomainNormaliser : IValueNormaliser
{
    private static readonly IdnMapping Idn = new();

    [GeneratedRegex("^([a-z][a-z0-9+.-]*:)?//")]
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

        var ascii = ToAscii(host.TrimEnd('.'));
        if (ascii is null || !DomainNames.IsValidHost(ascii))
        {
            throw context.Invalid(Issues.Custom(path, $"\"{original}\" is not a valid domain."));
        }

        return new NormalisedValue(new JsonObject { ["domain"] = ascii, ["root_domain"] = DomainNames.RootOf(ascii) }, ascii);
    }

    private static string? ToAscii(string host)
    {
        if (host.Length == 0 || host.All(char.IsAscii))
        {
            return host;
        }

        try
        {
            return Idn.GetAscii(host).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
