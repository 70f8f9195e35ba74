using System.Text.Json.Nodes;
using Northwind.Crm;

namespace Attio.Integration.Tests;

/// <summary>The one executor against the emulator: clears that clear, partial writes that say what was written, one error per cause.</summary>
public sealed class PlanExecutionTests(EmulatorFixture attio) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task AnAppendUpdateSendsItsClearsWithPutBecausePatchCannotRemoveValues()
    {
        var created = await attio.Client.AssertPersonAsync(new Person
        {
            EmailAddresses = ["clear-append@example.com"], JobTitle = "Temporary", PhoneNumbers = [new PhoneNumber("+442079460000")],
        });
        attio.Emulator.ClearJournal();

        await attio.Client.UpdatePersonAsync(created.RecordId, new Person { JobTitle = null, PhoneNumbers = null, Twitter = "@kept" });

        var writes = attio.Emulator.Journal.Where(e => e.Method is "PUT" or "PATCH").ToList();
        var put = Assert.Single(writes);
        Assert.Equal("PUT", put.Method);
        var body = JsonNode.Parse(put.Body!)!["data"]!["values"]!.AsObject();
        Assert.True(body.ContainsKey("job_title"));
        Assert.Null(body["job_title"]);                       // a single value is cleared with null
        Assert.Empty(body["phone_numbers"]!.AsArray());       // a multiselect with []
        Assert.Equal("@kept", body["twitter"]![0]!["value"]!.GetValue<string>());
        var stored = await attio.Client.GetPersonAsync(created.RecordId);
        Assert.Empty(stored.GetValues("job_title"));
        Assert.Empty(stored.GetValues("phone_numbers"));
        Assert.Equal("@kept", stored.GetString("twitter"));
    }

    [Fact]
    public async Task AnAppendUpdateWithClearsAndValuesToAddSplitsIntoPutThenPatch()
    {
        var created = await attio.Client.AssertPersonAsync(new Person { EmailAddresses = ["split@example.com"], JobTitle = "Temporary" });
        attio.Emulator.ClearJournal();

        await attio.Client.UpdatePersonAsync(created.RecordId, new Person { JobTitle = null, EmailAddresses = ["split-second@example.com"] });

        var writes = attio.Emulator.Journal.Where(e => e.Method is "PUT" or "PATCH").Select(e => e.Method).ToList();
        Assert.Equal(["PUT", "PATCH"], writes);
        var stored = await attio.Client.GetPersonAsync(created.RecordId);
        Assert.Empty(stored.GetValues("job_title"));
        Assert.Equal(["split-second@example.com", "split@example.com"], stored.GetStrings("email_addresses", "email_address").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UpdateRecordAsyncOnTheClientClearsToo()
    {
        var created = await attio.Client.AssertPersonAsync(new Person { EmailAddresses = ["client-clear@example.com"], JobTitle = "Temporary" });

        await attio.Client.UpdateRecordAsync(created.RecordId, new Person { JobTitle = null }, AttioUpdateMode.Append);

        Assert.Empty((await attio.Client.GetPersonAsync(created.RecordId)).GetValues("job_title"));
    }

    [Fact]
    public async Task TheSenderSendsTheClearsOfAnAppendUpdateWithPutToo()
    {
        var created = await attio.Client.AssertPersonAsync(new Person { EmailAddresses = ["sender-clear@example.com"], JobTitle = "Temporary" });
        attio.Emulator.ClearJournal();
        await using var sender = new AttioSender(attio.Client);

        var result = await (await sender.EnqueuePlanAsync(AttioActions.Update(created.RecordId, new Person { JobTitle = null }))).Completion;

        Assert.Equal(AttioDeliveryStatus.Delivered, result.Status);
        Assert.Equal("PUT", Assert.Single(attio.Emulator.Journal).Method);
        Assert.Empty((await attio.Client.GetPersonAsync(created.RecordId)).GetValues("job_title"));
    }

    [Fact]
    public async Task AnAppendUpdateWithoutClearsIsOnePatch()
    {
        var created = await attio.Client.AssertPersonAsync(new Person { EmailAddresses = ["patch-only@example.com"] });
        attio.Emulator.ClearJournal();

        await attio.Client.UpdatePersonAsync(created.RecordId, new Person { JobTitle = "Kept" });

        Assert.Equal("PATCH", Assert.Single(attio.Emulator.Journal).Method);
    }

    [Fact]
    public async Task AGroupWhoseMembershipIsRefusedSaysWhichCompanyAndWorkspaceWereWritten()
    {
        var ex = await Assert.ThrowsAsync<AttioPlanException>(() =>
            attio.Client.GroupWorkspaceAsync("half-written.example", "ws-half", userId: "no-such-user"));

        Assert.Equal(2, ex.FailedStep);
        Assert.Equal(["companies", "workspaces"], ex.Written.Select(w => w.ObjectSlug));
        var company = Stored("companies", "domains", "domain", "half-written.example");
        var workspace = Stored("workspaces", "workspace_id", "value", "ws-half");
        Assert.Equal(company, ex.Written[0].RecordId);
        Assert.Equal(workspace, ex.Written[1].RecordId);
        Assert.Contains(company, ex.Message);
        Assert.Contains(workspace, ex.Message);
        Assert.IsType<AttioApiException>(ex.InnerException);
    }

    [Fact]
    public async Task ASecondUserWithTheSameEmailFailsSayingWhoHoldsTheAddressAndHowToChoose()
    {
        await attio.Client.IdentifyUserAsync("shared@example.com", "u-shared-1");

        var ex = await Assert.ThrowsAsync<AttioPlanException>(() => attio.Client.IdentifyUserAsync("shared@example.com", "u-shared-2"));

        Assert.Equal("uniqueness_conflict", ex.ApiException!.Code);
        Assert.Contains("users.primary_email_address is unique", ex.Message);
        Assert.Contains("'u-shared-1' already holds 'shared@example.com'", ex.Message);
        Assert.Contains("AttioPrimaryEmail.LeaveUnset", ex.Message);
        Assert.Equal("people", Assert.Single(ex.Written).ObjectSlug);
    }

    [Fact]
    public async Task TheCallerCanChooseWhatTheIdentifySendsAsPrimaryEmail()
    {
        await attio.Client.IdentifyUserAsync("chooser@example.com", "u-chooser-1");

        var kept = await attio.Client.IdentifyUserAsync("chooser@example.com", "u-chooser-2", user: new User { PrimaryEmailAddress = "chooser+2@example.com" });
        Assert.Equal("chooser+2@example.com", kept.User.GetString("primary_email_address", "email_address"));

        var plan = AttioActions.Identify("chooser@example.com", "u-chooser-1", primaryEmail: AttioPrimaryEmail.LeaveUnset);
        Assert.Null(plan.Steps[1].ValueOf("primary_email_address"));
        var again = await attio.Client.ExecuteIdentifyAsync(plan);
        Assert.Equal("chooser@example.com", again.User.GetString("primary_email_address", "email_address"));
    }

    [Fact]
    public async Task AnInvalidIdentifyEmailIsOneErrorFromTheClientAndTheSameOnTheSendersReceipt()
    {
        var client = await Assert.ThrowsAsync<AttioValidationException>(() => attio.Client.IdentifyUserAsync("not-an-email", "u-invalid"));
        var only = Assert.Single(client.Errors);
        Assert.Equal(("people", "email_addresses"), (only.ObjectSlug, only.AttributeSlug));

        await using var sender = new AttioSender(attio.Client);
        var receipt = await sender.EnqueueIdentifyUserAsync("not-an-email", "u-invalid", new Person(), new User());

        Assert.True(receipt.IsRejected);
        Assert.Equal(client.Errors, receipt.ValidationErrors);
        Assert.True(receipt.Completion.IsCompleted);
    }

    [Fact]
    public async Task AnAcceptedEventIsNotRejectedOnItsReceipt()
    {
        await using var sender = new AttioSender(attio.Client);
        var receipt = await sender.EnqueuePersonAsync(new Person { EmailAddresses = ["receipt@example.com"] });

        Assert.False(receipt.IsRejected);
        Assert.Empty(receipt.ValidationErrors);
        Assert.Equal(AttioDeliveryStatus.Delivered, (await receipt.Completion).Status);
    }

    [Fact]
    public async Task APlanRunByTheSenderWritesWhatTheClientWould()
    {
        await using var sender = new AttioSender(attio.Client);
        var plan = AttioActions.Group("plan-sender.example", "ws-plan-sender", new Company { Name = "Plan" });

        var result = await (await sender.EnqueuePlanAsync(plan)).Completion;

        Assert.Equal(AttioDeliveryStatus.Delivered, result.Status);
        Assert.Equal(Stored("workspaces", "workspace_id", "value", "ws-plan-sender"), result.RecordIds["workspaces"]);
    }

    private string Stored(string objectSlug, string slug, string field, string value) =>
        attio.Emulator.Store.Records(objectSlug)
            .Single(r => (r["values"]?[slug] as JsonArray ?? []).Any(v => v?[field]?.GetValue<string>() == value))["id"]!["record_id"]!.GetValue<string>();
}
