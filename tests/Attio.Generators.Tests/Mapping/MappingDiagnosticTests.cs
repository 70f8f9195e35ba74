using System.Text.Json.Nodes;
using Attio.Generators.Tests.Infrastructure;

namespace Attio.Generators.Tests.Mapping;

/// <summary>Each mapping diagnostic: id, message and location when it applies, and silence when it does not.</summary>
public sealed class MappingDiagnosticTests
{
    // Four header lines, so the class starts on line 5.
    private static string Source(string body) => "using Attio;\nusing System;\nusing System.Collections.Generic;\nnamespace App;\n" + body;

    [Fact]
    public void ATTIO001_UnknownSlugSuggestsTheClosestOne()
    {
        var run = MappingHarness.Run(Source("""
            [AttioObject("people")]
            public partial class ProfileUpdated
            {
                [AttioMap("twiter")] public string? Twitter { get; set; }
            }
            """));
        var diagnostic = MappingHarness.Single(run, "ATTIO001",
            "The object 'people' has no attribute 'twiter' in the exported schema; did you mean 'twitter'?", "\"twiter\"", 8);
        Assert.Equal("twitter", diagnostic.Properties["Suggestion"]);
    }

    [Fact]
    public void ATTIO001_WithoutACloseSlugThereIsNoSuggestion()
    {
        var run = MappingHarness.Run(Source("""
            [AttioObject("people")]
            [AttioObject("companies")]
            public partial class ProfileUpdated
            {
                [AttioMap("shoe_size")] public string? ShoeSize { get; set; }
            }
            """));
        var diagnostic = MappingHarness.Single(run, "ATTIO001",
            "The object 'people' or 'companies' has no attribute 'shoe_size' in the exported schema", "\"shoe_size\"", 9);
        Assert.False(diagnostic.Properties.ContainsKey("Suggestion"));
    }

    [Fact]
    public void ATTIO001_NotReportedForASlugOrAnAttributeId()
    {
        MappingHarness.RunClean(Source("""
            [AttioObject("people")]
            public partial class ProfileUpdated
            {
                [AttioMap("twitter")] public string? Twitter { get; set; }
                [AttioMap("921423d9-9250-49fb-b517-5ce61ec847ad")] public string? LinkedIn { get; set; }
            }
            """));
    }

    [Fact]
    public void ATTIO002_IncompatibleTypeListsTheAcceptedTypes()
    {
        var run = MappingHarness.Run(Source("""
            [AttioObject("people")]
            public partial class ProfileUpdated
            {
                [AttioMap("twitter")] public int Followers { get; set; }
            }
            """));
        MappingHarness.Single(run, "ATTIO002",
            "'ProfileUpdated.Followers' is int, which cannot be written to 'people.twitter' (text); use one of: string", "\"twitter\"", 8);
    }

    [Fact]
    public void ATTIO002_RatingRejectsNonIntegralNumbers()
    {
        var run = MappingHarness.Run(Source("""
            [AttioObject("subscriptions")]
            public partial class SubscriptionChanged
            {
                [AttioMap("health_score")] public double? Health { get; set; }
            }
            """));
        MappingHarness.Single(run, "ATTIO002",
            "'SubscriptionChanged.Health' is double?, which cannot be written to 'subscriptions.health_score' (rating); use one of: an integral type (int, long, short, byte, ...)", "\"health_score\"", 8);
    }

    [Fact]
    public void ATTIO003_ReadOnlyAttribute()
    {
        var run = MappingHarness.Run(Source("""
            [AttioObject("people")]
            public partial class ProfileUpdated
            {
                [AttioMap("created_at")] public DateTimeOffset CreatedAt { get; set; }
            }
            """));
        MappingHarness.Single(run, "ATTIO003",
            "'people.created_at' (timestamp) is not writable: Attio sets it itself; remove the mapping", "\"created_at\"", 8);
    }

    [Fact]
    public void ATTIO004_UnknownObjectSuggestsTheClosestSlug()
    {
        var run = MappingHarness.Run(Source("""
            [AttioObject("peple")]
            public partial class ProfileUpdated
            {
                [AttioMap("twitter")] public string? Twitter { get; set; }
            }
            """));
        var diagnostic = MappingHarness.Single(run, "ATTIO004",
            "The object 'peple' is not in the exported schema; did you mean 'people'?", "\"peple\"", 5);
        Assert.Equal("people", diagnostic.Properties["Suggestion"]);
    }

    [Fact]
    public void ATTIO004_InactiveUsersObjectSaysHowToActivateIt()
    {
        var schema = JsonNode.Parse(MappingHarness.Schema)!;
        var objects = schema["objects"]!.AsArray();
        objects.Remove(objects.First(o => (string?)o!["api_slug"] == "users"));
        var run = GeneratorHarness.Run(schema.ToJsonString(), globalOptions: MappingHarness.Options, sources: Source("""
            [AttioObject("users")]
            public partial class UserSignedUp
            {
                [AttioMap("user_id")] public string? UserId { get; set; }
            }
            """));
        MappingHarness.Single(run, "ATTIO004",
            "The object 'users' is not in the exported schema; objects in the exported schema: 'people', 'companies', 'workspaces', 'deals', 'subscriptions'; activate the object in Workspace Settings > Objects and export the schema again", "\"users\"", 5);
    }

