using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

/// <summary>Email: strictly checked, stored lower-cased, with the derived domain and local-part fields.</summary>
internal sealed partial class EmailAddressNormaliser : IValueNormaliser
{
    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")]
    private static partial Regex LocalPart();

    public NormalisedValue Normalise(JsonNode? input, ValueContext context)
    {
        var (inner, path) = ValueForms.Unwrap(input, "email_address", context);
        var original = ValueForms.RequireString(inner, path, context);
        var address = original.Trim().ToLowerInvariant();
        var at = address.LastIndexOf('@');
        var local = at > 0 ? address[..at] : string.Empty;
        var domain = at > 0 ? address[(at + 1)..] : string.Empty;
        if (local.Length == 0 || local.Length > 64 || !LocalPart().IsMatch(local) || !DomainNames.IsValidHost(domain))
        {
            throw context.Invalid(Issues.Custom(path, $"\"{original}\" is not a valid email address."));
        }

        var plus = local.IndexOf('+', StringComparison.Ordinal);
        var fields = new JsonObject
        {
            ["original_email_address"] = original,
            ["email_address"] = address,
            ["email_domain"] = domain,
            ["email_root_domain"] = DomainNames.RootOf(domain),
            ["email_local_specifier"] = plus > 0 ? local[..plus] : local,
        };
        return new NormalisedValue(fields, address);
    }
}
