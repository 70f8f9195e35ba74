namespace Attio;

/// <summary>How to reach Attio. Bound from the <c>Attio</c> configuration section or set in code.</summary>
public sealed class AttioClientOptions
{
    /// <summary>The default base address, <c>https://api.attio.com/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.attio.com/");

    /// <summary>The API token (an API key or OAuth access token). Required. Never logged or printed.</summary>
    public string? ApiToken { get; set; }

    /// <summary>Where Attio (or an Attio-compatible server such as the emulator) listens.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Shows the base address and whether a token is set, never the token.</summary>
    public override string ToString() =>
        $"AttioClientOptions {{ BaseAddress = {BaseAddress}, ApiToken = {(string.IsNullOrEmpty(ApiToken) ? "<not set>" : "<redacted>")} }}";
}
