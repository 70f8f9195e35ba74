using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;
using static Attio.Emulator.Tests.Infrastructure.RecordJson;
using static Attio.Emulator.Tests.Values.ValueWriter;

namespace Attio.Emulator.Tests.Values;

public sealed class OptionValueTests : IAsyncLifetime
{
    private const string ProOptionId = "ce35fd6c-70f9-5329-8ead-bc48e0075d88";
    private const string ActiveStatusId = "f9185821-11a7-51a5-80b9-fdb60f4dbbf1";
    private AttioEmulator _emulator = null!;
    private ApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await Emulators.Start();
        _client = new ApiClient(_emulator);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Theory]
    [InlineData("\"Pro\"")]
    [InlineData("{\"option\":\"Pro\"}")]
    [InlineData("{\"option\":\"" + ProOptionId + "\"}")]
    [InlineData("\"" + ProOptionId + "\"")]
    public async Task Select_matches_by_title_or_id_and_returns_the_whole_option(string input)
    {
        var response = await Write(_client, "plan", Parse(input));

        var option = ValuesOf(response.Data, "plan").Single()!["option"]!;
        Assert.Equal("Pro", (string?)option["title"]);
        Assert.Equal(ProOptionId, (string?)option["id"]!["option_id"]);
        Assert.False((bool)option["is_archived"]!);
    }

    [Fact]
    public async Task Unknown_select_option_gets_Attios_body()
    {
        var response = await Write(_client, "plan", "Platinum");

        Assert.Equal(400, response.Status);
        Assert.Equal(
            """{"status_code":400,"type":"invalid_request_error","code":"value_not_found","message":"Cannot find select attribute with select option title \"Platinum\"."}""",
            response.Text);
    }

    [Fact]
    public async Task Select_title_match_is_exact()
    {
        Assert.Equal("value_not_found", (await Write(_client, "plan", "pro")).Code);
    }

    [Fact]
    public async Task Multiselect_select_takes_an_array_of_titles()
    {
        var features = (await _client.Get("v2/objects/subscriptions/attributes/features/options")).Data.AsArray()
            .Select(o => (string)o!["title"]!).Take(2).ToArray();

        var response = await Write(_client, "features", new JsonArray(features[0], features[1]));

        Assert.Equal(features, ValuesOf(response.Data, "features").Select(v => (string)v!["option"]!["title"]!).ToArray());
    }

    [Theory]
    [InlineData("\"Active\"")]
    [InlineData("{\"status\":\"Active\"}")]
    [InlineData("{\"status\":\"" + ActiveStatusId + "\"}")]
    public async Task Status_matches_by_title_or_id_and_returns_the_whole_status(string input)
    {
        var response = await Write(_client, "stage", Parse(input));

        var status = ValuesOf(response.Data, "stage").Single()!["status"]!;
        Assert.Equal(ActiveStatusId, (string?)status["id"]!["status_id"]);
        Assert.True((bool)status["celebration_enabled"]!);
    }

    [Fact]
    public async Task Unknown_status_is_value_not_found()
    {
        var response = await Write(_client, "stage", "Paused");

        Assert.Equal((400, "value_not_found"), (response.Status, response.Code));
        Assert.Equal("Cannot find status attribute with status option title \"Paused\".", response.Message);
    }

    [Theory]
    [InlineData("\"alice@northwind.example\"")]
    [InlineData("\"ALICE@northwind.example\"")]
    [InlineData("{\"workspace_member_email_address\":\"alice@northwind.example\"}")]
    [InlineData("{\"referenced_actor_type\":\"workspace-member\",\"referenced_actor_id\":\"64097149-9481-51bb-817e-130cb37ad55c\"}")]
    public async Task Actor_reference_resolves_members_by_email_or_id(string input)
    {
        var response = await Write(_client, "account_manager", Parse(input));

        var actor = ValuesOf(response.Data, "account_manager").Single()!;
        Assert.Equal("workspace-member", (string?)actor["referenced_actor_type"]);
        Assert.Equal("64097149-9481-51bb-817e-130cb37ad55c", (string?)actor["referenced_actor_id"]);
    }

    [Fact]
    public async Task Unknown_member_email_is_value_not_found()
    {
        var response = await Write(_client, "account_manager", "carol@elsewhere.example");

        Assert.Equal((400, "value_not_found"), (response.Status, response.Code));
        Assert.Equal("Cannot find workspace member with email address \"carol@elsewhere.example\".", response.Message);
    }

    [Fact]
    public async Task Unknown_member_id_is_value_not_found_with_the_spec_message()
    {
        var response = await Write(_client, "account_manager",
            Parse("{\"referenced_actor_type\":\"workspace-member\",\"referenced_actor_id\":\"50cf242c-7fa3-4cad-87d0-75b1af71c57b\"}"));

        Assert.Equal((400, "value_not_found"), (response.Status, response.Code));
        Assert.Equal("Workspace member with ID \"50cf242c-7fa3-4cad-87d0-75b1af71c57b\" not found.", response.Message);
    }

    [Fact]
    public async Task Only_workspace_members_can_be_written_as_actors()
    {
        var response = await Write(_client, "account_manager",
            Parse("{\"referenced_actor_type\":\"api-token\",\"referenced_actor_id\":\"64097149-9481-51bb-817e-130cb37ad55c\"}"));

        Assert.Equal("validation_type", response.Code);
    }
}
