using Attio;

namespace Attio.Outbox.Host;

/// <summary>A client and a sender on the outbox, with the writes per second the emulator was started with.</summary>
internal sealed class SenderHost : IAsyncDisposable
{
    private readonly AttioClient _client;

    public SenderHost(HostArguments arguments, IAttioOutbox outbox, Uri emulator, string token)
    {
        _client = new AttioClient(new AttioClientOptions
        {
            ApiToken = token,
            BaseAddress = emulator,
            WritesPerSecond = arguments.WritesPerSecond,
            ReadsPerSecond = arguments.WritesPerSecond,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            RetryMaxDelay = TimeSpan.FromMilliseconds(500),
        });
        Sender = new AttioSender(_client, new AttioSenderOptions
        {
            Outbox = outbox,
            Coalesce = true,
            MaxConcurrency = 16,
            OutboxPollInterval = TimeSpan.FromMilliseconds(100),
            // A killed predecessor's lease must not hold the successor back for long.
            LeaseDuration = TimeSpan.FromSeconds(2),
        });
    }

    public AttioSender Sender { get; }

    public async ValueTask DisposeAsync()
    {
        await Sender.DisposeAsync();
        _client.Dispose();
    }
}
