using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;
using static Attio.Emulator.Tests.Infrastructure.RecordJson;
using static Attio.Emulator.Tests.Values.ValueWriter;

namespace Attio.Emulator.Tests.Values;

public sealed class ContactValueTests : IAsyncLifetime
{
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
    [InlineData("Bob@Example.COM", "bob@example.com", "example.com", "example.com", "bob")]
    [InlineData("{\"email_address\":\"ann+news@mail.acme.io\"}", "ann+news@mail.acme.io", "mail.acme.io", "acme.io", "ann")]
    public async Task Email_is_lower_cased_with_derived_fields(string input, string address, string domain, string root, string local)
    {
        var response = await Write(_client, "billing_email", input.StartsWith('{') ? Parse(input) : input);

        var value = ValuesOf(response.Data, "billing_email").Single()!;
        Assert.Equal(input.StartsWith('{') ? "ann+news@mail.acme.io" : input, (string?)value["original_email_address"]);
        Assert.Equal((address, domain, root, local),
            ((string?)value["email_address"], (string?)value["email_domain"], (string?)value["email_root_domain"], (string?)value["email_local_specifier"]));
    }

    [Theory]
    [InlineData("bob@")]
    [InlineData("@example.com")]
    [InlineData("bob example.com")]
    [InlineData("bob..x@example.com")]
    [InlineData("bob@example")]
    public async Task Invalid_emails_are_rejected(string input)
    {
        Assert.Equal("validation_type", (await Write(_client, "billing_email", input)).Code);
    }

    [Theory]
    [InlineData("acme.com", "acme.com", "acme.com")]
    [InlineData("https://App.Attio.com/path?q=1", "app.attio.com", "attio.com")]
    [InlineData("http://user@shop.example.co.uk:8080/", "shop.example.co.uk", "example.co.uk")]
    [InlineData("{\"domain\":\"www.acme.com\"}", "www.acme.com", "acme.com")]
    [InlineData("https://www.acme.com/pricing?ref=ad", "www.acme.com", "acme.com")]
    [InlineData("ACME.com.", "acme.com", "acme.com")]
    [InlineData("//acme.com#top", "acme.com", "acme.com")]
    [InlineData("https://Bücher.example/de", "xn--bcher-kva.example", "xn--bcher-kva.example")]
    [InlineData("пример.рф", "xn--e1afmkfd.xn--p1ai", "xn--e1afmkfd.xn--p1ai")]
    public async Task Domain_keeps_only_the_host_and_adds_the_root(string input, string domain, string root)
    {
        var response = await Write(_client, "billing_domains", new JsonArray(input.StartsWith('{') ? Parse(input) : input));

        var value = ValuesOf(response.Data, "billing_domains").Single()!;
        Assert.Equal((domain, root), ((string?)value["domain"], (string?)value["root_domain"]));
    }

    [Fact]
    public async Task Assert_by_a_url_matches_the_company_stored_under_its_host()
    {
        var first = await _client.Assert("companies", "domains", new() { ["domains"] = new JsonArray("https://www.acme.com/pricing?ref=ad"), ["name"] = "Acme" });
        var again = await _client.Assert("companies", "domains", new() { ["domains"] = new JsonArray("WWW.Acme.com."), ["name"] = "Acme Inc" });

        Assert.Equal(["www.acme.com"], Fields(first.Data, "domains", "domain"));
        Assert.Equal(Id(first.Data), Id(again.Data));
        Assert.Equal(1, _emulator.Store.Count("companies"));
    }

    [Fact]
    public async Task Invalid_domains_and_bare_domains_for_multiselect_are_rejected()
    {
        Assert.Equal("validation_type", (await Write(_client, "billing_domains", new JsonArray("not a domain"))).Code);
        Assert.Equal("validation_type", (await Write(_client, "billing_domains", "acme.com")).Code);
    }

    [Theory]
    [InlineData("\"+44 7700 900123\"", "+447700900123", "GB")]
    [InlineData("\"+1 (212) 555-1234\"", "+12125551234", "US")]
    [InlineData("{\"original_phone_number\":\"2125551234\",\"country_code\":\"US\"}", "+12125551234", "US")]
    [InlineData("{\"original_phone_number\":\"07700 900123\",\"country_code\":\"GB\"}", "+447700900123", "GB")]
    [InlineData("{\"original_phone_number\":\"+4930123456\",\"country_code\":null}", "+4930123456", "DE")]
    public async Task Phone_numbers_are_normalised_to_E164(string input, string e164, string country)
    {
        var response = await Write(_client, "billing_phone_numbers", new JsonArray(Parse(input)));

        var value = ValuesOf(response.Data, "billing_phone_numbers").Single()!;
        Assert.Equal((e164, country), ((string?)value["phone_number"], (string?)value["country_code"]));
        Assert.NotNull((string?)value["original_phone_number"]);
    }

    [Theory]
    [InlineData("\"2125551234\"")]
    [InlineData("\"+12\"")]
    [InlineData("\"+1234567890123456\"")]
    [InlineData("{\"original_phone_number\":\"2125551234\",\"country_code\":\"ZZ\"}")]
    [InlineData("\"+44 77OO\"")]
    public async Task Invalid_phone_numbers_are_rejected(string input)
    {
        Assert.Equal("validation_type", (await Write(_client, "billing_phone_numbers", new JsonArray(Parse(input)))).Code);
    }