    [Fact]
    public void ATTIO004_WithoutACloseSlugListsTheObjectsThatExist()
    {
        var run = MappingHarness.Run(Source("""
            [AttioObject("invoices")]
            public partial class InvoicePaid
            {
                [AttioMap("amount")] public decimal Amount { get; set; }
            }
            """));
        var diagnostic = MappingHarness.Single(run, "ATTIO004",
            "The object 'invoices' is not in the exported schema; objects in the exported schema: 'people', 'companies', 'users', 'workspaces', 'deals', 'subscriptions'", "\"invoices\"", 5);
        Assert.False(diagnostic.Properties.ContainsKey("Suggestion"));
    }

    [Fact]
    public void ATTIO005_MatchOnMustBeUnique()
    {
        var run = MappingHarness.Run(Source("""
            [AttioObject("people", MatchOn = "twitter")]
            public partial class ProfileUpdated
            {
                [AttioMap("twitter")] public string? Twitter { get; set; }
            }
            """));
        MappingHarness.Single(run, "ATTIO005",
            "'people.twitter' cannot be the matching attribute: it is not unique; unique attributes of 'people': email_addresses", "\"twitter\"", 5);
    }

    [Fact]
    public void ATTIO005_NotReportedForAUniqueMatchOn()
    {
        var run = MappingHarness.RunClean(Source("""
            [AttioObject("subscriptions", MatchOn = "invoice_reference")]
            public partial class InvoicePaid
            {
                [AttioMap("invoice_reference")] public string? Invoice { get; set; }
                [AttioMap("subscription_id")] public string? Subscription { get; set; }
            }
            """));
        Assert.Contains("AttioActions.Assert(source.ToSubscription(), \"invoice_reference\")", run.GeneratedSources["Attio.Mapping.App.InvoicePaid.g.cs"]);
    }

    [Fact]
    public void ATTIO006_NoSchemaFile()
    {
        var run = GeneratorHarness.Run(null, globalOptions: MappingHarness.Options, sources: Source("""
            [AttioObject("people")]
            public partial class ProfileUpdated
            {
                [AttioMap("twitter")] public string? Twitter { get; set; }
            }
            """));
        MappingHarness.Single(run, "ATTIO006",
            "Attio attributes are used but no schema file was found; add attio-schema.json to the project folder or mark a file with <AdditionalFiles Include=\"...\" AttioSchema=\"true\" />", "\"people\"", 5);
    }

    [Fact]
    public void ATTIO006_NotReportedWithoutAttioAttributes()
    {
        var run = GeneratorHarness.Run(null, globalOptions: MappingHarness.Options, sources: Source("public partial class Plain { public string? Name { get; set; } }"));
        Assert.Empty(run.AttioDiagnostics);
    }

    [Fact]
    public void ATTIO008_SameAttributeMappedTwice()
    {
        var run = MappingHarness.Run(Source("""
            [AttioObject("people")]
            public partial class ProfileUpdated
            {
                [AttioMap("twitter")] public string? Twitter { get; set; }
                [AttioMap("twitter")] public string? X { get; set; }
            }
            """));
        MappingHarness.Single(run, "ATTIO008",
            "'people.twitter' is mapped by both 'Twitter' and 'X'; map each attribute once", "\"twitter\"", 9);
    }

    [Fact]
    public void ATTIO008_NotReportedForTheSameSlugOnTwoObjects()
    {
        MappingHarness.RunClean(Source("""
            [AttioObject("people")]
            [AttioObject("companies")]
            public partial class SocialUpdated
            {
                [AttioMap("twitter", Object = "people")] public string? PersonTwitter { get; set; }
                [AttioMap("twitter", Object = "companies")] public string? CompanyTwitter { get; set; }
            }
            """));
    }

    [Fact]
    public void ATTIO009_CollectionToSingleValue()
    {
        var run = MappingHarness.Run(Source("""
            [AttioObject("people")]
            public partial class ProfileUpdated
            {
                [AttioMap("twitter")] public List<string>? Handles { get; set; }
            }
            """));
        MappingHarness.Single(run, "ATTIO009",
            "'ProfileUpdated.Handles' is a collection but 'people.twitter' (text) holds a single value; map a single value", "\"twitter\"", 8);
    }

    [Fact]
    public void ATTIO010_AmbiguousObject()
    {
        var run = MappingHarness.Run(Source("""
            [AttioObject("people")]
            [AttioObject("companies")]
            public partial class SocialUpdated
            {
                [AttioMap("twitter")] public string? Twitter { get; set; }
            }
            """));
        MappingHarness.Single(run, "ATTIO010",
            "'twitter' exists on 'people' and 'companies'; say which with Object = \"...\"", "\"twitter\"", 9);
    }

