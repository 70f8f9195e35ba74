using Northwind.Crm;

namespace Attio.Integration.Tests;

public sealed class IdentifyAndGroupTests(EmulatorFixture attio) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task IdentifyAssertsThePersonAndTheUserAndLinksThem()
    {
        var result = await attio.Client.IdentifyUserAsync("Linus@Kernel.example", "u-linus", new Person { JobTitle = "Maintainer" });

        Assert.Equal("u-linus", result.User.GetString("user_id"));
        var link = result.User.GetValues("person").Single();
        Assert.Equal(result.Person.RecordId, link.GetProperty("target_record_id").GetString());
        var person = await attio.Client.GetPersonAsync(result.Person.RecordId);
        Assert.Equal("Maintainer", person.GetString("job_title"));
        Assert.Contains(person.GetValues("associated_users"), v => v.GetProperty("target_record_id").GetString() == result.User.RecordId);
        Assert.Equal("linus@kernel.example", result.User.GetString("primary_email_address", "email_address"));
    }

    [Fact]
    public async Task IdentifyValidatesBothRecordsBeforeTheFirstRequest()
    {
        attio.Emulator.ClearJournal();
        var ex = await Assert.ThrowsAsync<AttioValidationException>(() =>
            attio.Client.IdentifyUserAsync("ok@example.com", "u-1", user: new User { PrimaryEmailAddress = "broken" }));

        Assert.Contains(ex.Errors, e => e is { ObjectSlug: "users", AttributeSlug: "primary_email_address" });
        Assert.Empty(attio.Emulator.Journal);
    }

    [Fact]
    public async Task IdentifyDoesNotModifyTheCallersRecords()
    {
        var person = new Person { JobTitle = "Unchanged" };
        await attio.Client.IdentifyUserAsync("copy@example.com", "u-copy", person);
        Assert.Null(person.EmailAddresses);
    }

    [Fact]
    public async Task GroupLinksTheWorkspaceToTheCompanyAndAddsUsersWithoutRemovingOthers()
    {
        await attio.Client.IdentifyUserAsync("first@acme.example", "u-first");
        await attio.Client.IdentifyUserAsync("second@acme.example", "u-second");

        var first = await attio.Client.GroupWorkspaceAsync("acme.example", "ws-acme", new Company { Name = "Acme" }, userId: "u-first");
        var second = await attio.Client.GroupWorkspaceAsync("acme.example", "ws-acme", userId: "u-second");

        Assert.Equal(first.Workspace.RecordId, second.Workspace.RecordId);
        Assert.Equal(first.Company.RecordId, second.Workspace.GetValues("company").Single().GetProperty("target_record_id").GetString());
        var workspace = await attio.Client.GetWorkspaceAsync(second.Workspace.RecordId);
        Assert.Equal(2, workspace.GetValues("users").Count);
        var company = await attio.Client.GetCompanyAsync(first.Company.RecordId);
        Assert.Equal("Acme", company.GetString("name"));
        Assert.Equal("acme.example", company.GetString("domains", "domain"));
    }

    [Theory]
    [InlineData("", "u-1")]
    [InlineData("a@example.com", " ")]
    public async Task IdentifyRejectsEmptyKeysBeforeAnyRequest(string email, string userId)
    {
        attio.Emulator.ClearJournal();
        await Assert.ThrowsAsync<ArgumentException>(() => attio.Client.IdentifyUserAsync(email, userId));
        Assert.Empty(attio.Emulator.Journal);
    }
}
