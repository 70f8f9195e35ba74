using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;

namespace Attio.Generators.Tests.Mapping;

/// <summary>Every allowed conversion, compiled and run: the generated record's request body is what Attio expects.</summary>
public sealed class MappingConversionTests
{
    private const string Header = "using Attio;\nusing System;\nusing System.Collections.Generic;\nnamespace App;\n";

    private static readonly Lazy<Assembly> Compiled = new(() => Infrastructure.CompiledWorkspace.Load(MappingHarness.RunClean(Header + """
        public enum Plan { Starter, Pro, Enterprise }
        public enum Stage { Trial, Active, PastDue, Cancelled }
        public enum Feature { Sso, AuditLog, PrioritySupport }

        [AttioObject("subscriptions")]
        public partial class AllTypes
        {
            [AttioMap("subscription_id")] public string? Id { get; set; }
            [AttioMap("plan")] public Plan Plan { get; set; }
            [AttioMap("features")] public Feature[]? Features { get; set; }
            [AttioMap("stage")] public Stage? Stage { get; set; }
            [AttioMap("seats")] public int Seats { get; set; }
            [AttioMap("auto_renew")] public bool AutoRenew { get; set; }
            [AttioMap("mrr")] public double? Mrr { get; set; }
            [AttioMap("started_on")] public DateTime? StartedOn { get; set; }
            [AttioMap("renews_at")] public DateOnly? RenewsAt { get; set; }
            [AttioMap("health_score")] public long? Health { get; set; }
            [AttioMap("billing_users")] public IReadOnlyList<string>? BillingUsers { get; set; }
            [AttioMap("workspace")] public string? WorkspaceId { get; set; }
            [AttioMap("account_manager")] public string? Manager { get; set; }
            [AttioMap("billing_address")] public string? Address { get; set; }
            [AttioMap("billing_domains")] public IEnumerable<string?>? Domains { get; set; }
            [AttioMap("billing_email")] public string? Email { get; set; }
            [AttioMap("billing_phone_numbers")] public string? Phone { get; set; }
            [AttioMap("signatory")] public string? Signatory { get; set; }
        }

        [AttioObject("subscriptions")]
        public partial struct ValueTypes
        {
            [AttioMap("subscription_id")] public string Id;
            [AttioMap("plan")] public SelectOption Plan;
            [AttioMap("features")] public List<SelectOption> Features;
            [AttioMap("stage")] public StatusOption Stage;
            [AttioMap("seats")] public decimal Seats;
            [AttioMap("mrr")] public float Mrr;
            [AttioMap("started_on")] public DateOnly StartedOn;
            [AttioMap("renews_at")] public DateTimeOffset RenewsAt;
            [AttioMap("health_score")] public byte Health;
            [AttioMap("billing_users")] public RecordReference[] BillingUsers;
            [AttioMap("workspace")] public RecordReference Workspace;
            [AttioMap("account_manager")] public ActorReference Manager;
            [AttioMap("billing_address")] public Location Address;
            [AttioMap("billing_phone_numbers")] public PhoneNumber[] Phones;
            [AttioMap("signatory")] public PersonalName Signatory;
        }

        [AttioObject("people")]
        public partial record ProfileUpdated(
            [property: AttioMap("email_addresses")] string Email,
            [AttioMap("twitter", WhenNull = AttioNull.Clear)] string? Twitter,
            [AttioMap("linkedin")] string? LinkedIn,
            [AttioMap("company")] string? CompanyDomain,
            [AttioMap("primary_location")] string? City,
            [AttioMap("phone_numbers")] List<string>? Phones,
            [AttioMap("associated_users", Multiselect = AttioMultiselect.Append)] string[]? Users);

        [AttioObject("people")]
        [AttioObject("users")]
        public partial record UserSignedUp(
            [property: AttioMap("email_addresses")] string Email,
            [property: AttioMap("user_id")] string UserId);

        [AttioObject("companies")]
        [AttioObject("workspaces")]
        internal partial class WorkspaceCreated
        {
            [AttioMap("domains")] public string Domain { get; set; } = "";
            [AttioMap("workspace_id")] public string WorkspaceId { get; set; } = "";
            [AttioMap("name", Object = "workspaces")] public string? Name { get; set; }
        }
        """).Compilation));

