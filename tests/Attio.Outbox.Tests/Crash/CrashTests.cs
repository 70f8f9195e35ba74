using System.Globalization;
using System.Text.Json.Nodes;
using Attio.Emulator;

namespace Attio.Outbox.Tests.Crash;

/// <summary>
/// A host process on a real SQLite file is SIGKILLed at a chosen point, then a new process on the same file drains it.
/// The emulator (in this process, over loopback) must end with every user and person exactly once and linked.
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class CrashTests : IAsyncLifetime, IDisposable
{
    private const int Identifies = 1_000;
    private const int WritesPerSecond = 2_000;
    private readonly SqliteTestFiles _files = new();
    private AttioEmulator _emulator = null!;

    public static TheoryData<string, int> KillPoints()
    {
        var data = new TheoryData<string, int>();
        foreach (string point in new[] { "while-enqueuing", "mid-request", "between-person-and-user", "during-coalesced-batch" })
        {
            for (int repetition = 1; repetition <= 3; repetition++)
            {
                data.Add(point, repetition);
            }
        }

        return data;
    }

    public async Task InitializeAsync() =>
        _emulator = await AttioEmulator.StartAsync(Path.Combine(AppContext.BaseDirectory, "attio-schema.json"),
            new AttioEmulatorOptions { WritesPerSecond = WritesPerSecond, ReadsPerSecond = WritesPerSecond, EnforceRateLimits = true });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _files.Dispose();

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task A_killed_host_loses_and_duplicates_nothing_once_a_new_process_drains_the_file(string point, int repetition)
    {
        string path = _files.NewPath($"{point}-{repetition}.db");
        int rounds = point == "during-coalesced-batch" ? 3 : 1;
        int resumeAt = Identifies;
        if (point == "while-enqueuing")
        {
            await using HostProcess enqueuing = HostProcess.Start(Arguments(path, "--identifies", $"{Identifies}"));
            // Different cut points per repetition: early, middle, late.
            int cut = repetition * 250;
            await enqueuing.WaitForAsync(line => line == $"enqueued {cut}");
            await enqueuing.KillAsync();
            resumeAt = enqueuing.LastEnqueued;
            Assert.True(resumeAt >= cut);
        }
        else
        {
            await using (HostProcess producer = HostProcess.Start(Arguments(path, "--identifies", $"{Identifies}", "--rounds", $"{rounds}", "--enqueue-only")))
            {
                await producer.CompleteAsync();
            }

            // Slow answers keep requests in flight when the kill comes: people (mid-request), users only (after the person
            // step, before the user step), or nothing for coalesced rows (the batch itself is what is cut).
            string? slow = point switch
            {
                "mid-request" => "PUT /v2/objects/people/records",
                "between-person-and-user" => "PUT /v2/objects/users/records",
                _ => null,
            };
            if (slow is not null)
            {
                _emulator.Faults.AddProbabilistic(slow, FaultKind.Delay, 1.0, seed: repetition, delay: TimeSpan.FromMilliseconds(150));
            }

            await using HostProcess delivering = HostProcess.Start(Arguments(path, "--deliver-only"));
            int cut = point == "during-coalesced-batch" ? repetition * 600 : repetition * 40;
            await delivering.WaitForAsync(line => line.StartsWith("delivered ", StringComparison.Ordinal) && int.Parse(line[10..], CultureInfo.InvariantCulture) >= cut);
            await delivering.KillAsync();
            _emulator.Faults.Clear();
        }

        // The successor: enqueues what the killed producer never reported stored (re-sending a stored one is harmless: every
        // step is an idempotent assert), then drains everything the file holds, the killed run's rows included.
        await using (HostProcess successor = HostProcess.Start(Arguments(path, "--identifies", $"{Identifies}", "--offset", $"{resumeAt}")))
        {
            await successor.CompleteAsync();
            Assert.Contains("flushed", successor.Seen);
        }

        await AssertEveryIdentifyDeliveredOnceAsync(path, rounds);
    }

    private string[] Arguments(string path, params string[] more) =>
        ["--sqlite", path, "--emulator", _emulator.BaseAddress.ToString(), "--token", _emulator.ApiToken, "--writes-per-second", $"{WritesPerSecond}", .. more];

    private async Task AssertEveryIdentifyDeliveredOnceAsync(string path, int rounds)
    {
        List<JsonObject> people = [.. _emulator.Store.Records("people")];
        List<JsonObject> users = [.. _emulator.Store.Records("users")];
        string[] expectedEmails = [.. Enumerable.Range(0, Identifies).Select(i => $"user-{i}@crash.test").Order(StringComparer.Ordinal)];
        string[] emails = [.. people.SelectMany(p => Values(p, "email_addresses").Select(v => v!["email_address"]!.GetValue<string>())).Order(StringComparer.Ordinal)];
        Assert.Equal(expectedEmails, emails);
        string[] userIds = [.. users.Select(u => Values(u, "user_id").Single()!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
        Assert.Equal([.. Enumerable.Range(0, Identifies).Select(i => $"u-{i}").Order(StringComparer.Ordinal)], userIds);

        Dictionary<string, string> personIdByEmail = people.ToDictionary(
            p => Values(p, "email_addresses").Single()!["email_address"]!.GetValue<string>(), p => p["id"]!["record_id"]!.GetValue<string>());
        foreach (JsonObject user in users)
        {
            string userId = Values(user, "user_id").Single()!["value"]!.GetValue<string>();
            string linked = Values(user, "person").Single()!["target_record_id"]!.GetValue<string>();
            Assert.True(personIdByEmail[$"user-{userId[2..]}@crash.test"] == linked, $"User {userId} is not linked to its person.");
        }

        await using var outbox = new SqliteAttioOutbox(path);
        AttioOutboxStatus status = await outbox.GetStatusAsync();
        Assert.Equal((0L, 0L), (status.Unfinished, status.Dead));
        Assert.True(status.Delivered >= Identifies * rounds, $"Only {status.Delivered} rows delivered.");
    }

    private static JsonArray Values(JsonObject record, string slug) => record["values"]?[slug] as JsonArray ?? [];
}

/// <summary>Crash runs each start child processes and an emulator: one at a time keeps them within the machine's two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashCollection
{
    public const string Name = "crash";
}
