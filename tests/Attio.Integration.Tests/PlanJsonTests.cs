using CsCheck;
using Attio.Internal;

namespace Attio.Integration.Tests;

/// <summary>Plans survive JSON: every step kind and every writable attribute type, over generated plans.</summary>
public sealed class PlanJsonTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char.AlphaNumeric, 1, 12];

    // One generator per writable attribute type, each producing a typed plan value of that type.
    private static readonly Gen<AttioPlanValue>[] ValueGens =
    [
        Many(AttioAttributeType.Text, Text, AttioCodecs.Text),
        Many(AttioAttributeType.Number, Gen.Double[-1e9, 1e9], AttioCodecs.Number),
        Many(AttioAttributeType.Checkbox, Gen.Bool, AttioCodecs.Checkbox),
        Many(AttioAttributeType.Currency, Gen.Decimal[-1_000_000m, 1_000_000m], AttioCodecs.Currency),
        Many(AttioAttributeType.Date, Gen.Int[1, 3_000_000].Select(d => DateOnly.FromDayNumber(d)), AttioCodecs.Date),
        Many(AttioAttributeType.Timestamp, Gen.Select(Gen.Long[0, DateTime.MaxValue.Ticks / 2], Gen.Int[-14 * 60, 14 * 60]).Select((t, m) => new DateTimeOffset(t, TimeSpan.FromMinutes(m))), AttioCodecs.Timestamp),
        Many(AttioAttributeType.Rating, Gen.Int[0, 5], AttioCodecs.Rating),
        Many(AttioAttributeType.Status, Gen.OneOf(Text.Select(StatusOption.FromTitle), Gen.Guid.Select(StatusOption.FromId)), AttioCodecs.Status),
        Many(AttioAttributeType.Select, Gen.OneOf(Text.Select(SelectOption.FromTitle), Gen.Guid.Select(SelectOption.FromId)), AttioCodecs.Select),
        Many(AttioAttributeType.RecordReference, Gen.OneOf(
            Gen.Select(Text, Gen.Guid).Select((o, id) => RecordReference.ById(o, id)),
            Gen.Select(Text, Text, Text).Select((o, a, v) => RecordReference.ByMatch(o, a, v)),
            Gen.Select(Text, Text).Select((o, v) => RecordReference.ByMatch(o, "domains", AttioAttributeType.Domain, v))), AttioCodecs.RecordReference),
        Many(AttioAttributeType.ActorReference, Gen.OneOf(Text.Select(t => ActorReference.ByEmail(t + "@example.com")), Gen.Guid.Select(ActorReference.ById)), AttioCodecs.ActorReference),
        Many(AttioAttributeType.Location, Gen.Select(Text, Text.Null(), Text.Null(), Gen.Double[-90, 90]).Select((l, r, p, lat) => new Location
        {
            Line1 = l, Region = r, Postcode = p, CountryCode = "GB", Latitude = lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        }), AttioCodecs.Location),
        Many(AttioAttributeType.Domain, Text.Select(t => t + ".example"), AttioCodecs.Domain),
        Many(AttioAttributeType.EmailAddress, Text.Select(t => t + "@example.com"), AttioCodecs.EmailAddress),
        Many(AttioAttributeType.PhoneNumber, Gen.Select(Gen.Long[1_000_000, 9_999_999_999], Gen.Bool.Select(b => b ? "GB" : (string?)null)).Select((n, c) => new PhoneNumber("+44" + n, c)), AttioCodecs.PhoneNumber),
        Many(AttioAttributeType.PersonalName, Gen.Select(Text, Text, Text.Null()).Select((f, l, full) => new PersonalName(f, l, full)), AttioCodecs.PersonalName),
        Gen.Select(Text, Gen.Int[0, 16]).Select((slug, t) => AttioPlanValue.Clear(new AttioAttributeInfo("objs", "clear_" + slug, (AttioAttributeType)Enum.GetValues<AttioAttributeType>().GetValue(t % 16)!, t % 2 == 0))),
    ];

    private static readonly Gen<AttioWritePlan> Plans = Gen.Int[1, 4].SelectMany(count => Gen.Int.Array[count].SelectMany(seeds => StepsGen(seeds)));

    [Fact]
    public void EveryGeneratedPlanRoundTripsThroughJson()
    {
        Plans.Sample(plan =>
        {
            string json = plan.ToJson();
            AttioWritePlan read = AttioWritePlan.FromJson(json);

            Assert.Equal(json, read.ToJson());
            Assert.Equal(plan.Kind, read.Kind);
            Assert.Equal(plan.Steps.Count, read.Steps.Count);
            for (int i = 0; i < plan.Steps.Count; i++)
            {
                AttioWriteStep before = plan.Steps[i], after = read.Steps[i];
                Assert.Equal((before.ObjectSlug, before.Mode, before.MatchingAttribute, before.RecordId, before.RecordOfStep), (after.ObjectSlug, after.Mode, after.MatchingAttribute, after.RecordId, after.RecordOfStep));
                Assert.Equal(before.Links, after.Links);
                Assert.Equal(before.Values.Count, after.Values.Count);
                for (int v = 0; v < before.Values.Count; v++)
                {
                    Assert.Equal(before.Values[v].Attribute with { AllowedObjects = null }, after.Values[v].Attribute with { AllowedObjects = null });
                    Assert.Equal(before.Values[v].GetType(), after.Values[v].GetType());
                    // Typed equality, not only equal JSON: a timestamp keeps its offset, an option whether it is an id.
                    Assert.Equal(before.Values[v].Items.Select(Exact), after.Values[v].Items.Select(Exact));
                }

                Assert.Equal(BodyOf(before), BodyOf(after));
            }
        }, iter: 300, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void EveryAttributeTypeTheRuntimeWritesIsCovered()
    {
        var writable = Enum.GetValues<AttioAttributeType>().Where(AttioCodecs.IsWritableType).ToHashSet();
        var covered = ValueGens.Take(ValueGens.Length - 1).Select(g => g.Single().Attribute.Type).ToHashSet();
        Assert.Equal(writable.Order(), covered.Order());
    }

    [Fact]
    public void APlanBuiltFromGeneratedRecordsRoundTrips()
    {
        var plan = AttioActions.Identify("Ada@Example.com", "u-1", new Northwind.Crm.Person { Name = new PersonalName("Ada", "Lovelace"), JobTitle = null }, new Northwind.Crm.User())
            .ThenAppend(1, new Northwind.Crm.User { Workspace = [RecordReference.Workspace("ws-1")] });

        var read = AttioWritePlan.FromJson(plan.ToJson());

        Assert.Equal(plan.ToJson(), read.ToJson());
        Assert.Equal(3, read.Steps.Count);
        Assert.True(read.Steps[0].ValueOf("job_title")!.IsClear);
        Assert.Equal(new AttioPlanLink("person", "people", 0), Assert.Single(read.Steps[1].Links));
    }

    [Theory]
    [InlineData("""{"version":2,"kind":"Assert","steps":[]}""", "version 2")]
    [InlineData("""{"version":"1","steps":[]}""", "no numeric 'version'")]
    [InlineData("""{"kind":"Assert"}""", "no numeric 'version'")]
    [InlineData("""[1,2]""", "no numeric 'version'")]
    [InlineData("""{"version":1,"kind":"Assert","steps":[]}""", "no steps")]
    [InlineData("""{"version":1,"kind":"Assert","steps":[{"object":"people","mode":"Assert","values":[]}]}""", "without a matching attribute")]
    [InlineData("""{"version":1,"kind":"Assert","steps":[{"object":"people","mode":"Assert","matching_attribute":"x","values":[{"object":"people","attribute":"x","type":"no-such-type","items":["a"]}]}]}""", "unknown attribute type 'no-such-type'")]
    public void AnUnreadablePlanSaysWhy(string json, string expected)
    {
        var ex = Assert.Throws<AttioPlanFormatException>(() => AttioWritePlan.FromJson(json));
        Assert.Contains(expected, ex.Message);
    }

    // DateTimeOffset equality ignores the offset; the plan must not.
    private static object? Exact(object? item) => item is DateTimeOffset moment ? moment.ToString("O") : item;

    private static string BodyOf(AttioWriteStep step)
    {
        var ids = Enumerable.Repeat<string?>("00000000-0000-0000-0000-000000000001", 8).ToArray();
        using var content = AttioPlanExecutor.Body(step, ids, dropped: null, include: _ => true);
        return content.ReadAsStringAsync().GetAwaiter().GetResult();
    }

    private static Gen<AttioPlanValue> Many<T>(AttioAttributeType type, Gen<T> items, IAttioValueCodec<T> codec) =>
        Gen.Select(Gen.Bool, items.Array[1, 3], Text).Select((multi, values, slug) =>
            AttioPlanValue.Of(new AttioAttributeInfo("objs", type.ToApiName() + "_" + slug, type, multi) { IsUnique = values.Length == 1 }, multi ? values : values[..1], codec));

    private static Gen<AttioWritePlan> StepsGen(int[] seeds) =>
        Gen.OneOf(ValueGens).Array[1, 5].Array[seeds.Length].Select(valueSets =>
        {
            var steps = new List<AttioWriteStep>();
            for (int i = 0; i < seeds.Length; i++)
            {
                var values = valueSets[i].GroupBy(v => v.Slug).Select(g => g.First()).ToList();
                int kind = Math.Abs(seeds[i] % 5);
                var mode = kind switch { 0 => AttioWriteMode.Assert, 1 => AttioWriteMode.Create, 2 or 3 => AttioWriteMode.UpdateAppend, _ => AttioWriteMode.UpdateOverwrite };
                if (mode == AttioWriteMode.Assert)
                {
                    values.Insert(0, AttioPlanValue.Of(new AttioAttributeInfo("objs", "key", AttioAttributeType.Text) { IsUnique = true }, "k" + i, AttioCodecs.Text));
                }

                bool byStep = i > 0 && kind == 3;
                steps.Add(new AttioWriteStep("objs", mode, values)
                {
                    MatchingAttribute = mode == AttioWriteMode.Assert ? "key" : null,
                    RecordId = mode is AttioWriteMode.UpdateAppend or AttioWriteMode.UpdateOverwrite && !byStep ? Guid.NewGuid().ToString() : null,
                    RecordOfStep = mode is AttioWriteMode.UpdateAppend or AttioWriteMode.UpdateOverwrite && byStep ? i - 1 : null,
                    Links = i > 0 && seeds[i] % 2 == 0 ? [new AttioPlanLink("link_" + i, "people", i - 1)] : [],
                    ImplicitSlugs = mode == AttioWriteMode.Assert ? ["key"] : [],
                });
            }

            return new AttioWritePlan((AttioPlanKind)Math.Abs(seeds[0] % 5), steps);
        });
}
