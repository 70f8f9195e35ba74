using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Attio.Schema.Drift;

/// <summary>
/// Runs the drift check when the host starts (<see cref="AttioClientOptions.VerifySchemaOnStart"/>). A hosted service
/// rather than a lazy check so that a deployment against a changed workspace fails before it takes traffic.
/// </summary>
internal sealed partial class AttioSchemaVerificationService(
    IOptions<AttioClientOptions> options, AttioClient client, ILogger<AttioSchemaVerificationService>? logger = null) : IHostedService
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var mode = options.Value.VerifySchemaOnStart;
        if (mode == AttioSchemaVerification.Off)
        {
            return;
        }

        var manifests = AttioSchemaManifest.Registered;
        if (manifests.Count == 0)
        {
            LogNoManifest(_logger);
            return;
        }

        IReadOnlyList<AttioSchemaChange> changes;
        try
        {
            changes = await SchemaDriftCheck.CompareAsync(client, manifests, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AttioException or HttpRequestException)
        {
            // Not knowing is not drift: the token health check reports an unreachable or refused Attio.
            LogUnverifiable(_logger, ex.Message);
            return;
        }

        foreach (var change in changes.Where(c => !c.IsBreaking))
        {
            LogHarmless(_logger, change.ToString());
        }

        var breaking = changes.Where(c => c.IsBreaking).ToList();
        if (breaking.Count == 0)
        {
            LogVerified(_logger, string.Join(", ", manifests.Select(m => m.Fingerprint[..Math.Min(12, m.Fingerprint.Length)])), changes.Count);
            return;
        }

        foreach (var change in breaking)
        {
            LogBreaking(_logger, change.ToString());
        }

        if (mode == AttioSchemaVerification.FailOnBreaking)
        {
            throw new AttioSchemaDriftException(breaking);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Attio schema check: no generated schema manifest is loaded; nothing to compare")]
    private static partial void LogNoManifest(ILogger logger);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Attio schema check could not read the live workspace: {Reason}")]
    private static partial void LogUnverifiable(ILogger logger, string reason);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "Attio schema change (harmless): {Change}")]
    private static partial void LogHarmless(ILogger logger, string change);

    [LoggerMessage(EventId = 43, Level = LogLevel.Error, Message = "Attio schema change (breaking for this code): {Change}")]
    private static partial void LogBreaking(ILogger logger, string change);

    [LoggerMessage(EventId = 44, Level = LogLevel.Information, Message = "Attio schema verified against the live workspace (manifest {Fingerprint}; {Harmless} harmless changes)")]
    private static partial void LogVerified(ILogger logger, string fingerprint, int harmless);
}
