using Attio.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Attio.Operations.Tests;

/// <summary>VerifySchemaOnStart against the emulator: the generated manifest of this assembly is what is compared.</summary>
public sealed class SchemaDriftTests
{
    [Fact]
    public void The_generator_registers_a_manifest_of_what_the_records_write()
    {
        _ = typeof(Northwind.Crm.Person);
        var manifest = Assert.Single(AttioSchemaManifest.Registered, m => m.Assembly == typeof(SchemaDriftTests).Assembly.GetName().Name);
        Assert.Matches("^[0-9a-f]{64}$", manifest.Fingerprint);
        var people = Assert.Single(manifest.Objects, o => o.Slug == "people");
        var email = Assert.Single(people.Attributes, a => a.Slug == "email_addresses");
        Assert.Equal("email-address", email.Type);
        Assert.True(email.IsUnique);
        Assert.True(email.IsMultiselect);
        // Read-only attributes have no generated property, so the code does not rely on them.
        Assert.DoesNotContain(people.Attributes, a => a.Slug == "created_at");
    }

    [Fact]
    public async Task Start_up_fails_on_a_breaking_change_and_names_the_attribute()
    {
        await using var emulator = await Workspace.StartAsync(Workspace.RenameJobTitle);
        using var host = Build(emulator, AttioSchemaVerification.FailOnBreaking, out _);

        var error = await Assert.ThrowsAsync<AttioSchemaDriftException>(() => host.StartAsync());
        Assert.Contains("people.job_title: attribute removed (text)", error.Message, StringComparison.Ordinal);
        var change = Assert.Single(error.Changes);
        Assert.Equal(("people", "job_title", "attribute_removed"), (change.ObjectSlug, change.AttributeSlug, change.Kind));
        Assert.DoesNotContain(emulator.ApiToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retyped_attribute_fails_start_up_with_both_types()
    {
        await using var emulator = await Workspace.StartAsync(s => Workspace.Attribute(s, "people", "job_title")["type"] = "number");
        using var host = Build(emulator, AttioSchemaVerification.FailOnBreaking, out _);

        var error = await Assert.ThrowsAsync<AttioSchemaDriftException>(() => host.StartAsync());
        Assert.Contains("people.job_title: type changed from text to number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogOnly_starts_and_logs_the_breaking_change_as_an_error()
    {
        await using var emulator = await Workspace.StartAsync(Workspace.RenameJobTitle);
        using var host = Build(emulator, AttioSchemaVerification.LogOnly, out var logs);

        await host.StartAsync();
        await host.StopAsync();
        Assert.Contains(logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains("people.job_title: attribute removed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Harmless_changes_start_and_are_logged()
    {
        await using var emulator = await Workspace.StartAsync(Workspace.AddAttributeAndRetitle);
        using var host = Build(emulator, AttioSchemaVerification.FailOnBreaking, out var logs);

        await host.StartAsync();
        await host.StopAsync();
        var records = logs.GetSnapshot();
        Assert.Contains(records, r => r.Level == LogLevel.Information && r.Message.Contains("people.nickname: attribute added", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Level == LogLevel.Information && r.Message.Contains("people.job_title: title changed from \"Job title\" to \"Role\"", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Off_does_not_read_the_workspace()
    {
        await using var emulator = await Workspace.StartAsync(Workspace.RenameJobTitle);
        using var host = Build(emulator, AttioSchemaVerification.Off, out _);

        await host.StartAsync();
        await host.StopAsync();
        Assert.Empty(emulator.Journal);
    }

    private static IHost Build(AttioEmulator emulator, AttioSchemaVerification mode, out FakeLogCollector logs)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFakeLogging();
        builder.Services.AddAttio(o =>
        {
            o.ApiToken = emulator.ApiToken;
            o.BaseAddress = emulator.BaseAddress;
            o.VerifySchemaOnStart = mode;
        });
        var host = builder.Build();
        logs = host.Services.GetRequiredService<FakeLogCollector>();
        return host;
    }
}
