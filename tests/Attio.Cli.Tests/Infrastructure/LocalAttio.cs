using Attio.Emulator;

namespace Attio.Cli.Tests.Infrastructure;

/// <summary>An emulator over loopback for one schema file, with the environment the tool reads to reach it.</summary>
public sealed class LocalAttio : IAsyncDisposable
{
    private LocalAttio(AttioEmulator server) => Server = server;

    public AttioEmulator Server { get; }

    public string Token => Server.ApiToken;

    /// <summary>ATTIO_API_TOKEN and ATTIO_BASE_URL for this emulator.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["ATTIO_API_TOKEN"] = Server.ApiToken,
        ["ATTIO_BASE_URL"] = Server.BaseAddress.ToString(),
    };

    /// <param name="schemaPath">The schema to serve; the repository's by default.</param>
    /// <param name="scopes">The token's scopes; all of them by default.</param>
    public static async Task<LocalAttio> StartAsync(string? schemaPath = null, IReadOnlyList<string>? scopes = null) =>
        new(await AttioEmulator.StartAsync(schemaPath ?? Schemas.RepositorySchemaPath, new AttioEmulatorOptions { EnforceRateLimits = false, Scopes = scopes }));

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>One emulator of the repository schema shared by a test class.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public LocalAttio Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await LocalAttio.StartAsync();

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}
