using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;

namespace Attio.Emulator.Tests.Contract;

/// <summary>Every response body the emulator sends is checked against Attio's OpenAPI document.</summary>
public sealed class ContractTests
{
    private static string SkipReason =>
        $"Attio's OpenAPI document is not at {RepoPaths.OpenApiFile} (expected in the shared folder next to the repository); the contract cannot be checked.";

    [SkippableFact]
    public async Task Success_bodies_match_the_openapi_response_schemas()
    {
        Skip.If(OpenApiContract.Instance is null, SkipReason);
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        await client.Get("v2/self");
        await client.Get("v2/objects");
        await client.Get("v2/objects/people");
        await client.Get("v2/objects/people/attributes?limit=10&offset=2");
        await client.Get("v2/objects/subscriptions/attributes/plan");
        await client.Get("v2/objects/subscriptions/attributes/plan/options");
        await client.Get("v2/objects/subscriptions/attributes/stage/statuses?show_archived=true");
        await client.Get("v2/workspace_members");
        await client.Get("v2/workspace_members/64097149-9481-51bb-817e-130cb37ad55c");

        var company = await client.CreateId("companies", new()
        {
            ["domains"] = new JsonArray("acme.com"),
            ["name"] = "Acme",
            ["categories"] = new JsonArray(await FirstOption(client, "companies", "categories")),
            ["foundation_date"] = "2004-07",
            ["funding_raised_usd"] = 1500.5,
        });
        var person = await client.Assert("people", "email_addresses", new()
        {
            ["email_addresses"] = new JsonArray("Ada@Acme.com"),
            ["name"] = "Lovelace, Ada",
            ["phone_numbers"] = new JsonArray(new JsonObject { ["original_phone_number"] = "2125551234", ["country_code"] = "US" }),
            ["primary_location"] = "1 Infinite Loop, Cupertino, CA, 95014, US",
            ["company"] = new JsonObject { ["target_object"] = "companies", ["target_record_id"] = company },
        });
        var personId = RecordJson.Id(person.Data);
        var user = await client.CreateId("users", new() { ["user_id"] = "u1", ["primary_email_address"] = "ada@acme.com", ["person"] = "ada@acme.com" });
        var workspace = await client.CreateId("workspaces", new() { ["workspace_id"] = "w1", ["users"] = new JsonArray(Ref("users", user)) });
        var subscription = await client.CreateId("subscriptions", new()
        {
            ["subscription_id"] = "s1",
            ["invoice_reference"] = "INV-1",
            ["plan"] = "Pro",
            ["features"] = new JsonArray(await FirstOption(client, "subscriptions", "features")),
            ["stage"] = "Active",
            ["seats"] = 12,
            ["auto_renew"] = true,
            ["mrr"] = "99.5",
            ["started_on"] = "2024-01-15",
            ["renews_at"] = "2025-01-15T09:30:00+01:00",
            ["health_score"] = 4,
            ["billing_users"] = new JsonArray(Ref("users", user)),
            ["workspace"] = Ref("workspaces", workspace),
            ["account_manager"] = "bob@northwind.example",
            ["billing_address"] = new JsonObject
            {
                ["line_1"] = "1 Main St", ["line_2"] = null, ["line_3"] = null, ["line_4"] = null, ["locality"] = "Springfield",
                ["region"] = "IL", ["postcode"] = "62701", ["country_code"] = "US", ["latitude"] = "39.78", ["longitude"] = "-89.65",
            },
            ["billing_domains"] = new JsonArray("https://billing.acme.com/x"),
            ["billing_email"] = "Billing@Acme.com",
            ["billing_phone_numbers"] = new JsonArray("+44 20 7946 0958"),
            ["signatory"] = new JsonObject { ["first_name"] = "Ada", ["last_name"] = "Lovelace", ["full_name"] = "Ada Lovelace" },
        });

        await client.Get($"v2/objects/people/records/{personId}");
        await client.Get($"v2/objects/subscriptions/records/{subscription}");
        await client.Patch($"v2/objects/people/records/{personId}", ApiClient.Values(new() { ["job_title"] = "Countess" }));
        await client.Put($"v2/objects/people/records/{personId}", ApiClient.Values(new() { ["description"] = "First programmer" }));
        await client.Post("v2/objects/people/records/query", new JsonObject { ["filter"] = new JsonObject { ["email_addresses"] = "ada@acme.com" }, ["limit"] = 10 });
        await client.Get($"v2/objects/people/records/{personId}/attributes/email_addresses/values");
        await client.Delete($"v2/objects/users/records/{user}");

        Assert.All(emulator.Journal, e => Assert.True(e.StatusCode == 200, $"{e.Method} {e.Path}: {e.ResponseBody}"));
        AssertAllValid(emulator, minimumFromSpec: 20);
    }

