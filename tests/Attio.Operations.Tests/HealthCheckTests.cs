using Attio.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Attio.Operations.Tests;

/// <summary>Every state of every Attio health check, reached for real: the emulator over loopback and a real outbox store.</summary>
public sealed class HealthCheckTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Token_check_is_healthy_for_the_emulators_token()
    {
        await using var emulator = await Workspace.StartAsync();
        var report = await CheckAsync(emulator, emulator.ApiToken);

        var token = report.Entries[AttioHealthCheckOptions.TokenCheckName];
        Assert.Equal(HealthStatus.Healthy, token.Status);
        Assert.Equal(HealthStatus.Healthy, report.Entries[AttioHealthCheckOptions.SchemaCheckName].Status);
    }

    [Fact]
    public async Task Revoking_the_token_in_the_emulator_turns_the_token_check_unhealthy()
    {
        await using var emulator = await Workspace.StartAsync();
        var services = Services(emulator, emulator.ApiToken, null, null, null, null);
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Entries[AttioHealthCheckOptions.TokenCheckName].Status);

        emulator.RevokeToken();

        var token = (await health.CheckHealthAsync()).Entries[AttioHealthCheckOptions.TokenCheckName];
        Assert.Equal(HealthStatus.Unhealthy, token.Status);
        Assert.Equal("inactive", token.Data["reason"]);
        Assert.DoesNotContain(emulator.ApiToken, token.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_token_is_unhealthy_with_the_reason_and_never_the_token()
    {
        await using var emulator = await Workspace.StartAsync();
        // A token the workspace does not know answers /v2/self with {"active": false}, as Attio does for a revoked one.
        string revoked = new string('r', 60) + "0ff0";
        var report = await CheckAsync(emulator, revoked);

        var token = report.Entries[AttioHealthCheckOptions.TokenCheckName];
        Assert.Equal(HealthStatus.Unhealthy, token.Status);
        Assert.Equal("inactive", token.Data["reason"]);
        Assert.Contains("not active", token.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(revoked, token.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Data.Values, v => v.ToString()!.Contains(revoked, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_renamed_attribute_in_the_workspace_makes_the_schema_check_unhealthy_and_names_it()
    {
        await using var emulator = await Workspace.StartAsync(Workspace.RenameJobTitle);
        var report = await CheckAsync(emulator, emulator.ApiToken);

        var schema = report.Entries[AttioHealthCheckOptions.SchemaCheckName];
        Assert.Equal(HealthStatus.Unhealthy, schema.Status);
        var breaking = Assert.IsType<string[]>(schema.Data["breaking"]);
        Assert.Contains(breaking, b => b.StartsWith("people.job_title: attribute removed", StringComparison.Ordinal));
        Assert.Contains("people.job_title", schema.Description, StringComparison.Ordinal);
        // The new slug is a harmless addition: the code does not use it yet.
        Assert.Contains(Assert.IsType<string[]>(schema.Data["harmless"]), h => h.StartsWith("people.job_role: attribute added", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Breaking_drift_can_report_degraded_instead()
    {
        await using var emulator = await Workspace.StartAsync(Workspace.RenameJobTitle);
        var report = await CheckAsync(emulator, emulator.ApiToken, configure: o => o.BreakingDriftStatus = HealthStatus.Degraded);
        Assert.Equal(HealthStatus.Degraded, report.Entries[AttioHealthCheckOptions.SchemaCheckName].Status);
    }

    [Fact]
    public async Task An_old_pending_event_degrades_the_backlog_check_with_count_and_age()
    {
        await using var emulator = await Workspace.StartAsync();
        var time = new FakeTimeProvider(Start);
        await using var outbox = new InMemoryAttioOutbox(time);
        await outbox.EnqueueAsync(Message("identify user-1"));
        await outbox.EnqueueAsync(Message("identify user-2"));

        var fresh = await CheckAsync(emulator, emulator.ApiToken, outbox, time);
        Assert.Equal(HealthStatus.Healthy, fresh.Entries[AttioHealthCheckOptions.BacklogCheckName].Status);

        time.Advance(TimeSpan.FromMinutes(6));
        var stale = await CheckAsync(emulator, emulator.ApiToken, outbox, time);
        var backlog = stale.Entries[AttioHealthCheckOptions.BacklogCheckName];
        Assert.Equal(HealthStatus.Degraded, backlog.Status);
        Assert.Equal(2L, backlog.Data["pending"]);
        Assert.Equal(360d, backlog.Data["oldest_pending_age_seconds"]);
        Assert.Contains("6 min", backlog.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, stale.Entries[AttioHealthCheckOptions.DeadLettersCheckName].Status);
    }

    [Fact]
    public async Task A_dead_letter_degrades_the_dead_letter_check_with_the_count()
    {
        await using var emulator = await Workspace.StartAsync();
        var time = new FakeTimeProvider(Start);
        await using var outbox = new InMemoryAttioOutbox(time);
        long id = await outbox.EnqueueAsync(Message("identify user-1"));
        var lease = (await outbox.AcquireLeaseAsync("test", TimeSpan.FromMinutes(1)))!;
        Assert.Single(await outbox.ClaimAsync(lease, 10, time.GetUtcNow()));
        Assert.True(await outbox.DeadLetterAsync(lease, id, new AttioOutboxError("permanent", 400, "validation_type", "bad value", "exec-1"), time.GetUtcNow()));

        var report = await CheckAsync(emulator, emulator.ApiToken, outbox, time);
        var dead = report.Entries[AttioHealthCheckOptions.DeadLettersCheckName];
        Assert.Equal(HealthStatus.Degraded, dead.Status);
        Assert.Equal(1L, dead.Data["dead"]);
        Assert.Contains("1 Attio dead letter", dead.Description, StringComparison.Ordinal);

        Assert.Equal(1, await outbox.PurgeDeadAsync(null));
        var after = await CheckAsync(emulator, emulator.ApiToken, outbox, time);
        Assert.Equal(HealthStatus.Healthy, after.Entries[AttioHealthCheckOptions.DeadLettersCheckName].Status);
    }

    [Fact]
    public async Task The_outbox_registered_in_the_container_is_watched_when_none_is_configured()
    {
        await using var emulator = await Workspace.StartAsync();
        var time = new FakeTimeProvider(Start);
        await using var outbox = new InMemoryAttioOutbox(time);
        await outbox.EnqueueAsync(Message("identify user-1"));
        time.Advance(TimeSpan.FromHours(1));

        var report = await CheckAsync(emulator, emulator.ApiToken, configure: o => o.TimeProvider = time, registerOutbox: outbox);
        Assert.Equal(HealthStatus.Degraded, report.Entries[AttioHealthCheckOptions.BacklogCheckName].Status);
    }

    internal static AttioOutboxMessage Message(string description) =>
        new("{}", ["people|email_addresses|a@example.com"], Start, description);

    private static async Task<HealthReport> CheckAsync(
        AttioEmulator emulator, string token, IAttioOutbox? outbox = null, TimeProvider? time = null,
        Action<AttioHealthCheckOptions>? configure = null, IAttioOutbox? registerOutbox = null)
    {
        await using var provider = Services(emulator, token, outbox, time, configure, registerOutbox).BuildServiceProvider();
        return await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    }

    private static ServiceCollection Services(
        AttioEmulator emulator, string token, IAttioOutbox? outbox, TimeProvider? time,
        Action<AttioHealthCheckOptions>? configure, IAttioOutbox? registerOutbox)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAttio(o =>
        {
            o.ApiToken = token;
            o.BaseAddress = emulator.BaseAddress;
        });
        if (registerOutbox is not null)
        {
            services.AddSingleton(registerOutbox);
        }

        services.AddHealthChecks().AddAttio(o =>
        {
            o.Outbox = outbox;
            o.TimeProvider = time ?? TimeProvider.System;
            o.SchemaCheckInterval = TimeSpan.Zero;
            configure?.Invoke(o);
        });
        return services;
    }
}
