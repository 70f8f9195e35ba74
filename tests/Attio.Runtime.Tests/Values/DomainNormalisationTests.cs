using System.Text.Json;
using Attio.Runtime.Tests.Infrastructure;
using Xunit;
using Attio.Internal;

namespace Attio.Runtime.Tests.Values;

/// <summary>A domain value may be a URL or a host: it is reduced to the host Attio stores before it is checked or matched.</summary>
public sealed class DomainNormalisationTests
{
    [Theory]
    [InlineData("acme.com", "acme.com")]
    [InlineData("https://www.acme.com/pricing?ref=ad", "www.acme.com")]
    [InlineData("http://acme.com", "acme.com")]
    [InlineData("acme.com/pricing", "acme.com")]
    [InlineData("acme.com?utm_source=x", "acme.com")]
    [InlineData("acme.com#top", "acme.com")]
    [InlineData("https://acme.com:8443/x", "acme.com")]
    [InlineData("acme.com:443", "acme.com")]
    [InlineData("acme.com.", "acme.com")]
    [InlineData("  ACME.Com  ", "acme.com")]
    [InlineData("https://user:secret@app.acme.com/", "app.acme.com")]
    [InlineData("//cdn.acme.com/lib.js", "cdn.acme.com")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("https://Bücher.example:443/x?y", "xn--bcher-kva.example")]
    [InlineData("пример.рф", "xn--e1afmkfd.xn--p1ai")]
    [InlineData("xn--e1afmkfd.xn--p1ai", "xn--e1afmkfd.xn--p1ai")]
    [InlineData("shop.example.co.uk", "shop.example.co.uk")]
    public void A_url_or_host_becomes_the_host_Attio_stores(string input, string expected)
    {
        Assert.Equal(expected, AttioSyntax.NormalizeDomain(input));
        Assert.True(AttioSyntax.IsDomain(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("localhost")]
    [InlineData("https://")]
    [InlineData("https:///pricing")]
    [InlineData("192.168.0.1")]
    [InlineData("acme..com")]
    [InlineData("-acme.com")]
    [InlineData("acme example.com")]
    [InlineData("acme.com:http")]
    [InlineData("acme.com:123456")]
    [InlineData("ada@acme.com")]
    [InlineData("acme.c0m")]
    [InlineData("1http://acme.com")]
    public void What_cannot_be_a_host_is_refused(string input)
    {
        Assert.Null(AttioSyntax.NormalizeDomain(input));
        Assert.False(AttioSyntax.IsDomain(input));
    }

    [Fact]
    public void The_written_value_is_the_normalised_host()
    {
        var company = new Company();
        company.SetMany(Company.Domains, AttioCodecs.Domain, ["https://WWW.Acme.com./pricing?ref=ad"]);
        Assert.Empty(company.GetValidationErrors());

        using var body = JsonDocument.Parse(company.ToRequestBody());
        Assert.Equal("www.acme.com", body.RootElement.GetProperty("data").GetProperty("values").GetProperty("domains")[0].GetProperty("domain").GetString());
    }

    [Fact]
    public async Task A_company_asserted_by_a_url_is_stored_and_matched_by_its_host()
    {
        await using var attio = await TestAttio.StartAsync();
        using var client = TestAttio.Client(attio);

        var company = new Company();
        company.SetMany(Company.Domains, AttioCodecs.Domain, ["https://www.acme.com/pricing?ref=ad"]);
        company.Set(Company.Name, AttioCodecs.Text, "Acme");
        var stored = await client.AssertRecordAsync(company, "domains");
        Assert.Equal(["www.acme.com"], stored.GetStrings("domains", "domain"));

        var again = new Company();
        again.SetMany(Company.Domains, AttioCodecs.Domain, ["WWW.ACME.COM."]);
        again.Set(Company.Name, AttioCodecs.Text, "Acme Inc");
        var matched = await client.AssertRecordAsync(again, "domains");
        Assert.Equal(stored.RecordId, matched.RecordId);

        var person = new Person();
        person.SetMany(Person.EmailAddresses, AttioCodecs.EmailAddress, ["ada@acme.com"]);
        person.Set(Person.Company, AttioCodecs.RecordReference, RecordReference.Company("http://www.acme.com/about"));
        var storedPerson = await client.AssertRecordAsync(person, "email_addresses");
        Assert.Equal(stored.RecordId, storedPerson.GetString("company", "target_record_id"));
    }
}
