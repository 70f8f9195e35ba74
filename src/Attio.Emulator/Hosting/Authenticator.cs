using System.Text;
using Attio.Emulator.Http;

namespace Attio.Emulator.Hosting;

/// <summary>Bearer tokens, or Basic with the token as user name and an empty password, as Attio accepts.</summary>
internal sealed class Authenticator(string token)
{
    /// <summary>Attio's API keys are 64 characters; OAuth access tokens are not, so only an API-key-shaped token gets the length message.</summary>
    private const int ApiKeyLength = 64;

    private volatile bool _revoked;

    /// <summary>From now on the token is refused as Attio refuses a revoked key.</summary>
    public void Revoke() => _revoked = true;

    /// <summary>
    /// Null when the request carries the token; otherwise the 401 Attio would answer. <paramref name="tokenPresented"/>
    /// says whether some token was sent at all (/v2/self answers those with <c>{"active": false}</c>).
    /// </summary>
    public ApiError? Check(string? header, out bool tokenPresented)
    {
        var presented = string.IsNullOrWhiteSpace(header) ? null : Presented(header.Trim());
        tokenPresented = presented is not null;
        if (presented is null)
        {
            return Errors.MissingAuthorization();
        }

        if (string.Equals(presented, token, StringComparison.Ordinal))
        {
            return _revoked ? Errors.InvalidApiKey() : null;
        }

        return token.Length == ApiKeyLength && presented.Length != ApiKeyLength ? Errors.InvalidApiKeyLength() : Errors.InvalidApiKey();
    }

    private static string? Presented(string header)
    {
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header[7..].Trim();
        }

        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? decoded : decoded[..colon];
            }
            catch (FormatException)
            {
                return string.Empty;
            }
        }

        return null;
    }
}
