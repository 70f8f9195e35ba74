namespace Attio.Emulator.Tests.Infrastructure;

internal static class Emulators
{
    /// <summary>Starts an emulator on the repository's schema; rate limits are off unless a test asks for them.</summary>
    public static Task<AttioEmulator> Start(AttioEmulatorOptions? options = null) =>
        AttioEmulator.StartAsync(RepoPaths.SchemaFile, options ?? new AttioEmulatorOptions { EnforceRateLimits = false });
}
