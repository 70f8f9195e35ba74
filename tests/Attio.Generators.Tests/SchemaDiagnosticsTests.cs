using Attio.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static Attio.Generators.Tests.Infrastructure.SchemaBuilder;

namespace Attio.Generators.Tests;

public sealed class SchemaDiagnosticsTests
{
    [Fact]
    public void TruncatedJsonIsAttio007PointingAtTheEndOfTheFile()
    {
        string schema = "{\n  \"objects\": [\n    {\"api_slug\": \"people\"";
        var run = GeneratorHarness.Run(schema);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("ATTIO007", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("truncated", diagnostic.GetMessage());
        Assert.Equal("/project/attio-schema.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void WrongShapeIsAttio007WithLineAndColumn()
    {
        var run = GeneratorHarness.Run("{\n  \"objects\": {\"people\": 1}\n}");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("ATTIO007", diagnostic.Id);
        Assert.Equal("The Attio schema file is invalid: \"objects\" must be an array, but it is an object (line 2, column 14)", diagnostic.GetMessage());
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(1, 13), diagnostic.Location.GetLineSpan().StartLinePosition);
    }

    [Fact]
    public void DuplicateAttributeSlugIsAttio012AndTheFirstOneIsKept()
    {
        var run = GeneratorHarness.Run(Document(Object("people", "Person", Attribute("twitter", "text"), Attribute("twitter", "number"))));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ATTIO012");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Contains("'twitter'", diagnostic.GetMessage());
        Assert.Empty(run.CompilationProblems);
        Assert.Contains("public string? Twitter", run.GeneratedSources["Attio.Person.g.cs"]);
    }

    [Fact]
    public void UnknownAttributeTypeIsAttio013AndTheAttributeIsSkipped()
    {
        var run = GeneratorHarness.Run(Document(Object("people", "Person", Attribute("mood", "hologram"), Attribute("twitter", "text"))));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ATTIO013");
        Assert.Equal("The attribute 'people.mood' has the unknown type 'hologram'; it is skipped (update Attio.Runtime)", diagnostic.GetMessage());
        Assert.DoesNotContain("Mood", run.GeneratedSources["Attio.Person.g.cs"]);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void TwoObjectsWithTheSameSingularNounAreAttio014AndBothGenerated()
    {
        var run = GeneratorHarness.Run(Document(Object("tickets", "Ticket", Attribute("title", "text")), Object("support_tickets", "Ticket", Attribute("title", "text"))));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ATTIO014");
        Assert.Equal("The objects 'tickets' and 'support_tickets' both produce the class name 'Ticket'; 'support_tickets' is generated as 'SupportTickets'", diagnostic.GetMessage());
        Assert.Contains("Attio.Ticket.g.cs", run.GeneratedSources.Keys);
        Assert.Contains("Attio.SupportTickets.g.cs", run.GeneratedSources.Keys);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void MissingUsersObjectExplainsWhyIdentifyIsNotGenerated()
    {
        var run = GeneratorHarness.Run(Document(
            Object("people", "Person", Attribute("email_addresses", "email-address", unique: true, multiselect: true)),
            Object("companies", "Company", Attribute("domains", "domain", unique: true, multiselect: true))));

        var messages = run.GeneratorDiagnostics.Where(d => d.Id == "ATTIO017").Select(d => d.GetMessage()).ToList();
        Assert.Contains("IdentifyUserAsync is not generated: the object 'users' is not in the exported schema; activate it in Attio under Workspace Settings > Objects and export the schema again", messages);
        Assert.Contains("GroupWorkspaceAsync is not generated: the object 'workspaces' is not in the exported schema; activate it in Attio under Workspace Settings > Objects and export the schema again", messages);
        Assert.DoesNotContain("IdentifyUserAsync", run.GeneratedSources["Attio.AttioWorkspace.g.cs"]);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void SeveralSchemaFilesAreAttio016AndOneIsUsed()
    {
        var files = new[]
        {
            new InMemoryAdditionalText("/project/a/attio-schema.json", Document(Object("people", "Person", Attribute("twitter", "text")))),
            new InMemoryAdditionalText("/project/b/attio-schema.json", Document(Object("companies", "Company", Attribute("name", "text")))),
        };
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(GeneratorHarness.CreateCompilation("class C {}"));
        var result = driver.GetRunResult();

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "ATTIO016");
        Assert.Contains("'/project/a/attio-schema.json' is used", diagnostic.GetMessage());
        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName == "Attio.Person.g.cs");
    }

    [Fact]
    public void AFileMarkedWithAttioSchemaMetadataIsRead()
    {
        var files = new[] { new InMemoryAdditionalText("/project/crm.json", Document(Object("people", "Person", Attribute("twitter", "text")))) };
        var fileOptions = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/project/crm.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.AttioSchema"] = "true" },
        };
        var result = GeneratorHarness.CreateDriver(files, fileOptions: fileOptions).RunGenerators(GeneratorHarness.CreateCompilation("class C {}")).GetRunResult();

        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName == "Attio.Person.g.cs");
    }

    [Fact]
    public void OtherJsonFilesAreIgnored()
    {
        var run = GeneratorHarness.Run(Document(Object("people", "Person")), schemaPath: "/project/appsettings.json");
        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Theory]
    [InlineData("Contoso.Crm", "namespace Contoso.Crm;")]
    [InlineData("not a namespace", "namespace Attio.Workspace;")]
    [InlineData("class.Foo", "namespace Attio.Workspace;")]
    public void TheNamespaceComesFromAttioNamespace(string property, string expected)
    {
        var run = GeneratorHarness.Run(Document(Object("people", "Person", Attribute("twitter", "text"))),
            globalOptions: new Dictionary<string, string> { ["build_property.AttioNamespace"] = property });
        Assert.Contains(expected, run.GeneratedSources["Attio.Person.g.cs"]);
    }

    [Fact]
    public void WithoutAttioNamespaceTheRootNamespaceIsUsed()
    {
        var run = GeneratorHarness.Run(Document(Object("people", "Person", Attribute("twitter", "text"))),
            globalOptions: new Dictionary<string, string> { ["build_property.RootNamespace"] = "MyApp" });
        Assert.Contains("namespace MyApp.Attio;", run.GeneratedSources["Attio.Person.g.cs"]);
    }
}
