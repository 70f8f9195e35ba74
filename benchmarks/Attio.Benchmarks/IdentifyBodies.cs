using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Attio;
using Northwind.Crm;

namespace Attio.Benchmarks;

/// <summary>
/// The two request bodies of an identify (a person and a user), produced four ways. Each way builds its input from the
/// same event data and writes it, as an application would per event.
/// </summary>
public static class IdentifyBodies
{
    public const string Email = "ada.lovelace@example.com";
    public const string UserId = "user-1815";
    public const string PersonRecordId = "3a3f1024-6f6d-4545-a301-2828689dbfd8";

    /// <summary>With the generated records: what users of this library write.</summary>
    public static void WriteGenerated(Utf8JsonWriter person, Utf8JsonWriter user)
    {
        var (p, u) = BuildRecords();
        p.WriteRequestBody(person);
        u.WriteRequestBody(user);
    }

    public static (Person Person, User User) BuildRecords() =>
    (
        new Person
        {
            Name = new PersonalName("Ada", "Lovelace"),
            EmailAddresses = [Email],
            JobTitle = "Analyst",
            PhoneNumbers = [new PhoneNumber("+447700900123")],
            PrimaryLocation = new Location { Line1 = "12 St James's Square", Locality = "London", Postcode = "SW1Y 4LB", CountryCode = "GB", Latitude = "51.507400000", Longitude = "-0.135100000" },
            Twitter = "@ada",
        },
        new User
        {
            Person = RecordReference.ById("people", PersonRecordId),
            PrimaryEmailAddress = Email,
            UserId = UserId,
            Role = User.RoleOptions.Admin,
        });

    /// <summary>The floor: the identical JSON written by hand into a Utf8JsonWriter.</summary>
    public static void WriteByHand(Utf8JsonWriter w, Utf8JsonWriter u)
    {
        w.WriteStartObject();
        w.WriteStartObject("data");
        w.WriteStartObject("values");
        w.WriteStartArray("name");
        w.WriteStartObject();
        w.WriteString("first_name", "Ada");
        w.WriteString("last_name", "Lovelace");
        w.WriteString("full_name", "Ada Lovelace");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("email_addresses");
        w.WriteStartObject();
        w.WriteString("email_address", Email);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("job_title");
        w.WriteStartObject();
        w.WriteString("value", "Analyst");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("phone_numbers");
        w.WriteStartObject();
        w.WriteString("original_phone_number", "+447700900123");
        w.WriteNull("country_code");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("primary_location");
        w.WriteStartObject();
        w.WriteString("line_1", "12 St James's Square");
        w.WriteNull("line_2");
        w.WriteNull("line_3");
        w.WriteNull("line_4");
        w.WriteString("locality", "London");
        w.WriteNull("region");
        w.WriteString("postcode", "SW1Y 4LB");
        w.WriteString("country_code", "GB");
        w.WriteString("latitude", "51.507400000");
        w.WriteString("longitude", "-0.135100000");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("twitter");
        w.WriteStartObject();
        w.WriteString("value", "@ada");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();

        u.WriteStartObject();
        u.WriteStartObject("data");
        u.WriteStartObject("values");
        u.WriteStartArray("person");
        u.WriteStartObject();
        u.WriteString("target_object", "people");
        u.WriteString("target_record_id", PersonRecordId);
        u.WriteEndObject();
        u.WriteEndArray();
        u.WriteStartArray("primary_email_address");
        u.WriteStartObject();
        u.WriteString("email_address", Email);
        u.WriteEndObject();
        u.WriteEndArray();
        u.WriteStartArray("user_id");
        u.WriteStartObject();
        u.WriteString("value", UserId);
        u.WriteEndObject();
        u.WriteEndArray();
        u.WriteStartArray("role");
        u.WriteStartObject();
        u.WriteString("option", "Admin");
        u.WriteEndObject();
        u.WriteEndArray();
        u.WriteEndObject();
        u.WriteEndObject();
        u.WriteEndObject();
    }

    /// <summary>What users write without us: dictionaries serialised by reflection.</summary>
    public static void WriteDictionaries(Utf8JsonWriter person, Utf8JsonWriter user)
    {
        var (p, u) = BuildDictionaries();
        SerializeDictionaries(person, p, user, u);
    }

    public static void SerializeDictionaries(Utf8JsonWriter person, Dictionary<string, object?> personBody, Utf8JsonWriter user, Dictionary<string, object?> userBody)
    {
        JsonSerializer.Serialize(person, personBody, ReflectionOptions);
        JsonSerializer.Serialize(user, userBody, ReflectionOptions);
    }

