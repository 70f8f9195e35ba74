using System.Reflection;
using System.Text;
using Attio.Generators.Tests.Infrastructure;

namespace Attio.Generators.Tests;

public sealed class GeneratedRecordTests
{
    [Theory]
    [InlineData("Person", "people")]
    [InlineData("Company", "companies")]
    [InlineData("User", "users")]
    [InlineData("Workspace", "workspaces")]
    [InlineData("Deal", "deals")]
    [InlineData("Subscription", "subscriptions")]
    public void EveryObjectGetsARecordClassNamedFromItsSingularNoun(string className, string slug)
    {
        var type = CompiledWorkspace.Type(className);
        Assert.True(typeof(AttioRecord).IsAssignableFrom(type));
        Assert.Equal(slug, type.GetField("ApiSlug")!.GetValue(null));
    }

    [Fact]
    public void TheCustomObjectHasAPropertyOfTheRuntimeTypeForEveryWritableType()
    {
        var type = CompiledWorkspace.Type("Subscription");
        string PropertyType(string name) => type.GetProperty(name)!.PropertyType.ToString();

        Assert.Equal("System.String", PropertyType("SubscriptionId"));
        Assert.Equal("System.Nullable`1[Attio.SelectOption]", PropertyType("Plan"));
        Assert.Equal("System.Collections.Generic.IReadOnlyList`1[Attio.SelectOption]", PropertyType("Features"));
        Assert.Equal("System.Nullable`1[Attio.StatusOption]", PropertyType("Stage"));
        Assert.Equal("System.Nullable`1[System.Double]", PropertyType("Seats"));
        Assert.Equal("System.Nullable`1[System.Boolean]", PropertyType("AutoRenew"));
        Assert.Equal("System.Nullable`1[System.Decimal]", PropertyType("Mrr"));
        Assert.Equal("System.Nullable`1[System.DateOnly]", PropertyType("StartedOn"));
        Assert.Equal("System.Nullable`1[System.DateTimeOffset]", PropertyType("RenewsAt"));
        Assert.Equal("System.Nullable`1[System.Int32]", PropertyType("HealthScore"));
        Assert.Equal("System.Collections.Generic.IReadOnlyList`1[Attio.RecordReference]", PropertyType("BillingUsers"));
        Assert.Equal("Attio.RecordReference", PropertyType("Workspace"));
        Assert.Equal("Attio.ActorReference", PropertyType("AccountManager"));
        Assert.Equal("Attio.Location", PropertyType("BillingAddress"));
        Assert.Equal("System.Collections.Generic.IReadOnlyList`1[System.String]", PropertyType("BillingDomains"));
        Assert.Equal("System.String", PropertyType("BillingEmail"));
        Assert.Equal("System.Collections.Generic.IReadOnlyList`1[Attio.PhoneNumber]", PropertyType("BillingPhoneNumbers"));
        Assert.Equal("Attio.PersonalName", PropertyType("Signatory"));
    }

    [Theory]
    [InlineData("Person", "CreatedAt")]
    [InlineData("Person", "AvatarUrl")]
    [InlineData("Person", "RecordId")]
    [InlineData("Person", "LastInteraction")]
    [InlineData("Person", "TwitterFollowerCount")]
    [InlineData("Subscription", "LastInteraction")]
    [InlineData("Company", "LogoUrl")]
    public void ReadOnlyAttributesAreNotSettable(string className, string propertyName)
    {
        var property = CompiledWorkspace.Type(className).GetProperty(propertyName);
        Assert.True(property is null || !property.CanWrite, $"{className}.{propertyName} must not be settable");
    }

    [Fact]
    public void SelectAndStatusAttributesGetConstants()
    {
        var subscription = CompiledWorkspace.Type("Subscription");
        Assert.Equal("Priority support", subscription.GetNestedType("FeaturesOptions")!.GetField("PrioritySupport")!.GetValue(null));
        Assert.Equal("Past due", subscription.GetNestedType("StageStatuses")!.GetField("PastDue")!.GetValue(null));
        Assert.Equal("$1M-$10M", CompiledWorkspace.Type("Company").GetNestedType("EstimatedArrUsdOptions")!.GetFields().Single().GetValue(null));
        Assert.Equal("Lead", CompiledWorkspace.Type("Deal").GetNestedType("StageStatuses")!.GetField("Lead")!.GetValue(null));
    }

