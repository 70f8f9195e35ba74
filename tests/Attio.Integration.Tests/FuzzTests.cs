using System.Globalization;
using System.Reflection;
using Northwind.Crm;

namespace Attio.Integration.Tests;

/// <summary>
/// Seeded, bounded fuzzing of every generated record type against the emulator: random values (mostly plausible, some
/// hostile) go into every writable property and the record is created. Every call must end in one of three ways: the
/// runtime refuses it before sending (<see cref="AttioValidationException"/>), Attio stores it, or Attio refuses it for a
/// reason the runtime cannot know locally (a referenced record or option that does not exist, a unique value taken).
/// Any other exception, or any other 400 for a value the runtime accepted, fails.
/// </summary>
public sealed class FuzzTests(EmulatorFixture attio) : IClassFixture<EmulatorFixture>
{
    private const int Iterations = 60;

    // Errors only the server can know: existence of targets, options and members, and uniqueness across records.
    private static readonly HashSet<string> ServerOnlyCodes = ["value_not_found", "uniqueness_conflict"];

    public static TheoryData<Type> RecordTypes() =>
        new(typeof(Person), typeof(Company), typeof(User), typeof(Workspace), typeof(Deal), typeof(Subscription));

    [Theory]
    [MemberData(nameof(RecordTypes))]
    public async Task RandomValuesInEveryGeneratedRecordEndRefusedLocallyStoredOrRefusedForAServerOnlyReason(Type recordType)
    {
        var random = new Random(recordType.Name.Length * 7919);
        var outcomes = new Dictionary<string, int>();
        for (int i = 0; i < Iterations; i++)
        {
            var record = (AttioRecord)Activator.CreateInstance(recordType)!;
            var filled = Fill(record, random);
            string outcome;
            try
            {
                await attio.Client.CreateRecordAsync(record);
                outcome = "stored";
            }
            catch (AttioValidationException)
            {
                outcome = "refused locally";
            }
            catch (AttioApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.BadRequest && ex.Code is not null && ServerOnlyCodes.Contains(ex.Code))
            {
                outcome = "refused by Attio: " + ex.Code;
            }
            catch (Exception ex)
            {
                Assert.Fail($"{recordType.Name} iteration {i}: {ex.GetType().Name}: {ex.Message}\nvalues: {filled}");
                throw;
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        // The generator must produce both kinds of input, or the test proves nothing.
        Assert.True(outcomes.GetValueOrDefault("stored") > 0, $"{recordType.Name}: nothing was stored ({string.Join(", ", outcomes)})");
        Assert.True(outcomes.GetValueOrDefault("refused locally") > 0, $"{recordType.Name}: nothing was refused ({string.Join(", ", outcomes)})");
    }

    private static string Fill(AttioRecord record, Random random)
    {
        var infos = record.GetAttributeInfos().ToDictionary(i => i.Slug);
        var attributes = record.GetType().GetNestedType("AttioAttributes")!;
        var shown = new List<string>();
        foreach (var property in record.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            if (attributes.GetField(property.Name)?.GetValue(null) is not AttioAttributeInfo info || !infos.ContainsKey(info.Slug))
            {
                continue;
            }

            // Required attributes are always given a value so that most records reach the server.
            // References to random records mostly miss (value_not_found), so they are rarer, or little would be stored.
            bool skip = info.Type == AttioAttributeType.RecordReference ? random.Next(5) != 0 : random.Next(3) == 0;
            if (!info.IsRequired && skip)
            {
                continue;
            }

            object? value;
            try
            {
                value = ValueFor(property.PropertyType, info, random);
            }
            catch (ArgumentException)
            {
                continue; // a value type's constructor refusing its input is documented behaviour
            }

            property.SetValue(record, value);
            shown.Add($"{info.Slug}={Show(value)}");
        }

        return string.Join("; ", shown);
    }

    private static object? ValueFor(Type type, AttioAttributeInfo info, Random random)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var itemType = type.GetGenericArguments()[0];
            var items = Array.CreateInstance(itemType, random.Next(0, 3));
            for (int i = 0; i < items.Length; i++)
            {
                items.SetValue(ValueFor(itemType, info, random), i);
            }

            return items;
        }

        bool hostile = random.Next(8) == 0;
        return type switch
        {
            _ when type == typeof(string) => StringFor(info.Type, random, hostile),
            _ when type == typeof(double) => hostile ? Pick(random, double.NaN, double.PositiveInfinity, 1e308, -0.0) : Math.Round(random.NextDouble() * 1e6, random.Next(0, 6)),
            _ when type == typeof(decimal) => hostile ? 0.123456789m : Math.Round((decimal)(random.NextDouble() * 1e7), random.Next(0, 4)),
            _ when type == typeof(bool) => random.Next(2) == 0,
            _ when type == typeof(int) => hostile ? random.Next(-5, 12) : random.Next(0, 6),
            _ when type == typeof(DateOnly) => DateOnly.FromDayNumber(hostile ? random.Next(0, 3_652_059) : random.Next(700_000, 760_000)),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2000 + random.Next(0, 50), random.Next(1, 13), random.Next(1, 29), random.Next(0, 24), random.Next(0, 60), 0, TimeSpan.FromHours(random.Next(-12, 15))),
            _ when type == typeof(SelectOption) => SelectOption.FromTitle(hostile ? Hostile(random) : Pick(random, "Free", "Pro", "SSO", "Admin", "Member", "Nope")),
            _ when type == typeof(StatusOption) => StatusOption.FromTitle(hostile ? Hostile(random) : Pick(random, "Trial", "Active", "Lead", "Won 🎉", "Nope")),
            _ when type == typeof(PersonalName) => new PersonalName(hostile ? Hostile(random) : Pick(random, "Ada", "Grace", "Zoë"), Pick(random, "Lovelace", "Hopper", "")),
            _ when type == typeof(PhoneNumber) => hostile ? new PhoneNumber(Hostile(random)) : Pick(random, new PhoneNumber("+442079460000"), new PhoneNumber("2125551234", "US"), new PhoneNumber("+33 1 42 68 53 00")),
            _ when type == typeof(Location) => new Location
            {
                Locality = hostile ? Hostile(random) : "Paris",
                CountryCode = Pick(random, "FR", "GB", "US", "XK", hostile ? "ZZ" : "DE"),
                Latitude = random.Next(3) == 0 ? null : (random.NextDouble() * 180 - 90).ToString("0.######", CultureInfo.InvariantCulture),
            },
            _ when type == typeof(RecordReference) => hostile ? RecordReference.ById(Pick(random, "people", "users", "deals"), Guid.NewGuid()) : RecordReference.ByMatch(Pick(random, "people", "users", "workspaces", "companies"), "record_id", Guid.NewGuid().ToString()),
            _ when type == typeof(ActorReference) => ActorReference.ByEmail(hostile ? Hostile(random) : Pick(random, "alice@northwind.example", "nobody@northwind.example")),
            _ => throw new InvalidOperationException($"The fuzz test has no generator for {type} ({info}); add one."),
        };
    }

    private static string StringFor(AttioAttributeType type, Random random, bool hostile)
    {
        if (hostile)
        {
            return Hostile(random);
        }

        string word = new(Enumerable.Range(0, random.Next(1, 12)).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray());
        return type switch
        {
            AttioAttributeType.EmailAddress => $"{word}{random.Next()}@{Pick(random, "example.com", "Example.COM", "bücher.de", "x.io")}",
            AttioAttributeType.Domain => Pick(random, $"{word}{random.Next()}.com", $"https://www.{word}{random.Next()}.co.uk/pricing?ref=ad", $"{word}{random.Next()}.ORG.", $"bücher{random.Next()}.de"),
            _ => Pick(random, word + random.Next(), "Zoë “quoted” ü", word + " " + word),
        };
    }

    private static string Hostile(Random random) => Pick(random,
        "", " ", "x\r\n[ERROR] forged", "\0", "\ud800", new string('é', 3000), "../..", "%2e%2e", "<script>", "null", "[]",
        "+", "+00000000", "a@", "@b.com", "http://", "1e400", "\u202e", "🎉🎉");

    private static T Pick<T>(Random random, params T[] items) => items[random.Next(items.Length)];

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => '"' + (s.Length > 40 ? s[..40] + "…" : s) + '"',
        System.Collections.IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Show)) + "]",
        _ => value.ToString() ?? "",
    };
}
