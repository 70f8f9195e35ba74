using Northwind.Crm;

namespace Attio.Integration.Tests;

/// <summary>Generated code over loopback: domains from URLs, required attributes, typed references by match, clears.</summary>
public sealed class ValueFidelityTests(EmulatorFixture attio) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task GroupByAUrlStoresTheCompanyWithItsHost()
    {
        var result = await attio.Client.GroupWorkspaceAsync("https://www.acme.com/pricing?ref=ad", "ws-url", new Company { Name = "Acme" });

        var company = await attio.Client.GetCompanyAsync(result.Company.RecordId);
        Assert.Equal(["www.acme.com"], company.GetStrings("domains", "domain"));
        Assert.Equal(result.Company.RecordId, result.Workspace.GetValues("company").Single().GetProperty("target_record_id").GetString());

        var again = await attio.Client.GroupWorkspaceAsync("WWW.ACME.COM.", "ws-url");
        Assert.Equal(result.Company.RecordId, again.Company.RecordId);
    }

    [Fact]
    public async Task ADealWithoutItsRequiredStageFailsBeforeTheFirstRequest()
    {
        Assert.True(Deal.AttioAttributes.Stage.IsRequired);
        Assert.True(Company.AttioAttributes.Domains.IsUnique);
        attio.Emulator.ClearJournal();

        var ex = await Assert.ThrowsAsync<AttioValidationException>(() =>
            attio.Client.CreateDealAsync(new Deal { Name = "No stage", Owner = "alice@northwind.example" }));

        Assert.Equal("stage", Assert.Single(ex.Errors).AttributeSlug);
        Assert.Empty(attio.Emulator.Journal);
    }

    [Fact]
    public async Task AnUntypedReferenceByMatchTakesItsTypeFromTheSchema()
    {
        var company = await attio.Client.AssertCompanyAsync(new Company { Domains = ["typed.example"], Name = "Typed" });

        var deal = await attio.Client.CreateDealAsync(new Deal
        {
            Name = "Referenced",
            Owner = "alice@northwind.example",
            Stage = "Lead",
            AssociatedCompany = RecordReference.ByMatch("companies", "domains", "https://Typed.example/about"),
        });

        Assert.Equal(company.RecordId, deal.GetValues("associated_company").Single().GetProperty("target_record_id").GetString());
        var wrong = new Deal { AssociatedCompany = RecordReference.ByMatch("companies", "name", "Typed") };
        Assert.Contains(wrong.GetValidationErrors(), e => e.Expected.Contains("a unique attribute of companies", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(AttioUpdateMode.Append)]
    [InlineData(AttioUpdateMode.Overwrite)]
    public async Task AssigningNullClearsASingleValueThroughUpdateInBothModes(AttioUpdateMode mode)
    {
        var stored = await attio.Client.AssertPersonAsync(new Person { EmailAddresses = [$"clear-{mode}@example.com"], JobTitle = "Analyst" });

        await attio.Client.UpdatePersonAsync(stored.RecordId, new Person { JobTitle = null }, mode);

        var read = await attio.Client.GetPersonAsync(stored.RecordId);
        Assert.Empty(read.GetValues("job_title"));
        Assert.Equal($"clear-{mode.ToString().ToLowerInvariant()}@example.com", read.GetString("email_addresses", "email_address"));
    }

    [Fact]
    public async Task AMappedEventWithWhenNullClearClearsTheAttribute()
    {
        await attio.Client.AssertPersonAsync(new ProfileChanged("mapped-clear@example.com", "Analyst"));

        var stored = await attio.Client.AssertPersonAsync(new ProfileChanged("mapped-clear@example.com", null));

        Assert.Empty(stored.GetValues("job_title"));
    }

    [Fact]
    public async Task AssigningNullClearsASingleValueThroughAssert()
    {
        await attio.Client.AssertPersonAsync(new Person { EmailAddresses = ["assert-clear@example.com"], JobTitle = "Analyst" });

        var stored = await attio.Client.AssertPersonAsync(new Person { EmailAddresses = ["assert-clear@example.com"], JobTitle = null });

        Assert.Empty(stored.GetValues("job_title"));
    }
}

/// <summary>A mapped event whose null job title clears the attribute in Attio.</summary>
[AttioObject("people")]
public sealed partial record ProfileChanged(
    [property: AttioMap("email_addresses")] string Email,
    [property: AttioMap("job_title", WhenNull = AttioNull.Clear)] string? JobTitle);
