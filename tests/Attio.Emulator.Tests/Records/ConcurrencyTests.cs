using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;
using static Attio.Emulator.Tests.Infrastructure.RecordJson;

namespace Attio.Emulator.Tests.Records;

public sealed class ConcurrencyTests
{
    private const int Clients = 8;
    private const int AssertsPerClient = 500;
    private const int Keys = 40;

    [Fact]
    public async Task Parallel_asserts_on_overlapping_keys_lose_no_update_and_create_no_duplicate()
    {
        // Responses grow to hundreds of emails; the journal's byte bound is lifted so every request stays counted.
        await using var emulator = await Emulators.Start(new AttioEmulatorOptions { EnforceRateLimits = false, JournalMaxBytes = long.MaxValue });

        // Each assert matches on a shared key and adds a unique email. email_addresses is the matching attribute,
        // so assert adds it in front: the newest email at the front names the write the store applied last.
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var client = new ApiClient(emulator);
            for (var i = 0; i < AssertsPerClient; i++)
            {
                var key = (i * 7 + c) % Keys;
                var response = await client.Assert("people", "email_addresses", new()
                {
                    ["email_addresses"] = new JsonArray($"key{key}@x.com", Unique(c, i)),
                    ["job_title"] = Title(c, i),
                });
                Assert.True(response.Status == 200, response.Text);
            }
        })));

        var records = emulator.Store.Records("people");
        Assert.Equal(Keys, records.Count);
        for (var key = 0; key < Keys; key++)
        {
            var record = Assert.Single(records, r => Fields(r, "email_addresses", "email_address").Contains($"key{key}@x.com"));
            var emails = Fields(record, "email_addresses", "email_address");
            var expected = Enumerable.Range(0, Clients)
                .SelectMany(c => Enumerable.Range(0, AssertsPerClient).Where(i => (i * 7 + c) % Keys == key).Select(i => Unique(c, i)))
                .Append($"key{key}@x.com")
                .Order(StringComparer.Ordinal);
            Assert.Equal(expected, emails.Order(StringComparer.Ordinal));

            var last = emails[0].Split('@')[0].Split('-');
            Assert.Equal(Title(int.Parse(last[1]), int.Parse(last[2])), Field(record, "job_title", "value"));
        }

        Assert.Equal(Clients * AssertsPerClient, emulator.Journal.Count);
    }

    private static string Unique(int client, int index) => $"w-{client}-{index}@x.com";

    private static string Title(int client, int index) => $"client {client} write {index}";
}
