using Attio.Emulator;
using Northwind.Crm;
using Xunit.Abstractions;

namespace Attio.Delivery.Tests;

public sealed class FaultMixTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A429And503AndDroppedConnectionMixLosesNothing()
    {
        await using var env = await TestEnvironment.StartAsync(configure: o => o.MaxRetryAttempts = 10);
        foreach (var route in new[] { "PUT /v2/objects/*/records", "PATCH /v2/objects/*/records/*" })
        {
            env.Emulator.Faults.AddProbabilistic(route, FaultKind.Status429, 0.05, seed: 7);
            env.Emulator.Faults.AddProbabilistic(route, FaultKind.Status503, 0.05, seed: 8);
            env.Emulator.Faults.AddProbabilistic(route, FaultKind.DropConnection, 0.05, seed: 9);
        }

        await using var sender = new AttioSender(env.Client, new AttioSenderOptions { MaxConcurrency = 16 });
        var events = new List<AttioDeliveryEvent>();
        for (int i = 0; i < 300; i++)
        {
            events.Add(AttioDeliveryEvent.Identify($"fault{i}@example.com", $"u-fault-{i}", new Person { JobTitle = $"J{i}" }));
        }

        for (int i = 0; i < 300; i += 10)
        {
            events.Add(AttioDeliveryEvent.Group($"org{i / 30}.example", $"ws-{i / 30}", userId: $"u-fault-{i}"));
        }

        var batch = await sender.SendBatchAsync(events);

        var journal = env.Emulator.Journal;
        int rateLimited = journal.Count(e => e.StatusCode == 429);
        int unavailable = journal.Count(e => e.StatusCode == 503);
        int dropped = journal.Count(e => e.StatusCode == 0);
        output.WriteLine($"{batch}; faults seen: {rateLimited} x 429, {unavailable} x 503, {dropped} dropped connections, {journal.Count} requests");
        Assert.True(rateLimited > 0 && unavailable > 0 && dropped > 0, "every fault kind was injected");
        Assert.True(batch.AllDelivered, string.Join(Environment.NewLine, batch.Results.Where(r => !r.IsDelivered)));
        Assert.Equal(300, env.Emulator.Store.Count("users"));
        Assert.Equal(300, env.Emulator.Store.Count("people"));
        Assert.Equal(10, env.Emulator.Store.Count("workspaces"));
        Assert.All(env.Emulator.Store.Records("workspaces"), w => Assert.Equal(3, Stored.Values(w, "users").Count));
        Assert.All(env.Emulator.Store.Records("users"), u => Assert.NotNull(Stored.String(u, "person", "target_record_id")));
    }
}