    [Theory]
    [InlineData("Person", "EmailAddresses", "email_addresses")]
    [InlineData("Company", "Domains", "domains")]
    [InlineData("User", "UserId", "user_id")]
    [InlineData("Workspace", "WorkspaceId", "workspace_id")]
    [InlineData("Subscription", "SubscriptionId", "subscription_id")]
    public void MatchingAttributeEnumsDefaultToTheNaturalKey(string className, string member, string slug)
    {
        var enumType = CompiledWorkspace.Type(className + "MatchingAttribute");
        object defaultValue = Enum.ToObject(enumType, 0);
        Assert.Equal(member, defaultValue.ToString());
        var toSlug = CompiledWorkspace.Type(className + "MatchingAttributeExtensions").GetMethod("ToSlug")!;
        Assert.Equal(slug, toSlug.Invoke(null, new[] { defaultValue }));
    }

    [Fact]
    public void OnlySetAndClearedPropertiesAreWritten()
    {
        var person = (AttioRecord)Activator.CreateInstance(CompiledWorkspace.Type("Person"))!;
        Set(person, "EmailAddresses", new[] { "ada@example.com" });
        Set(person, "JobTitle", null);

        Assert.Equal(AttioFieldState.Set, person.GetState("email_addresses"));
        Assert.Equal(AttioFieldState.Cleared, person.GetState("job_title"));
        Assert.Equal(AttioFieldState.NotSet, person.GetState("twitter"));
        Assert.Equal(
            """{"data":{"values":{"email_addresses":[{"email_address":"ada@example.com"}],"job_title":null}}}""",
            Encoding.UTF8.GetString(person.ToRequestBody()));
    }

    [Fact]
    public void ValidationReportsEveryInvalidValueWithObjectSlugAndType()
    {
        var subscription = (AttioRecord)Activator.CreateInstance(CompiledWorkspace.Type("Subscription"))!;
        Set(subscription, "HealthScore", 9);
        Set(subscription, "BillingEmail", "not-an-email");
        Set(subscription, "Workspace", RecordReference.ById("people", Guid.NewGuid()));

        var ex = Assert.Throws<AttioValidationException>(subscription.Validate);
        Assert.Collection(ex.Errors.OrderBy(e => e.AttributeSlug, StringComparer.Ordinal),
            e => Assert.Equal(("billing_email", AttioAttributeType.EmailAddress, "not-an-email"), (e.AttributeSlug, e.AttributeType, e.Value)),
            e => Assert.Equal(("health_score", AttioAttributeType.Rating, "9"), (e.AttributeSlug, e.AttributeType, e.Value)),
            e => Assert.Equal(("workspace", AttioAttributeType.RecordReference), (e.AttributeSlug, e.AttributeType)));
        Assert.All(ex.Errors, e => Assert.Equal("subscriptions", e.ObjectSlug));
    }

    [Fact]
    public void PropertiesCarryAttioTitlesAndDescriptionsInXmlDocs()
    {
        var run = GeneratorHarness.Run(File.ReadAllText(RepositoryPaths.Schema));
        string subscription = run.GeneratedSources["Attio.Subscription.g.cs"];
        Assert.Contains("/// <summary>Seats: Number of paid seats.</summary>", subscription);
        Assert.Contains("Attio attribute <c>billing_users</c>: record-reference, multiselect, references users.", subscription);
    }

    [Fact]
    public void RecordsListTheirWritableAttributesForGenericCode()
    {
        var user = (AttioRecord)Activator.CreateInstance(CompiledWorkspace.Type("User"))!;
        var infos = user.GetAttributeInfos();

        Assert.Equal(new[] { "person", "primary_email_address", "user_id", "workspace", "role" }, infos.Select(i => i.Slug));
        var workspace = infos.Single(i => i.Slug == "workspace");
        Assert.True(workspace.IsMultiselect);
        Assert.Equal(AttioAttributeType.RecordReference, workspace.Type);
        Assert.Equal(new[] { "workspaces" }, workspace.AllowedObjects);
    }

    private static void Set(object target, string property, object? value) =>
        target.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(target, value);
}