    [SkippableFact]
    public async Task Error_bodies_match_the_openapi_response_schemas()
    {
        Skip.If(OpenApiContract.Instance is null, SkipReason);
        await using var emulator = await Emulators.Start(new AttioEmulatorOptions { ReadsPerSecond = 1 });
        using var client = new ApiClient(emulator);
        using var stranger = new ApiClient(emulator, token: "short");

        await client.Get("v2/objects/tickets");
        await client.Get("v2/objects/people/attributes/my-attribute");
        await client.Get($"v2/objects/people/records/{Guid.NewGuid()}");
        await client.Get($"v2/objects/people/records/{Guid.NewGuid()}");
        await client.Assert("people", "my-attribute", new() { ["email_addresses"] = new JsonArray("a@x.com") });
        await client.Assert("people", "job_title", new() { ["job_title"] = "x" });
        await client.Create("subscriptions", new() { ["subscription_id"] = "s1", ["plan"] = "Platinum" });
        await client.Create("people", new() { ["name"] = new JsonObject() });
        await client.Post("v2/objects/people/records", new JsonObject { ["data"] = new JsonObject() });
        var user = await client.CreateId("users", new() { ["user_id"] = "u1", ["primary_email_address"] = "u1@x.com" });
        await client.Patch($"v2/objects/users/records/{user}", ApiClient.Values(new() { ["user_id"] = null }));
        await client.Create("users", new() { ["user_id"] = "u1", ["primary_email_address"] = "u2@x.com" });
        await client.Post("v2/objects/people/records/query", JsonNode.Parse("""{"filter":{"nope":1}}"""));
        await client.Delete($"v2/objects/people/records/{Guid.NewGuid()}");
        await stranger.Get("v2/objects");
        await client.Get("v2/nothing");
        emulator.Faults.Enqueue("GET /v2/self", FaultKind.Status503);
        await client.Get("v2/self");

        Assert.All(emulator.Journal.Skip(1), e => Assert.True(e.StatusCode >= 400 || e.Method == "POST", $"{e.Method} {e.Path} answered {e.StatusCode}"));
        AssertAllValid(emulator, minimumFromSpec: 6);
    }

    [SkippableFact]
    public async Task The_checker_rejects_bodies_that_break_the_spec()
    {
        Skip.If(OpenApiContract.Instance is null, SkipReason);
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);
        var record = (await client.Create("subscriptions", new() { ["subscription_id"] = "s1", ["seats"] = 3, ["plan"] = "Pro" })).Json;
        var path = $"/v2/objects/subscriptions/records/{RecordJson.Id(record["data"]!)}";

        var wrongNumber = record.DeepClone();
        wrongNumber["data"]!["values"]!["seats"]![0]!["value"] = "3";
        var noEnvelope = record.DeepClone();
        ((JsonObject)noEnvelope["data"]!["values"]!["plan"]![0]!).Remove("active_until");
        var noWebUrl = record.DeepClone();
        ((JsonObject)noWebUrl["data"]!).Remove("web_url");

        var contract = OpenApiContract.Instance!;
        Assert.Null(contract.Validate("GET", path, 200, record.ToJsonString()).Failure);
        Assert.NotNull(contract.Validate("GET", path, 200, wrongNumber.ToJsonString()).Failure);
        Assert.NotNull(contract.Validate("GET", path, 200, noEnvelope.ToJsonString()).Failure);
        Assert.NotNull(contract.Validate("GET", path, 200, noWebUrl.ToJsonString()).Failure);
        Assert.NotNull(contract.Validate("GET", path, 404, """{"status_code":404,"type":"invalid_request_error","code":"not_found"}""").Failure);
    }

    private static void AssertAllValid(AttioEmulator emulator, int minimumFromSpec)
    {
        var contract = OpenApiContract.Instance!;
        var failures = new List<string>();
        var fromSpec = 0;
        foreach (var entry in emulator.Journal)
        {
            var (specSchema, failure) = contract.Validate(entry.Method, entry.Path, entry.StatusCode, entry.ResponseBody!);
            fromSpec += specSchema ? 1 : 0;
            if (failure is not null)
            {
                failures.Add(failure);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(fromSpec >= minimumFromSpec, $"Only {fromSpec} responses had a schema in the spec; expected at least {minimumFromSpec}.");
    }

    private static JsonObject Ref(string obj, string id) => new() { ["target_object"] = obj, ["target_record_id"] = id };

    private static async Task<string> FirstOption(ApiClient client, string obj, string attribute) =>
        (string)(await client.Get($"v2/objects/{obj}/attributes/{attribute}/options")).Data[0]!["title"]!;
}
