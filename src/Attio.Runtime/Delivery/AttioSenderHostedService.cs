using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Attio;

/// <summary>
/// Ties the registered <see cref="AttioSender"/> to the host: created at start, and when the host stops, flushed until
/// <see cref="AttioSenderOptions.ShutdownTimeout"/> (or the host's own shutdown deadline, whichever comes first).
/// </summary>
public sealed class AttioSenderHostedService : IHostedService
{
    private readonly AttioSender _sender;
    private readonly AttioSenderOptions _options;

    /// <summary>Creates the service.</summary>
    public AttioSenderHostedService(AttioSender sender, IOptions<AttioSenderOptions> options)
    {
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
    }

    /// <summary>The events the last stop reported as not delivered.</summary>
    public IReadOnlyList<AttioDeliveryResult> NotDeliveredAtShutdown { get; private set; } = Array.Empty<AttioDeliveryResult>();

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) =>
        NotDeliveredAtShutdown = await _sender.StopAsync(_options.ShutdownTimeout, cancellationToken).ConfigureAwait(false);
}
