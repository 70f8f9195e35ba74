using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;
using static Attio.Emulator.Tests.Infrastructure.RecordJson;

namespace Attio.Emulator.Tests.Records;

public sealed class ReadRecordTests
{
    [Fact]
    public async Task Get_returns_the_record_with_ids_envelope_and_every_attribute_key()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var id = await client.CreateId("people", new() { ["email_addresses"] = new JsonArray("a@x.com") });

        var response = await client.Get($"v2/objects/people/records/{id}");

        Assert.Equal(200, response.Status);
        var record = response.Data;
        Assert.Equal(id, (string?)record["id"]!["record_id"]);
        Assert.Equal("37dc1fd4-606f-488c-86b1-af0e6b65db12", (string?)record["id"]!["object_id"]);
        Assert.Equal("d424356d-5b78-47a5-a388-c74c01f0d170", (string?)record["id"]!["workspace_id"]);
        Assert.Equal($"https://app.attio.com/northwind/person/{id}", (string?)record["web_url"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$", (string?)record["created_at"]);

        var values = (JsonObject)record["values"]!;
        var attributes = (await client.Get("v2/objects/people/attributes")).Data.AsArray().Select(a => (string)a!["api_slug"]!);
        Assert.Equal(attributes, values.Select(v => v.Key));
        Assert.Empty(ValuesOf(record, "job_title"));
        Assert.Equal(id, Field(record, "record_id", "value"));
        Assert.Equal((string?)record["created_at"], Field(record, "created_at", "value"));

        var email = ValuesOf(record, "email_addresses").Single()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$", (string?)email["active_from"]);
        Assert.Null(email["active_until"]);
        Assert.True(((JsonObject)email).ContainsKey("active_until"));
        Assert.Equal("api-token", (string?)email["created_by_actor"]!["type"]);
        Assert.True(Guid.TryParse((string?)email["created_by_actor"]!["id"], out _));
    }

    [Fact]
    public async Task Unknown_record_is_404()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        var response = await client.Get("v2/objects/people/records/891dcbfc-9141-415d-9b2a-2238a6cc012d");

        Assert.Equal(404, response.Status);
        Assert.Equal(
            """{"status_code":404,"type":"invalid_request_error","code":"not_found","message":"Record with ID \"891dcbfc-9141-415d-9b2a-2238a6cc012d\" not found."}""",
            response.Text);
    }

    [Fact]
    public async Task Store_exposes_the_records_as_the_api_renders_them()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var id = await client.CreateId("people", new() { ["email_addresses"] = new JsonArray("a@x.com") });

        var stored = Assert.Single(emulator.Store.Records("people"));

        Assert.Equal(id, Id(stored));
        Assert.Equal((await client.Get($"v2/objects/people/records/{id}")).Data.ToJsonString(), stored.ToJsonString());
    }
}