    [Fact]
    public void ATTIO011_IdentifyClassLacksUserId()
    {
        var run = MappingHarness.Run(Source("""
            [AttioObject("people")]
            [AttioObject("users")]
            public partial class UserSignedUp
            {
                [AttioMap("email_addresses")] public string? Email { get; set; }
            }
            """));
        MappingHarness.Single(run, "ATTIO011",
            "'UserSignedUp' targets 'people' and 'users' but does not map 'users.user_id'; IdentifyUserAsync needs both keys", "\"users\"", 6);
    }

    [Fact]
    public void ATTIO011_GroupClassLacksBothKeys()
    {
        var run = MappingHarness.Run(Source("""
            [AttioObject("companies")]
            [AttioObject("workspaces")]
            public partial class WorkspaceCreated
            {
                [AttioMap("name", Object = "workspaces")] public string? Name { get; set; }
            }
            """));
        MappingHarness.Single(run, "ATTIO011",
            "'WorkspaceCreated' targets 'companies' and 'workspaces' but does not map 'companies.domains' and 'workspaces.workspace_id'; GroupWorkspaceAsync needs both keys", "\"workspaces\"", 6);
    }

    [Fact]
    public void ATTIO018_ClassNotPartial()
    {
        var run = MappingHarness.Run(Source("""
            [AttioObject("people")]
            public class ProfileUpdated
            {
                [AttioMap("twitter")] public string? Twitter { get; set; }
            }
            """));
        MappingHarness.Single(run, "ATTIO018",
            "'ProfileUpdated' has [AttioObject] but is not partial; declare it (and every type containing it) partial so the generator can add its conversions", "ProfileUpdated", 6);
        Assert.DoesNotContain(run.GeneratedSources.Keys, k => k.StartsWith("Attio.Mapping.", StringComparison.Ordinal));
    }

    [Fact]
    public void ATTIO018_ContainingTypeNotPartial()
    {
        var run = MappingHarness.Run(Source("""
            public class Events
            {
                [AttioObject("people")]
                public partial class ProfileUpdated
                {
                    [AttioMap("twitter")] public string? Twitter { get; set; }
                }
            }
            """));
        Assert.Equal("ATTIO018", Assert.Single(MappingHarness.Diagnostics(run)).Id);
    }

    [Fact]
    public void ATTIO019_ObjectNotTargeted()
    {
        var run = MappingHarness.Run(Source("""
            [AttioObject("people")]
            public partial class ProfileUpdated
            {
                [AttioMap("twitter", Object = "companies")] public string? Twitter { get; set; }
            }
            """));
        MappingHarness.Single(run, "ATTIO019",
            "'Twitter' maps to the object 'companies', but 'ProfileUpdated' targets only 'people'; add [AttioObject(\"companies\")] or fix Object", "\"companies\"", 8);
    }

    [Fact]
    public void ATTIO020_MatchOnNotMapped()
    {
        var run = MappingHarness.Run(Source("""
            [AttioObject("subscriptions", MatchOn = "invoice_reference")]
            public partial class InvoicePaid
            {
                [AttioMap("subscription_id")] public string? Subscription { get; set; }
            }
            """));
        MappingHarness.Single(run, "ATTIO020",
            "MatchOn names 'subscriptions.invoice_reference', but no member maps it; an assert needs the matching attribute's value, so map it with [AttioMap(\"invoice_reference\")]", "\"invoice_reference\"", 5);
    }

    [Fact]
    public void ATTIO021_EnumMemberWithoutOption()
    {
        var run = MappingHarness.Run(Source("""
            public enum Stage { Trialing, Active, PastDue }
            [AttioObject("subscriptions")]
            public partial class SubscriptionChanged
            {
                [AttioMap("stage")] public Stage Stage { get; set; }
            }
            """));
        var diagnostic = MappingHarness.Single(run, "ATTIO021",
            "The enum member(s) Trialing of 'App.Stage' match no option of 'subscriptions.stage' (options: 'Trial', 'Active', 'Past due', 'Cancelled'); Attio will reject those values", "\"stage\"", 9);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
    }

    [Fact]
    public void PositionalRecordParametersAreMappedFromEitherTarget()
    {
        var run = MappingHarness.RunClean(Source("""
            [AttioObject("people")]
            public partial record ProfileUpdated(
                [AttioMap("twitter")] string? Twitter,
                [property: AttioMap("linkedin")] string? LinkedIn);
            """));
        string source = run.GeneratedSources["Attio.Mapping.App.ProfileUpdated.g.cs"];
        Assert.Contains("record.Twitter = value", source);
        Assert.Contains("record.Linkedin = value", source);
    }

    [Fact]
    public void EveryDescriptorHasAHelpPageInTheRepository()
    {
        foreach (var descriptor in Attio.Generators.Diagnostics.DiagnosticCatalog.Descriptors)
        {
            string page = Path.Combine(RepositoryPaths.Root, "docs", "diagnostics", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} has no page {page}");
            Assert.EndsWith("/docs/diagnostics/" + descriptor.Id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            string text = File.ReadAllText(page);
            Assert.Contains("# " + descriptor.Id, text, StringComparison.Ordinal);
        }
    }
}
