namespace Attio;

/// <summary>Keeps credentials out of text: user info in addresses, and the token wherever a server echoed it.</summary>
internal static class AttioSecrets
{
    public const string Mask = "***";

    // Shorter "tokens" are rejected by Attio anyway; masking them would blank common words in unrelated text.
    private const int ShortestMaskedToken = 8;

    /// <summary>The address without user info (<c>https://user:secret@host/</c> becomes <c>https://host/</c>).</summary>
    public static string SafeUri(Uri? uri)
    {
        if (uri is null)
        {
            return "<not set>";
        }

        if (!uri.IsAbsoluteUri)
        {
            // A relative "address" is usually something else pasted into the setting, possibly the token itself.
            return "<not an absolute URI>";
        }

        if (string.IsNullOrEmpty(uri.UserInfo))
        {
            return uri.ToString();
        }

        return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();
    }

    /// <summary>Replaces every occurrence of <paramref name="token"/> in text that came from the network.</summary>
    public static string MaskToken(string text, string? token) =>
        string.IsNullOrEmpty(text) || token is null || token.Length < ShortestMaskedToken
            ? text
            : text.Replace(token, Mask, StringComparison.Ordinal);

    /// <summary>The bearer token a request carried, so text about that request can be masked without access to the options.</summary>
    public static string? TokenOf(HttpRequestMessage? request) =>
        request?.Headers.Authorization is { Scheme: "Bearer", Parameter: { } token } ? token : null;
}
