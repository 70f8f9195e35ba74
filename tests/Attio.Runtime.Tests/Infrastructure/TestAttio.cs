using Attio.Emulator;

namespace Attio.Runtime.Tests.Infrastructure;

/// <summary>Starts the emulator and makes clients for it with fast retry settings, so tests stay quick.</summary>
internal static class TestAttio
{
    public static Task<AttioEmulator> StartAsync(AttioEmulatorOptions? options = null) =>
        AttioEmulator.StartAsync(Repo.SchemaPath, options ?? new AttioEmulatorOptions());

    public static AttioClientOptions FastOptions(AttioEmulator emulator) => new()
    {
        ApiToken = emulator.ApiToken,
        BaseAddress = emulator.BaseAddress,
        Timeout = TimeSpan.FromSeconds(5),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(100),
        MaxRetryDuration = TimeSpan.FromSeconds(10),
        MaxRetryAfter = TimeSpan.FromSeconds(3),
    };

    public static AttioClient Client(AttioEmulator emulator, Action<AttioClientOptions>? adjust = null)
    {
        var options = FastOptions(emulator);
        adjust?.Invoke(options);
        return new AttioClient(options);
    }
}
