using Northwind.Crm;

namespace Attio.Integration.Tests;

/// <summary>Issue 12.8: a stored record read back as its generated type, every attribute type compared over loopback.</summary>
public sealed class TypedReadTests(EmulatorFixture attio) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task EveryAttributeTypeReadsBackAsTheTypeItWasWrittenWith()
    {
        var workspace = await attio.Client.CreateWorkspaceAsync(new Workspace { WorkspaceId = "ws-typed-read", Name = "Typed read" });
        var location = new Location { Line1 = "1 Main Street", Locality = "London", Region = "Greater London", Postcode = "EC1A 1AA", CountryCode = "GB" };
        var renewsAt = new DateTimeOffset(2026, 3, 1, 12, 30, 0, TimeSpan.FromHours(2));

        var stored = await attio.Client.AssertSubscriptionAsync(new Subscription
        {
            SubscriptionId = "sub_typed_read",
            InvoiceReference = "INV-7",
            Plan = Subscription.PlanOptions.Pro,
            Features = [Subscription.FeaturesOptions.SSO, Subscription.FeaturesOptions.AuditLog],
            Stage = Subscription.StageStatuses.Active,
            Seats = 12.5,
            AutoRenew = true,
            Mrr = 1234.5678m,
            StartedOn = new DateOnly(2025, 3, 1),
            RenewsAt = renewsAt,
            HealthScore = 4,
            Workspace = RecordReference.ById("workspaces", workspace.RecordId),
            AccountManager = "alice@northwind.example",
            BillingAddress = location,
            BillingDomains = ["billing.example", "pay.example"],
            BillingEmail = "Billing@Acme.example",
            BillingPhoneNumbers = ["+442079460958"],
            Signatory = new PersonalName("Ada", "Lovelace"),
        });

        Subscription read = (await attio.Client.GetSubscriptionAsync(stored.RecordId)).As<Subscription>();

        Assert.Equal("sub_typed_read", read.SubscriptionId);
        Assert.Equal("INV-7", read.InvoiceReference);
        Assert.Equal(SelectOption.FromTitle("Pro"), read.Plan);
        Assert.Equal([SelectOption.FromTitle("SSO"), SelectOption.FromTitle("Audit log")], read.Features);
        Assert.Equal(StatusOption.FromTitle("Active"), read.Stage);
        Assert.Equal(12.5, read.Seats);
        Assert.True(read.AutoRenew);
        Assert.Equal(1234.5678m, read.Mrr);
        Assert.Equal(new DateOnly(2025, 3, 1), read.StartedOn);
        Assert.Equal(renewsAt, read.RenewsAt);
        Assert.Equal(TimeSpan.Zero, read.RenewsAt!.Value.Offset);
        Assert.Equal(4, read.HealthScore);
        Assert.Equal(RecordReference.ById("workspaces", workspace.RecordId), read.Workspace);
        Assert.NotNull(read.AccountManager?.MemberId);
        Assert.Equal(location, read.BillingAddress);
        Assert.Equal(["billing.example", "pay.example"], read.BillingDomains);
        Assert.Equal("billing@acme.example", read.BillingEmail);
        Assert.Equal(new PhoneNumber("+442079460958", "GB"), Assert.Single(read.BillingPhoneNumbers!));
        Assert.Equal(new PersonalName("Ada", "Lovelace"), read.Signatory);
    }

    [Fact]
    public async Task AttributesWithoutAStoredValueStayNotSetSoWritingTheReadBackClearsNothing()
    {
        var stored = await attio.Client.AssertSubscriptionAsync(new Subscription { SubscriptionId = "sub_sparse", Seats = 3 });

        Subscription read = stored.As<Subscription>();

        Assert.Equal(AttioFieldState.Set, read.GetState("seats"));
        Assert.Equal(AttioFieldState.NotSet, read.GetState("mrr"));
        Assert.Equal(AttioFieldState.NotSet, read.GetState("features"));
        Assert.Equal(["seats", "subscription_id"], read.GetSetValues().Select(v => v.Attribute.Slug).Order());

        // Only what was read is set, so the read record is a valid write of the same values.
        var again = await attio.Client.AssertSubscriptionAsync(read);
        Assert.Equal(stored.RecordId, again.RecordId);
        Assert.Equal(3, again.As<Subscription>().Seats);
    }

    [Fact]
    public async Task AnActorReadByIdWritesBackToTheSameMember()
    {
        var first = await attio.Client.AssertSubscriptionAsync(new Subscription { SubscriptionId = "sub_actor", AccountManager = "alice@northwind.example" });
        ActorReference alice = first.As<Subscription>().AccountManager!;

        var second = await attio.Client.AssertSubscriptionAsync(new Subscription { SubscriptionId = "sub_actor_2", AccountManager = alice });

        Assert.Equal(alice, second.As<Subscription>().AccountManager);
    }

    [Fact]
    public void AStoredValueInTheWrongFormNamesTheAttributeAndWhatWasExpected()
    {
        var stored = System.Text.Json.JsonSerializer.Deserialize<AttioStoredRecord>(
            """{"id":{"workspace_id":"w","object_id":"o","record_id":"r"},"values":{"seats":[{"value":"twelve"}]}}""")!;

        var ex = Assert.Throws<FormatException>(() => stored.As<Subscription>());

        Assert.Contains("subscriptions.seats (number)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"value\" as Number", ex.Message, StringComparison.Ordinal);
    }
}
