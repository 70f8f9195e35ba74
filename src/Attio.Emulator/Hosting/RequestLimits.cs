namespace Attio.Emulator.Hosting;

/// <summary>Sizes past which a request is refused with Attio's error shape instead of being processed.</summary>
internal sealed record RequestLimits(long MaxRequestBodyBytes, int MaxUrlLength);
