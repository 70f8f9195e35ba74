using System.Text.Json.Nodes;
using Attio.Emulator;

// Measured scenarios compare rates against the wall clock: they must not share the two cores with other tests.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Attio.Delivery.Tests;

/// <summary>An emulator on a random loopback port and a client pointed at it, with the same write limit on both sides.</summary>
internal sealed class TestEnvironment : IAsyncDisposable
{
    private TestEnvironment(AttioEmulator emulator, AttioClient client)
    {
        Emulator = emulator;
        Client = client;
    }

    public AttioEmulator Emulator { get; }

    public AttioClient Client { get; }

    /// <param name="emulatorClock">The emulator's clock (its rate limits and injected delays); the system clock by default.</param>
    public static async Task<TestEnvironment> StartAsync(int writesPerSecond = 200, Action<AttioClientOptions>? configure = null, TimeProvider? emulatorClock = null)
    {
        var emulator = await AttioEmulator.StartAsync(
            Path.Combine(AppContext.BaseDirectory, "attio-schema.json"),
            new AttioEmulatorOptions
            {
                WritesPerSecond = writesPerSecond,
                ReadsPerSecond = 1000,
                EnforceRateLimits = true,
                TimeProvider = emulatorClock ?? TimeProvider.System,
            });
        var options = ClientOptions(emulator, writesPerSecond);
        configure?.Invoke(options);
        return new TestEnvironment(emulator, new AttioClient(options));
    }

    public static AttioClientOptions ClientOptions(AttioEmulator emulator, int writesPerSecond) => new()
    {
        ApiToken = emulator.ApiToken,
        BaseAddress = emulator.BaseAddress,
        WritesPerSecond = writesPerSecond,
        ReadsPerSecond = 1000,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        RetryMaxDelay = TimeSpan.FromSeconds(1),
    };

    public List<JournalEntry> Writes(string method, string pathPrefix) =>
        Emulator.Journal.Where(e => e.Method == method && e.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}

/// <summary>Reads the emulator's stored records (rendered as GET returns them).</summary>
internal static class Stored
{
    public static string Id(JsonObject record) => record["id"]!["record_id"]!.GetValue<string>();

    public static JsonArray Values(JsonObject record, string slug) => record["values"]?[slug] as JsonArray ?? [];

    public static string? String(JsonObject record, string slug, string field = "value") =>
        Values(record, slug).FirstOrDefault()?[field]?.GetValue<string>();

    public static List<string> Strings(JsonObject record, string slug, string field) =>
        Values(record, slug).Select(v => v![field]!.GetValue<string>()).ToList();

    public static JsonObject PersonByEmail(AttioEmulator emulator, string email) =>
        emulator.Store.Records("people").Single(p => Strings(p, "email_addresses", "email_address").Contains(email.ToLowerInvariant()));

    public static JsonObject ByText(AttioEmulator emulator, string objectSlug, string slug, string value) =>
        emulator.Store.Records(objectSlug).Single(r => String(r, slug) == value);

    public static string? BodyString(JournalEntry entry, string slug, string field = "value") =>
        (Body(entry)[slug] as JsonArray)?.FirstOrDefault()?[field]?.GetValue<string>();

    public static JsonObject Body(JournalEntry entry) => JsonNode.Parse(entry.Body!)!["data"]!["values"]!.AsObject();
}