    public static (Dictionary<string, object?> Person, Dictionary<string, object?> User) BuildDictionaries()
    {
        var personBody = Envelope(new Dictionary<string, object?>
        {
            ["name"] = One(new Dictionary<string, object?> { ["first_name"] = "Ada", ["last_name"] = "Lovelace", ["full_name"] = "Ada Lovelace" }),
            ["email_addresses"] = One(new Dictionary<string, object?> { ["email_address"] = Email }),
            ["job_title"] = One(new Dictionary<string, object?> { ["value"] = "Analyst" }),
            ["phone_numbers"] = One(new Dictionary<string, object?> { ["original_phone_number"] = "+447700900123", ["country_code"] = null }),
            ["primary_location"] = One(new Dictionary<string, object?>
            {
                ["line_1"] = "12 St James's Square", ["line_2"] = null, ["line_3"] = null, ["line_4"] = null, ["locality"] = "London",
                ["region"] = null, ["postcode"] = "SW1Y 4LB", ["country_code"] = "GB", ["latitude"] = "51.507400000", ["longitude"] = "-0.135100000",
            }),
            ["twitter"] = One(new Dictionary<string, object?> { ["value"] = "@ada" }),
        });
        var userBody = Envelope(new Dictionary<string, object?>
        {
            ["person"] = One(new Dictionary<string, object?> { ["target_object"] = "people", ["target_record_id"] = PersonRecordId }),
            ["primary_email_address"] = One(new Dictionary<string, object?> { ["email_address"] = Email }),
            ["user_id"] = One(new Dictionary<string, object?> { ["value"] = UserId }),
            ["role"] = One(new Dictionary<string, object?> { ["option"] = "Admin" }),
        });
        return (personBody, userBody);
    }

    /// <summary>A JsonNode tree, written with WriteTo.</summary>
    public static void WriteJsonNodes(Utf8JsonWriter person, Utf8JsonWriter user)
    {
        var (p, u) = BuildJsonNodes();
        p.WriteTo(person);
        u.WriteTo(user);
    }

    public static (JsonObject Person, JsonObject User) BuildJsonNodes()
    {
        static JsonObject Body(JsonObject values) => new() { ["data"] = new JsonObject { ["values"] = values } };
        static JsonArray OneNode(JsonObject value) => new(value);
        var personBody = Body(new JsonObject
        {
            ["name"] = OneNode(new JsonObject { ["first_name"] = "Ada", ["last_name"] = "Lovelace", ["full_name"] = "Ada Lovelace" }),
            ["email_addresses"] = OneNode(new JsonObject { ["email_address"] = Email }),
            ["job_title"] = OneNode(new JsonObject { ["value"] = "Analyst" }),
            ["phone_numbers"] = OneNode(new JsonObject { ["original_phone_number"] = "+447700900123", ["country_code"] = null }),
            ["primary_location"] = OneNode(new JsonObject
            {
                ["line_1"] = "12 St James's Square", ["line_2"] = null, ["line_3"] = null, ["line_4"] = null, ["locality"] = "London",
                ["region"] = null, ["postcode"] = "SW1Y 4LB", ["country_code"] = "GB", ["latitude"] = "51.507400000", ["longitude"] = "-0.135100000",
            }),
            ["twitter"] = OneNode(new JsonObject { ["value"] = "@ada" }),
        });
        var userBody = Body(new JsonObject
        {
            ["person"] = OneNode(new JsonObject { ["target_object"] = "people", ["target_record_id"] = PersonRecordId }),
            ["primary_email_address"] = OneNode(new JsonObject { ["email_address"] = Email }),
            ["user_id"] = OneNode(new JsonObject { ["value"] = UserId }),
            ["role"] = OneNode(new JsonObject { ["option"] = "Admin" }),
        });
        return (personBody, userBody);
    }

    /// <summary>Runs one of the four ways into fresh buffers and returns the two bodies as strings (for the equivalence test).</summary>
    public static (string Person, string User) Render(Action<Utf8JsonWriter, Utf8JsonWriter> write)
    {
        var personBuffer = new ArrayBufferWriter<byte>();
        var userBuffer = new ArrayBufferWriter<byte>();
        using (var person = new Utf8JsonWriter(personBuffer))
        using (var user = new Utf8JsonWriter(userBuffer))
        {
            write(person, user);
        }

        return (System.Text.Encoding.UTF8.GetString(personBuffer.WrittenSpan), System.Text.Encoding.UTF8.GetString(userBuffer.WrittenSpan));
    }

    private static readonly JsonSerializerOptions ReflectionOptions = new();

    private static Dictionary<string, object?> Envelope(Dictionary<string, object?> values) =>
        new() { ["data"] = new Dictionary<string, object?> { ["values"] = values } };

    private static List<object?> One(object value) => new() { value };
}
