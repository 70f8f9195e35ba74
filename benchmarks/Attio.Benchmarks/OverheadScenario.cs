using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Attio.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Northwind.Crm;

namespace Attio.Benchmarks;

/// <summary>
/// The client's own cost: with the emulator's limits off (and the client's), person asserts per second through
/// <see cref="AttioClient"/> (records written by the generated code, the whole pipeline, the answer parsed) against a bare
/// <see cref="HttpClient"/> loop sending the same bodies, written beforehand, to the same emulator in the same run. Rounds
/// pair the two (alternating which goes first) and the figure is the median of the pairs' ratios: on two shared cores a
/// single round's rate swings by 2x, and a best-of-N per side pairs rounds that ran under different loads. Allocations per
/// request are whole-process deltas (the in-process emulator's share is in both); their difference is the client's.
/// A second stage times the client's CPU alone, one thread, every response canned in memory: where the time goes.
/// Exits non-zero below 0.75x.
/// </summary>
public static class OverheadScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        int requests = Option(args, "--requests", 2_000);
        int concurrency = Option(args, "--concurrency", 8);
        int rounds = Option(args, "--rounds", 7);
        await using var emulator = await AttioEmulator.StartAsync(Path.Combine(AppContext.BaseDirectory, "attio-schema.json"),
            new AttioEmulatorOptions { EnforceRateLimits = false, JournalMaxEntries = 1_000 });
        using var client = new AttioClient(new AttioClientOptions { ApiToken = emulator.ApiToken, BaseAddress = emulator.BaseAddress, WritesPerSecond = 0, ReadsPerSecond = 0 });
        using var bare = new HttpClient { BaseAddress = emulator.BaseAddress };
        bare.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiToken);
        // The middle stage, to show where the time goes: the client's handler chain (retry, pace, telemetry, token) as
        // AddAttio registers it, sending the same pre-written bodies without Refit, body writing or parsing the answer.
        await using var services = new ServiceCollection().AddAttio(o =>
        {
            o.ApiToken = emulator.ApiToken;
            o.BaseAddress = emulator.BaseAddress;
            o.WritesPerSecond = 0;
            o.ReadsPerSecond = 0;
        }).BuildServiceProvider();
        var handlers = services.GetRequiredService<IHttpClientFactory>().CreateClient("Attio");

        var people = Enumerable.Range(0, requests).Select(Person).ToArray();
        var bodies = people.Select(Body).ToArray();
        Console.WriteLine($"Client overhead: {requests} person asserts per run, {concurrency} at a time, emulator and client limits off, {rounds} paired rounds (alternating which goes first)");

        // Warm-up: JIT, connection pools, and every record exists, so both sides run the same update path in the emulator.
        await RunAsync(requests, concurrency, i => client.AssertRecordAsync(people[i], "email_addresses"));
        await RunAsync(requests, concurrency, i => Bare(bare, bodies[i]));
        await RunAsync(requests, concurrency, i => Bare(handlers, bodies[i]));

        var ratios = new List<double>();
        var clientRounds = new List<Figures>();
        var bareRounds = new List<Figures>();
        var chainRounds = new List<Figures>();
        for (int round = 1; round <= rounds; round++)
        {
            Figures viaClient, viaBare;
            if (round % 2 == 1)
            {
                viaClient = await RunAsync(requests, concurrency, i => client.AssertRecordAsync(people[i], "email_addresses"));
                viaBare = await RunAsync(requests, concurrency, i => Bare(bare, bodies[i]));
            }
            else
            {
                viaBare = await RunAsync(requests, concurrency, i => Bare(bare, bodies[i]));
                viaClient = await RunAsync(requests, concurrency, i => client.AssertRecordAsync(people[i], "email_addresses"));
            }

            var viaHandlers = await RunAsync(requests, concurrency, i => Bare(handlers, bodies[i]));
            ratios.Add(viaClient.PerSecond / viaBare.PerSecond);
            clientRounds.Add(viaClient);
            bareRounds.Add(viaBare);
            chainRounds.Add(viaHandlers);
            Console.WriteLine($"  round {round}: AttioClient {viaClient.PerSecond:0} requests/s, {viaClient.BytesPerRequest / 1024:0.0} KB allocated per request; " +
                $"bare HttpClient {viaBare.PerSecond:0} requests/s, {viaBare.BytesPerRequest / 1024:0.0} KB; ratio {ratios[^1]:0.00}; handler chain only {viaHandlers.PerSecond:0} requests/s, {viaHandlers.BytesPerRequest / 1024:0.0} KB");
        }

        var clientMedian = Median(clientRounds);
        var bareMedian = Median(bareRounds);
        var chainMedian = Median(chainRounds);
        await ReportCpuAloneAsync(bodies[0], people[0]);
        await ReportParsingAsync(bare, bodies[0]);
        double ratio = ratios.Order().ElementAt(ratios.Count / 2);
        Console.WriteLine($"  AttioClient / bare HttpClient: {ratio:0.00}x (median of {rounds} paired rounds, each {string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}); " +
            $"median rates {clientMedian.PerSecond:0} vs {bareMedian.PerSecond:0} requests/s (handler chain only {chainMedian.PerSecond:0}); " +
            $"client's own allocations {(clientMedian.BytesPerRequest - bareMedian.BytesPerRequest) / 1024:0.0} KB per request (process totals {clientMedian.BytesPerRequest / 1024:0.0} vs {bareMedian.BytesPerRequest / 1024:0.0} KB)");
        bool ok = ratio >= 0.75;
        Console.WriteLine(ok ? "Overhead target met (>= 0.75x)." : "MISSED: AttioClient below 0.75x of the bare HttpClient loop.");
        return ok ? 0 : 1;
    }

    private static Figures Median(List<Figures> figures) => figures.OrderBy(f => f.PerSecond).ElementAt(figures.Count / 2);

    // The client's CPU alone: one thread, no sockets, every response the emulator's answer replayed from memory, so the
    // emulator's share and the machine's other load drop out. Bare is HttpClient over the same canned handler.
    private static async Task ReportCpuAloneAsync(byte[] body, Person person)
    {
        const string Token = "overhead_token_overhead_token_overhead";
        var canned = new CannedAnswer(await EmulatorAnswerAsync(body));
        using var bare = new HttpClient(canned, disposeHandler: false) { BaseAddress = new Uri("http://127.0.0.1:9/") };
        var services = new ServiceCollection().AddAttio(o =>
        {
            o.ApiToken = Token;
            o.BaseAddress = new Uri("http://127.0.0.1:9/");
            o.WritesPerSecond = 0;
            o.ReadsPerSecond = 0;
        });
        services.AddHttpClient("Attio").ConfigurePrimaryHttpMessageHandler(() => canned);
        await using var provider = services.BuildServiceProvider();
        var chain = provider.GetRequiredService<IHttpClientFactory>().CreateClient("Attio");
        var client = provider.GetRequiredService<AttioClient>();
        var stages = new (string Name, Func<Task> Send)[]
        {
            ("bare HttpClient", () => Bare(bare, body)),
            ("handler chain", () => Bare(chain, body)),
            ("AttioClient (validate, write, Refit, chain, parse)", () => client.AssertRecordAsync(person, "email_addresses")),
        };
        var lines = new List<string>();
        foreach (var (name, send) in stages)
        {
            const int Calls = 20_000;
            for (int i = 0; i < 2_000; i++)
            {
                await send();
            }

            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < Calls; i++)
            {
                await send();
            }

            clock.Stop();
            lines.Add($"{name} {clock.Elapsed.TotalMilliseconds * 1000 / Calls:0.0} us and {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)Calls / 1024:0.0} KB");
        }

        Console.WriteLine("  CPU alone per request (one thread, responses canned): " + string.Join("; ", lines));
    }

    private static async Task<byte[]> EmulatorAnswerAsync(byte[] body)
    {
        await using var emulator = await AttioEmulator.StartAsync(Path.Combine(AppContext.BaseDirectory, "attio-schema.json"), new AttioEmulatorOptions { EnforceRateLimits = false });
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiToken);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PutAsync("/v2/objects/people/records?matching_attribute=email_addresses", content);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private sealed class CannedAnswer(byte[] answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent(answer), RequestMessage = request };
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(response);
        }
    }

    private static Person Person(int i) => new()
    {
        EmailAddresses = [$"overhead{i}@bench.example"],
        Name = new PersonalName("Ada", "Lovelace"),
        JobTitle = "Analyst",
        Description = "A person written by the overhead scenario.",
    };

    private static byte[] Body(Person person)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            person.WriteRequestBody(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    // One stage on its own, on one thread: deserialising the emulator's answer to an assert as the client does.
    private static async Task ReportParsingAsync(HttpClient http, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PutAsync("/v2/objects/people/records?matching_attribute=email_addresses", content);
        byte[] answer = await response.Content.ReadAsByteArrayAsync();
        const int parses = 20_000;
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < parses; i++)
        {
            _ = JsonSerializer.Deserialize(answer, AttioJsonContext.Default.AttioEnvelopeAttioStoredRecord);
        }

        clock.Stop();
        long bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine($"  parsing the answer ({answer.Length / 1024.0:0.0} KB of JSON) into AttioStoredRecord: {clock.Elapsed.TotalMilliseconds * 1000 / parses:0.0} us and {(double)bytes / parses / 1024:0.0} KB per request");
    }

    private static async Task Bare(HttpClient http, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PutAsync("/v2/objects/people/records?matching_attribute=email_addresses", content);
        response.EnsureSuccessStatusCode();
        // Read the answer as the client does, so both sides pay for the same bytes.
        _ = await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<Figures> RunAsync(int requests, int concurrency, Func<int, Task> send)
    {
        int next = -1;
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (int i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
            {
                await send(i);
            }
        })));
        clock.Stop();
        long bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        return new Figures(requests / clock.Elapsed.TotalSeconds, (double)bytes / requests);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private readonly record struct Figures(double PerSecond, double BytesPerRequest);
}
