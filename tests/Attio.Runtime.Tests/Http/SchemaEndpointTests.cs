using System.Text.Json;
using Attio.Runtime.Tests.Infrastructure;
using Xunit;
using Attio.Internal;

namespace Attio.Runtime.Tests.Http;

/// <summary>The read endpoints a CLI needs: self, objects, attributes (all pages), options, statuses, members, record queries.</summary>
public sealed class SchemaEndpointTests
{
    [Fact]
    public async Task Objects_attributes_options_statuses_and_members_match_the_schema_file()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        using var schema = JsonDocument.Parse(await File.ReadAllTextAsync(Repo.SchemaPath));
        var subscriptions = schema.RootElement.GetProperty("objects").EnumerateArray().Single(o => o.GetProperty("api_slug").GetString() == "subscriptions");

        var self = await client.GetSelfAsync();
        var objects = await client.ListObjectsAsync();
        var one = await client.GetObjectAsync("subscriptions");
        var attributes = await client.ListAttributesAsync("subscriptions", pageSize: 7);
        var options = await client.ListOptionsAsync("subscriptions", "plan");
        var statuses = await client.ListStatusesAsync("subscriptions", "stage");
        var members = await client.ListWorkspaceMembersAsync();

        Assert.Equal(schema.RootElement.GetProperty("workspace").GetProperty("workspace_id").GetString(), self.WorkspaceId);
        Assert.Contains("record_permission:read-write", self.Scopes);
        Assert.Equal(schema.RootElement.GetProperty("objects").GetArrayLength(), objects.Count);
        Assert.Equal(subscriptions.GetProperty("id").GetProperty("object_id").GetString(), one.Id.ObjectId);
        Assert.Equal(
            subscriptions.GetProperty("attributes").EnumerateArray().Where(a => !a.GetProperty("is_archived").GetBoolean()).Select(a => a.GetProperty("api_slug").GetString()!),
            attributes.Select(a => a.ApiSlug));
        Assert.True(attributes.Count > 14);
        Assert.True(attio.Journal.Count(e => e.Path == "/v2/objects/subscriptions/attributes") >= 3, "attributes were read in pages of 7");
        var billingUsers = attributes.Single(a => a.ApiSlug == "billing_users");
        Assert.True(billingUsers.IsMultiselect);
        Assert.Single(billingUsers.Config!.RecordReference!.AllowedObjectIds!);
        Assert.Equal("USD", attributes.Single(a => a.ApiSlug == "mrr").Config!.Currency!.DefaultCurrencyCode);
        Assert.True(AttioAttributeTypes.TryParse(attributes.Single(a => a.ApiSlug == "signatory").Type, out var type) && type == AttioAttributeType.PersonalName);
        Assert.Equal(["Free", "Starter", "Pro", "Enterprise"], options.Select(o => o.Title));
        Assert.Equal(["Trial", "Active", "Past due", "Cancelled"], statuses.Select(s => s.Title));
        Assert.Equal(["alice@northwind.example", "bob@northwind.example"], members.Select(m => m.EmailAddress).Order());

        // Written back with the same context, an object keeps Attio's shape, nulls included.
        string json = JsonSerializer.Serialize(attributes.Single(a => a.ApiSlug == "seats"), AttioJsonContext.Default.AttioAttribute);
        using var written = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, written.RootElement.GetProperty("default_value").ValueKind);
        Assert.Equal("number", written.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Record_queries_page_through_every_record_and_count_as_reads()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);
        for (int i = 0; i < 5; i++)
        {
            var record = new Subscription();
            record.Set(Subscription.SubscriptionId, AttioCodecs.Text, $"sub-q-{i}");
            await client.CreateRecordAsync(record);
        }

        var page = await client.QueryRecordsAsync("subscriptions", new AttioRecordQuery { Limit = 2 });
        var all = new List<AttioStoredRecord>();
        await foreach (var record in client.QueryAllRecordsAsync("subscriptions", pageSize: 2))
        {
            all.Add(record);
        }

        Assert.Equal(2, page.Count);
        Assert.Equal(5, all.Select(r => r.RecordId).Distinct().Count());
        Assert.Equal(1 + 3, attio.Journal.Count(e => e.Path == "/v2/objects/subscriptions/records/query"));
    }
}
