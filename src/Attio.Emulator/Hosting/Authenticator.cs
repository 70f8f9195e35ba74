using System.Text;
using Attio.Emulator.Http;

namespace Attio.Emulator.Hosting;

/// <summary>Bearer tokens, or Basic with the token as user name and an empty password, as Attio accepts.</summary>
internal sealed class Authenticator(string token)
{
    public void Check(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            throw Errors.MissingAuthorization();
        }

        var presented = Presented(header.Trim());
        if (presented is null)
        {
            throw Errors.MissingAuthorization();
        }

        if (presented.Length != 64)
        {
            throw Errors.InvalidApiKeyLength();
        }

        if (!string.Equals(presented, token, StringComparison.Ordinal))
        {
            throw Errors.InvalidApiKey();
        }
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
