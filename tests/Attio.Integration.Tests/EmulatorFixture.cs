using Attio.Emulator;

namespace Attio.Integration.Tests;

/// <summary>One emulator per test class, on a random loopback port, with a client pointed at it.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public AttioEmulator Emulator { get; private set; } = null!;

    public AttioClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await AttioEmulator.StartAsync(Path.Combine(AppContext.BaseDirectory, "attio-schema.json"), new AttioEmulatorOptions { EnforceRateLimits = false });
        Client = new AttioClient(new AttioClientOptions { ApiToken = Emulator.ApiToken, BaseAddress = Emulator.BaseAddress });
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