    [Theory]
    [InlineData("{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"full_name\":\"Ada Lovelace\"}", "Ada", "Lovelace", "Ada Lovelace")]
    [InlineData("\"Lovelace, Ada\"", "Ada", "Lovelace", "Ada Lovelace")]
    [InlineData("\"Lovelace, Ada, Countess\"", "Ada, Countess", "Lovelace", "Ada, Countess Lovelace")]
    [InlineData("\"Ada\"", "Ada", "", "Ada")]
    public async Task Personal_name_takes_the_object_or_Last_First(string input, string first, string last, string full)
    {
        var response = await Write(_client, "signatory", Parse(input));

        var value = ValuesOf(response.Data, "signatory").Single()!;
        Assert.Equal((first, last, full), ((string?)value["first_name"], (string?)value["last_name"], (string?)value["full_name"]));
    }

    [Fact]
    public async Task Personal_name_with_missing_keys_gets_Attios_captured_body()
    {
        var response = await _client.Create("people", new JsonObject { ["name"] = new JsonObject() });

        Assert.Equal(400, response.Status);
        Assert.Equal(
            """{"status_code":400,"type":"invalid_request_error","code":"validation_type","message":"An invalid value was passed to attribute with slug \"name\".","validation_errors":[{"code":"invalid_type","path":["first_name"],"message":"Required","expected":"string","received":"undefined"},{"code":"invalid_type","path":["last_name"],"message":"Required","expected":"string","received":"undefined"},{"code":"invalid_type","path":["full_name"],"message":"Required","expected":"string","received":"undefined"}]}""",
            response.Text);
    }

    [Fact]
    public async Task Location_object_with_all_ten_keys_is_stored_as_sent()
    {
        var location = Location();

        var response = await Write(_client, "billing_address", location);

        var value = (JsonObject)ValuesOf(response.Data, "billing_address").Single()!;
        foreach (var (key, expected) in location)
        {
            Assert.Equal(expected?.ToJsonString(), value[key]?.ToJsonString());
        }
    }

    [Fact]
    public async Task Location_object_missing_a_key_is_rejected()
    {
        var location = Location();
        location.Remove("line_4");

        var response = await Write(_client, "billing_address", location);

        Assert.Equal((400, "validation_type"), (response.Status, response.Code));
        var issue = Assert.Single(response.Json["validation_errors"]!.AsArray())!;
        Assert.Equal(("invalid_type", "line_4"), ((string?)issue["code"], (string?)issue["path"]![0]));
    }

    [Theory]
    [InlineData("country_code", "ZZ")]
    [InlineData("country_code", "us")]
    [InlineData("latitude", "91")]
    [InlineData("longitude", "-180.5")]
    [InlineData("latitude", "north")]
    public async Task Location_rejects_bad_country_codes_and_coordinates(string key, string bad)
    {
        var location = Location();
        location[key] = bad;

        Assert.Equal("validation_type", (await Write(_client, "billing_address", location)).Code);
    }

    [Fact]
    public async Task Unknown_country_code_is_an_invalid_option_listing_the_allowed_codes()
    {
        var location = Location();
        location["country_code"] = "ZZ";

        var response = await Write(_client, "billing_address", location);

        var issue = response.Json["validation_errors"]![0]!;
        Assert.Equal(("invalid_option", "country_code", "ZZ"), ((string?)issue["code"], (string?)issue["path"]![0], (string?)issue["received"]));
        var options = issue["options"]!.AsArray().Select(o => (string?)o).ToList();
        Assert.Equal(252, options.Count);
        Assert.Contains("XK", options);
        Assert.Contains("AC", options);
    }

    [Fact]
    public async Task Location_keeps_coordinates_to_nine_decimals()
    {
        var location = Location();
        location["latitude"] = "37.3317410004";

        var response = await Write(_client, "billing_address", location);

        Assert.Equal("37.331741", Field(response.Data, "billing_address", "latitude"));
    }

    [Theory]
    [InlineData("1 Infinite Loop, Cupertino, CA, 95014, US")]
    [InlineData("London")]
    [InlineData("Berlin, DE")]
    [InlineData("10 Downing St, London, SW1A 2AA, GB")]
    public async Task Location_string_is_parsed_into_the_ten_keys(string input)
    {
        var response = await Write(_client, "billing_address", input);

        Assert.Equal(200, response.Status);
        var value = (JsonObject)ValuesOf(response.Data, "billing_address").Single()!;
        Assert.All(new[] { "line_1", "line_2", "line_3", "line_4", "locality", "region", "postcode", "country_code", "latitude", "longitude" },
            key => Assert.True(value.ContainsKey(key), key));
    }

    private static JsonObject Location() => new()
    {
        ["line_1"] = "1 Infinite Loop",
        ["line_2"] = null,
        ["line_3"] = null,
        ["line_4"] = null,
        ["locality"] = "Cupertino",
        ["region"] = "CA",
        ["postcode"] = "95014",
        ["country_code"] = "US",
        ["latitude"] = "37.331741",
        ["longitude"] = "-122.030333",
    };
}