    private static object Create(string name, params (string Member, object? Value)[] values)
    {
        var type = Compiled.Value.GetType("App." + name, throwOnError: true)!;
        object instance = type.IsValueType ? Activator.CreateInstance(type)! : (type.GetConstructors()[0].GetParameters().Length == 0 ? Activator.CreateInstance(type)! : Activator.CreateInstance(type, new object?[type.GetConstructors()[0].GetParameters().Length])!);
        foreach (var (member, value) in values)
        {
            if (type.GetProperty(member) is { } property)
            {
                property.SetValue(instance, value);
            }
            else
            {
                type.GetField(member)!.SetValue(instance, value);
            }
        }

        return instance;
    }

    private static object Enum(string name, string member) => System.Enum.Parse(Compiled.Value.GetType("App." + name, throwOnError: true)!, member);

    private static JsonObject Values(object source, string method, params object[] arguments)
    {
        var record = (AttioRecord)source.GetType().GetMethod(method, arguments.Select(a => a.GetType()).ToArray())!.Invoke(source, arguments)!;
        return JsonNode.Parse(Encoding.UTF8.GetString(record.ToRequestBody()))!["data"]!["values"]!.AsObject();
    }

    private static void AssertValues(string expected, JsonObject actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), "actual: " + actual.ToJsonString());

    [Fact]
    public void ScalarsEnumsAndStringsConvertToEveryAttributeType()
    {
        var source = Create("AllTypes",
            ("Id", "sub_1"),
            ("Plan", Enum("Plan", "Pro")),
            ("Features", ToArray("Feature", "Sso", "PrioritySupport")),
            ("Stage", Enum("Stage", "PastDue")),
            ("Seats", 12),
            ("AutoRenew", true),
            ("Mrr", 99.5),
            ("StartedOn", new DateTime(2024, 3, 1, 23, 30, 0, DateTimeKind.Utc)),
            ("RenewsAt", new DateOnly(2025, 3, 1)),
            ("Health", 4L),
            ("BillingUsers", new[] { "u_1", "u_2" }),
            ("WorkspaceId", "ws_1"),
            ("Manager", "owner@northwind.test"),
            ("Address", "1 Main St, London, England, N1 1AA, GB"),
            ("Domains", new string?[] { "northwind.test", null }),
            ("Email", "billing@northwind.test"),
            ("Phone", "+447700900123"),
            ("Signatory", "Lovelace, Ada"));

        var values = Values(source, "ToSubscription");
        Assert.Equal("""[{"value":"sub_1"}]""", values["subscription_id"]!.ToJsonString());
        Assert.Equal("""[{"option":"Pro"}]""", values["plan"]!.ToJsonString());
        Assert.Equal("""[{"option":"SSO"},{"option":"Priority support"}]""", values["features"]!.ToJsonString());
        Assert.Equal("""[{"status":"Past due"}]""", values["stage"]!.ToJsonString());
        Assert.Equal("""[{"value":12}]""", values["seats"]!.ToJsonString());
        Assert.Equal("""[{"value":true}]""", values["auto_renew"]!.ToJsonString());
        Assert.Equal("""[{"currency_value":99.5}]""", values["mrr"]!.ToJsonString());
        Assert.Equal("""[{"value":"2024-03-01"}]""", values["started_on"]!.ToJsonString());
        Assert.StartsWith("""[{"value":"2025-03-01T00:00:00""", values["renews_at"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("""[{"value":4}]""", values["health_score"]!.ToJsonString());
        Assert.Equal("""[{"target_object":"users","user_id":[{"value":"u_1"}]},{"target_object":"users","user_id":[{"value":"u_2"}]}]""", values["billing_users"]!.ToJsonString());
        Assert.Equal("""[{"target_object":"workspaces","workspace_id":[{"value":"ws_1"}]}]""", values["workspace"]!.ToJsonString());
        Assert.Equal("owner@northwind.test", (string?)values["account_manager"]![0]!["workspace_member_email_address"]);
        var address = values["billing_address"]![0]!;
        Assert.Equal(("1 Main St", "London", "England", "N1 1AA", "GB"),
            ((string?)address["line_1"], (string?)address["locality"], (string?)address["region"], (string?)address["postcode"], (string?)address["country_code"]));
        Assert.Equal("""[{"domain":"northwind.test"}]""", values["billing_domains"]!.ToJsonString());
        Assert.Equal("""[{"email_address":"billing@northwind.test"}]""", values["billing_email"]!.ToJsonString());
        Assert.Equal("+447700900123", (string?)values["billing_phone_numbers"]![0]!["original_phone_number"]);
        Assert.Equal(("Ada", "Lovelace", "Ada Lovelace"),
            ((string?)values["signatory"]![0]!["first_name"], (string?)values["signatory"]![0]!["last_name"], (string?)values["signatory"]![0]!["full_name"]));
    }

    [Fact]
    public void RuntimeValueTypesAndOtherNumericTypesPassThrough()
    {
        var source = Create("ValueTypes",
            ("Id", "sub_2"),
            ("Plan", SelectOption.FromTitle("Starter")),
            ("Features", new List<SelectOption> { "SSO" }),
            ("Stage", StatusOption.FromTitle("Active")),
            ("Seats", 3.5m),
            ("Mrr", 10.25f),
            ("StartedOn", new DateOnly(2024, 1, 2)),
            ("RenewsAt", new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero)),
            ("Health", (byte)5),
            ("BillingUsers", new[] { RecordReference.User("u_9") }),
            ("Workspace", RecordReference.Workspace("ws_9")),
            ("Manager", ActorReference.ByEmail("am@northwind.test")),
            ("Address", new Location { Locality = "Paris", CountryCode = "FR" }),
            ("Phones", new[] { new PhoneNumber("07700 900123", "GB") }),
            ("Signatory", new PersonalName("Grace", "Hopper")));

        var values = Values(source, "ToSubscription");
        Assert.Equal("""[{"option":"Starter"}]""", values["plan"]!.ToJsonString());
        Assert.Equal("""[{"option":"SSO"}]""", values["features"]!.ToJsonString());
        Assert.Equal("""[{"status":"Active"}]""", values["stage"]!.ToJsonString());
        Assert.Equal("""[{"value":3.5}]""", values["seats"]!.ToJsonString());
        Assert.Equal("""[{"currency_value":10.25}]""", values["mrr"]!.ToJsonString());
        Assert.Equal("""[{"value":"2024-01-02"}]""", values["started_on"]!.ToJsonString());
        Assert.Equal("""[{"value":5}]""", values["health_score"]!.ToJsonString());
        Assert.Equal("""[{"target_object":"users","user_id":[{"value":"u_9"}]}]""", values["billing_users"]!.ToJsonString());
        Assert.Equal("""[{"target_object":"workspaces","workspace_id":[{"value":"ws_9"}]}]""", values["workspace"]!.ToJsonString());
        Assert.Equal("Paris", (string?)values["billing_address"]![0]!["locality"]);
        Assert.Equal("GB", (string?)values["billing_phone_numbers"]![0]!["country_code"]);
        Assert.Equal("Grace Hopper", (string?)values["signatory"]![0]!["full_name"]);
        Assert.False(values.ContainsKey("auto_renew"));
    }

    [Fact]
    public void NullLeavesAttributesUntouchedUnlessWhenNullIsClear()
    {
        var source = Create("ProfileUpdated", ("Email", "ada@example.com"));
        AssertValues("""{"email_addresses":[{"email_address":"ada@example.com"}],"twitter":null}""", Values(source, "ToPerson"));
    }

    [Fact]
    public void StringsBecomeReferencesLocationsAndPhoneNumbersOnPeople()
    {
        var source = Create("ProfileUpdated",
            ("Email", "ada@example.com"),
            ("Twitter", "@ada"),
            ("CompanyDomain", "northwind.test"),
            ("City", "London, GB"),
            ("Phones", new List<string> { "+447700900123" }));
        var values = Values(source, "ToPerson");
        Assert.Equal("""[{"value":"@ada"}]""", values["twitter"]!.ToJsonString());
        Assert.Equal("""[{"target_object":"companies","domains":[{"domain":"northwind.test"}]}]""", values["company"]!.ToJsonString());
        Assert.Equal(("London", "GB"), ((string?)values["primary_location"]![0]!["locality"], (string?)values["primary_location"]![0]!["country_code"]));
        Assert.Equal("+447700900123", (string?)values["phone_numbers"]![0]!["original_phone_number"]);
        Assert.False(values.ContainsKey("linkedin"));
    }

    [Fact]
    public void AppendMappingsAreSplitFromTheAssertedPart()
    {
        var source = Create("ProfileUpdated", ("Email", "ada@example.com"), ("Users", new[] { "u_1" }));
        var replace = Values(source, "ToPerson", AttioMultiselect.Replace);
        var append = Values(source, "ToPerson", AttioMultiselect.Append);
        Assert.True(replace.ContainsKey("email_addresses"));
        Assert.False(replace.ContainsKey("associated_users"));
        AssertValues("""{"associated_users":[{"target_object":"users","user_id":[{"value":"u_1"}]}]}""", append);
        Assert.True(Values(source, "ToPerson").ContainsKey("associated_users"));
    }

    [Fact]
    public void AnEmptyAppendCollectionWritesNothing()
    {
        var source = Create("ProfileUpdated", ("Email", "ada@example.com"), ("Users", Array.Empty<string>()));
        Assert.False(Values(source, "ToPerson").ContainsKey("associated_users"));
    }

    [Theory]
    [InlineData("AssertPersonAsync", "ProfileUpdated", "AttioStoredRecord", true)]
    [InlineData("AssertSubscriptionAsync", "AllTypes", "AttioStoredRecord", true)]
    [InlineData("AssertSubscriptionAsync", "ValueTypes", "AttioStoredRecord", true)]
    [InlineData("AssertPersonAsync", "UserSignedUp", "AttioStoredRecord", true)]
    [InlineData("AssertUserAsync", "UserSignedUp", "AttioStoredRecord", true)]
    [InlineData("IdentifyUserAsync", "UserSignedUp", "AttioIdentifyResult", true)]
    [InlineData("GroupWorkspaceAsync", "WorkspaceCreated", "AttioGroupResult", false)]
    [InlineData("AssertCompanyAsync", "WorkspaceCreated", "AttioStoredRecord", false)]
    public void ClientOverloadsTakeTheMappedClass(string method, string className, string result, bool isPublic)
    {
        var source = Compiled.Value.GetType("App." + className, throwOnError: true)!;
        // The overloads live next to the mapped class (issue 19.2), in one class per mapped class.
        var workspace = Compiled.Value.GetType("App." + className + "AttioExtensions", throwOnError: true)!;
        var overload = workspace.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Single(m => m.Name == method && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(new[] { typeof(AttioClient), source, typeof(CancellationToken) }));
        Assert.Equal(isPublic, overload.IsPublic);
        Assert.Equal("Task`1[Attio." + result + "]", overload.ReturnType.Name + "[" + overload.ReturnType.GetGenericArguments()[0].FullName + "]");
    }

    private static Array ToArray(string enumName, params string[] members)
    {
        var type = Compiled.Value.GetType("App." + enumName, throwOnError: true)!;
        var array = Array.CreateInstance(type, members.Length);
        for (int i = 0; i < members.Length; i++)
        {
            array.SetValue(System.Enum.Parse(type, members[i]), i);
        }

        return array;
    }
}
