using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;

namespace Attio.Emulator.Tests.Hosting;

public sealed class ScopeTests
{
    [Fact]
    public async Task The_schema_files_scopes_allow_the_endpoints_we_use()
    {
        await using var emulator = await Emulators.Start();
        using var client = new ApiClient(emulator);

        Assert.Equal(200, (await client.Get("v2/objects")).Status);
        Assert.Equal(200, (await client.Get("v2/workspace_members")).Status);
        Assert.Equal(200, (await client.Create("people", new() { ["job_title"] = "CTO" })).Status);
    }

    [Fact]
    public async Task A_missing_scope_is_403_and_read_write_implies_read()
    {
        await using var emulator = await Emulators.Start(new AttioEmulatorOptions
        {
            EnforceRateLimits = false,
            Scopes = ["object_configuration:read", "record_permission:read"],
        });
        using var client = new ApiClient(emulator);

        var write = await client.Create("people", new() { ["job_title"] = "CTO" });
        var members = await client.Get("v2/workspace_members");
        var query = await client.Post("v2/objects/people/records/query", new JsonObject());
        var self = await client.Get("v2/self");

        Assert.Equal(403, write.Status);
        Assert.Equal(
            """{"status_code":403,"type":"auth_error","code":"forbidden","message":"The token does not have the required scope: record_permission:read-write."}""",
            write.Text);
        Assert.Equal((403, "The token does not have the required scope: user_management:read."), (members.Status, members.Message));
        Assert.Equal(200, query.Status);
        Assert.Equal("object_configuration:read record_permission:read", (string?)self.Json["scope"]);
        Assert.Equal(0, emulator.Store.Count("people"));
    }
}
