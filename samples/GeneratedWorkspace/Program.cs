using Attio;
using Attio.Emulator;
using Northwind.Crm;
using Northwind.Events;

// The sample talks to the real Attio when ATTIO_API_TOKEN is set (or to ATTIO_BASE_URL, any Attio-compatible server),
// and otherwise starts the emulator in this process, so it runs on any machine with the .NET SDK.
string? token = Environment.GetEnvironmentVariable("ATTIO_API_TOKEN");
string? baseUrl = Environment.GetEnvironmentVariable("ATTIO_BASE_URL");
AttioEmulator? emulator = null;
if (string.IsNullOrEmpty(token))
{
    string schemaPath = Path.Combine(AppContext.BaseDirectory, "attio-schema.json");
    emulator = await AttioEmulator.StartAsync(schemaPath);
    token = emulator.ApiToken;
    baseUrl = emulator.BaseAddress.ToString();
    Console.WriteLine($"No ATTIO_API_TOKEN set: using the embedded Attio emulator at {emulator.BaseAddress}");
}
else
{
    Console.WriteLine($"Using Attio at {baseUrl ?? AttioClientOptions.DefaultBaseAddress.ToString()}");
}

try
{
    using var attio = new AttioClient(new AttioClientOptions
    {
        ApiToken = token,
        BaseAddress = baseUrl is null ? AttioClientOptions.DefaultBaseAddress : new Uri(baseUrl),
    });

    // Assert Record: create or update a person by email. Unset properties are not sent.
    var person = new Person
    {
        EmailAddresses = ["Ada.Lovelace@Example.com"],
        Name = new PersonalName("Ada", "Lovelace"),
        JobTitle = "Analyst",
        Twitter = "@ada",
    };
    AttioStoredRecord stored = await attio.AssertPersonAsync(person);
    AttioStoredRecord readBack = await attio.GetPersonAsync(stored.RecordId);
    Person read = readBack.As<Person>();

    Console.WriteLine();
    Console.WriteLine($"Stored person {readBack.RecordId}:");
    Console.WriteLine($"  name            {read.Name?.FullName}");
    // What Attio derives from a value (the address as sent, its domain) is not part of the typed record: read it raw.
    Console.WriteLine($"  email (sent)    {readBack.GetString("email_addresses", "original_email_address")}");
    Console.WriteLine($"  email (stored)  {read.EmailAddresses?[0]}");
    Console.WriteLine($"  email domain    {readBack.GetString("email_addresses", "email_domain")}");
    Console.WriteLine($"  job title       {read.JobTitle}");
    Console.WriteLine($"  twitter         {read.Twitter}");

    // The same through a mapped event class: [AttioMap] properties become a typed Person, checked at build time.
    await attio.AssertPersonAsync(new ProfileUpdated("ada.lovelace@example.com", "@countess", "Lovelace, Ada", JobTitle: null));
    Person afterEvent = (await attio.GetPersonAsync(stored.RecordId)).As<Person>();
    Console.WriteLine($"  after ProfileUpdated: twitter {afterEvent.Twitter}, job title {afterEvent.JobTitle ?? "(cleared)"}");

    // Identify User: a person by email and a user by user id, linked together.
    AttioIdentifyResult identified = await attio.IdentifyUserAsync("ada.lovelace@example.com", "user-1815");
    Console.WriteLine();
    Console.WriteLine($"Identified user {identified.User.As<User>().UserId} -> person {identified.Person.RecordId}");

    // Identify from an event class that maps both objects' keys.
    AttioIdentifyResult signedUp = await attio.IdentifyUserAsync(new UserSignedUp { Email = "charles@example.com", UserId = "user-1791", Role = UserRole.Admin });
    User signedUpUser = signedUp.User.As<User>();
    Console.WriteLine($"Identified user {signedUpUser.UserId} (role {signedUpUser.Role}) -> person {signedUp.Person.RecordId}");

    // Group Workspace: a company by domain and a workspace by id, linked, with the user added as a member.
    AttioGroupResult grouped = await attio.GroupWorkspaceAsync(
        "analytical-engines.example",
        "ws-42",
        new Company { Name = "Analytical Engines" },
        new Workspace { Name = "Engines HQ" },
        userId: "user-1815");
    Console.WriteLine($"Grouped workspace {grouped.Workspace.As<Workspace>().WorkspaceId} -> company {grouped.Company.RecordId}");

    AttioGroupResult created = await attio.GroupWorkspaceAsync(new WorkspaceCreated("difference-engines.example", "Difference Engines", "ws-7", "Engine Room"));
    Console.WriteLine($"Grouped workspace {created.Workspace.As<Workspace>().Name} -> company {created.Company.As<Company>().Name}");

    return 0;
}
catch (AttioValidationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
catch (AttioApiException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}
