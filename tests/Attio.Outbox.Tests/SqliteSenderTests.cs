using System.Text.Json.Nodes;
using Attio.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace Attio.Outbox.Tests;

/// <summary>The sender on the SQLite outbox, wired the way the README shows, against the emulator over loopback.</summary>
public sealed class SqliteSenderTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteTestFiles _files = new();
    private AttioEmulator _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await AttioEmulator.StartAsync(Path.Combine(AppContext.BaseDirectory, "attio-schema.json"),
            new AttioEmulatorOptions { WritesPerSecond = 500, ReadsPerSecond = 500 });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task UseSqliteOutbox_stores_in_the_file_and_FlushAsync_returns_once_it_is_delivered()
    {
        string path = _files.NewPath("attio-outbox.db");
        var services = new ServiceCollection();
        services.AddAttio(o =>
        {
            o.ApiToken = _emulator.ApiToken;
            o.BaseAddress = _emulator.BaseAddress;
            o.WritesPerSecond = 500;
        });
        services.AddAttioSender(o => o.UseSqliteOutbox(path));
        await using ServiceProvider provider = services.BuildServiceProvider();
        var sender = provider.GetRequiredService<AttioSender>();
        var outbox = Assert.IsType<SqliteAttioOutbox>(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AttioSenderOptions>>().Value.Outbox);
        Assert.Equal(Path.GetFullPath(path), outbox.FilePath);

        for (int i = 0; i < 20; i++)
        {
            Assert.NotNull((await sender.EnqueueIdentifyAsync($"wired-{i}@example.com", $"u-wired-{i}")).OutboxId);
        }

        await sender.FlushAsync();

        Assert.Equal(20, _emulator.Store.Count("users"));
        await using var reader = new SqliteAttioOutbox(path);
        AttioOutboxStatus status = await reader.GetStatusAsync();
        Assert.Equal((0L, 20L), (status.Unfinished, status.Delivered));
        await outbox.DisposeAsync();
    }

    [Fact]
    public async Task A_refused_event_is_a_dead_letter_with_attios_fields_and_a_retry_delivers_it()
    {
        string path = _files.NewPath();
        await using var outbox = new SqliteAttioOutbox(path);
        using var client = new AttioClient(new AttioClientOptions { ApiToken = _emulator.ApiToken, BaseAddress = _emulator.BaseAddress, WritesPerSecond = 500 });
        await using var sender = new AttioSender(client, new AttioSenderOptions { Outbox = outbox, OutboxPollInterval = TimeSpan.FromMilliseconds(50) });
        _emulator.Faults.EnqueueResponse("PUT /v2/objects/people/records", 400,
            """{"status_code":400,"type":"invalid_request_error","code":"validation_type","message":"Invalid value for email_addresses"}""");

        AttioDeliveryReceipt receipt = await sender.EnqueueIdentifyAsync("refused@example.com", "u-refused");
        await sender.FlushAsync();

        AttioOutboxEntry dead = Assert.Single(await outbox.ListAsync(new AttioOutboxQuery { State = AttioOutboxState.Dead }));
        Assert.Equal(receipt.OutboxId, dead.Id);
        Assert.Equal((400, "validation_type"), (dead.LastError!.StatusCode, dead.LastError.Code));
        Assert.Contains("Invalid value for email_addresses", dead.LastError.Message, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.Store.Count("users"));

        // What 'attio outbox retry ID' does once the cause is fixed (here: the fault was one answer).
        Assert.Equal(1, await outbox.RetryDeadAsync(dead.Id, DateTimeOffset.UtcNow));
        await sender.FlushAsync();

        JsonObject user = Assert.Single(_emulator.Store.Records("users"));
        Assert.Equal("u-refused", user["values"]!["user_id"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(0, (await outbox.GetStatusAsync()).Dead);
    }
}
