using Attio.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Northwind.Crm;

namespace Attio.Delivery.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task StoppingTheHostFlushesTheSender()
    {
        await using var env = await TestEnvironment.StartAsync(writesPerSecond: 50);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAttio(o =>
        {
            o.ApiToken = env.Emulator.ApiToken;
            o.BaseAddress = env.Emulator.BaseAddress;
            o.WritesPerSecond = 50;
        });
        builder.Services.AddAttioSender(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        using var host = builder.Build();
        await host.StartAsync();

        // What a request handler does: enqueue and return.
        var sender = host.Services.GetRequiredService<AttioSender>();
        var receipts = new List<AttioDeliveryReceipt>();
        for (int i = 0; i < 80; i++)
        {
            receipts.Add(await sender.EnqueueIdentifyAsync($"hosted{i}@example.com", $"u-hosted-{i}", new Person { JobTitle = "Hosted" }));
        }

        await host.StopAsync();

        Assert.All(await Task.WhenAll(receipts.Select(r => r.Completion)), r => Assert.Equal(AttioDeliveryStatus.Delivered, r.Status));
        Assert.Equal(80, env.Emulator.Store.Count("users"));
        var hosted = host.Services.GetServices<IHostedService>().OfType<AttioSenderHostedService>().Single();
        Assert.Empty(hosted.NotDeliveredAtShutdown);
    }

    [Fact]
    public async Task StoppingTheHostPastTheDeadlineReportsWhatWasNotDelivered()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.AddProbabilistic("PUT /v2/objects/people/records", FaultKind.Delay, 1.0, seed: 3, delay: TimeSpan.FromSeconds(3));
        var reported = new List<AttioDeliveryResult>();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAttio(o =>
        {
            o.ApiToken = env.Emulator.ApiToken;
            o.BaseAddress = env.Emulator.BaseAddress;
        });
        builder.Services.AddAttioSender(o =>
        {
            o.ShutdownTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxConcurrency = 2;
            o.OnResult = r =>
            {
                lock (reported)
                {
                    reported.Add(r);
                }
            };
        });
        using var host = builder.Build();
        await host.StartAsync();
        var sender = host.Services.GetRequiredService<AttioSender>();
        for (int i = 0; i < 10; i++)
        {
            await sender.EnqueueRecordAsync(new Person { EmailAddresses = [$"slow{i}@example.com"] }, "email_addresses");
        }

        await host.StopAsync();

        var hosted = host.Services.GetServices<IHostedService>().OfType<AttioSenderHostedService>().Single();
        Assert.Equal(10, hosted.NotDeliveredAtShutdown.Count);
        lock (reported)
        {
            Assert.Equal(10, reported.Count(r => r.Status == AttioDeliveryStatus.NotDeliveredAtShutdown));
        }
    }

    [Fact]
    public void InvalidSenderOptionsFailAtResolution()
    {
        var services = new ServiceCollection();
        services.AddAttio(o => o.ApiToken = new string('a', 64));
        services.AddAttioSender(o => o.QueueCapacity = 0);
        using var provider = services.BuildServiceProvider();
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<AttioSender>());
    }
}

public sealed class HostedDefaultsTests
{
    [Fact]
    public void TheHostedSenderCoalescesByDefaultAndUsesTheHostsClock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddAttioSender();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AttioSenderOptions>>().Value;

        Assert.True(options.Coalesce);
        Assert.Same(clock, options.TimeProvider);
        Assert.True(new AttioSenderOptions().Coalesce);
    }

    [Fact]
    public void TheCallerStillDecides()
    {
        using var provider = new ServiceCollection().AddAttioSender(o => o.Coalesce = false).BuildServiceProvider();
        Assert.False(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AttioSenderOptions>>().Value.Coalesce);
    }
}
