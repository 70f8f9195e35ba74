using Attio.Schema.Drift;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Attio.Health;

/// <summary>Token active: <c>GET /v2/self</c>. The token itself never appears in the result.</summary>
internal sealed class AttioTokenHealthCheck(AttioClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var self = await client.GetSelfAsync(cancellationToken).ConfigureAwait(false);
            if (!self.Active)
            {
                return new HealthCheckResult(context.Registration.FailureStatus,
                    "The Attio token is not active (GET /v2/self answered active: false): it was revoked, expired or never issued.",
                    data: new Dictionary<string, object> { ["reason"] = "inactive" });
            }

            return HealthCheckResult.Healthy($"The Attio token is active for workspace {self.WorkspaceName ?? self.WorkspaceId}.",
                new Dictionary<string, object> { ["workspace"] = self.WorkspaceName ?? self.WorkspaceId ?? string.Empty, ["scopes"] = self.Scope ?? string.Empty });
        }
        catch (AttioApiException ex)
        {
            string reason = (int)ex.StatusCode is 401 ? "unauthorized" : (int)ex.StatusCode is 403 ? "forbidden" : "error";
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"Attio refused GET /v2/self: {(int)ex.StatusCode} {ex.Code}.",
                data: new Dictionary<string, object>
                {
                    ["reason"] = reason,
                    ["status_code"] = (int)ex.StatusCode,
                    ["code"] = ex.Code ?? string.Empty,
                    ["execution_id"] = ex.ExecutionId ?? string.Empty,
                });
        }
        catch (AttioTransportException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Attio could not be reached: " + ex.Message,
                data: new Dictionary<string, object> { ["reason"] = "unreachable" });
        }
    }
}

/// <summary>Schema drift: the generated manifest against the live workspace, cached for <see cref="AttioHealthCheckOptions.SchemaCheckInterval"/>.</summary>
internal sealed class AttioSchemaHealthCheck(AttioClient client, AttioHealthCheckOptions options) : IHealthCheck
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, IReadOnlyList<AttioSchemaChange> Changes)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var manifests = AttioSchemaManifest.Registered;
        if (manifests.Count == 0)
        {
            return HealthCheckResult.Healthy("No generated schema manifest is loaded; nothing to compare.");
        }

        IReadOnlyList<AttioSchemaChange> changes;
        try
        {
            changes = await CompareAsync(manifests, cancellationToken).ConfigureAwait(false);
        }
        catch (AttioException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The live Attio schema could not be read: " + ex.Message,
                data: new Dictionary<string, object> { ["reason"] = "unreadable" });
        }

        var breaking = changes.Where(c => c.IsBreaking).Select(c => c.ToString()).ToArray();
        var harmless = changes.Where(c => !c.IsBreaking).Select(c => c.ToString()).ToArray();
        var data = new Dictionary<string, object>
        {
            ["fingerprint"] = string.Join(",", manifests.Select(m => m.Fingerprint)),
            ["breaking"] = breaking,
            ["harmless"] = harmless,
        };
        return breaking.Length > 0
            ? new HealthCheckResult(options.BreakingDriftStatus,
                $"{breaking.Length} breaking schema change(s) for attributes this code writes: {string.Join("; ", breaking)}", data: data)
            : HealthCheckResult.Healthy(harmless.Length == 0 ? "The live schema matches the generated code." : $"{harmless.Length} harmless schema change(s).", data);
    }

    private async Task<IReadOnlyList<AttioSchemaChange>> CompareAsync(IReadOnlyList<AttioSchemaManifest> manifests, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = options.TimeProvider.GetUtcNow();
            if (_last is { } last && now - last.At < options.SchemaCheckInterval)
            {
                return last.Changes;
            }

            var changes = await SchemaDriftCheck.CompareAsync(client, manifests, cancellationToken).ConfigureAwait(false);
            _last = (now, changes);
            return changes;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Outbox backlog: the oldest unfinished event's age against <see cref="AttioHealthCheckOptions.BacklogThreshold"/>.</summary>
internal sealed class AttioBacklogHealthCheck(IServiceProvider services, AttioHealthCheckOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (OutboxResolver.Find(services, options) is not { } outbox)
        {
            return HealthCheckResult.Healthy("No Attio outbox is configured.");
        }

        var status = await outbox.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var age = status.OldestPendingAge(options.TimeProvider.GetUtcNow());
        var data = new Dictionary<string, object>
        {
            ["outbox"] = outbox.Description,
            ["pending"] = status.Pending,
            ["in_flight"] = status.InFlight,
            ["oldest_pending_age_seconds"] = Math.Round(age.TotalSeconds),
            ["threshold_seconds"] = options.BacklogThreshold.TotalSeconds,
        };
        return age > options.BacklogThreshold
            ? HealthCheckResult.Degraded(
                $"The oldest pending Attio event has waited {Format(age)} (threshold {Format(options.BacklogThreshold)}); {status.Unfinished} event(s) unfinished.", data: data)
            : HealthCheckResult.Healthy($"{status.Unfinished} event(s) unfinished; the oldest has waited {Format(age)}.", data);
    }

    private static string Format(TimeSpan span) => span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h" : span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalSeconds:0} s";
}

/// <summary>Dead letters: any is Degraded, with the count.</summary>
internal sealed class AttioDeadLetterHealthCheck(IServiceProvider services, AttioHealthCheckOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (OutboxResolver.Find(services, options) is not { } outbox)
        {
            return HealthCheckResult.Healthy("No Attio outbox is configured.");
        }

        var status = await outbox.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object> { ["outbox"] = outbox.Description, ["dead"] = status.Dead };
        return status.Dead > 0
            ? HealthCheckResult.Degraded($"{status.Dead} Attio dead letter(s) in {outbox.Description}: retry or purge them (attio outbox, or the dashboard).", data: data)
            : HealthCheckResult.Healthy("No Attio dead letters.", data);
    }
}

internal static class OutboxResolver
{
    // The sender's outbox last: AddAttioSender(o => o.UseOutbox(...)) alone is enough for the checks to watch it.
    public static IAttioOutbox? Find(IServiceProvider services, AttioHealthCheckOptions options) =>
        options.Outbox ?? services.GetService<IAttioOutbox>() ?? services.GetService<Microsoft.Extensions.Options.IOptions<AttioSenderOptions>>()?.Value.Outbox;
}
