using Attio;
using Attio.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Touches every part of the runtime a trimmed app would: DI, configuration, the Refit client, codecs and DTO JSON.
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Attio:ApiToken"] = "probe",
    ["Attio:BaseAddress"] = "http://127.0.0.1:9/",
}).Build();
using var provider = new ServiceCollection().AddAttio(configuration).BuildServiceProvider();
var client = provider.GetRequiredService<AttioClient>();
var errors = new AttioValidationErrors();
AttioCodecs.EmailAddress.Validate(new AttioAttributeInfo("people", "email_addresses", AttioAttributeType.EmailAddress, true), "a@b.example", errors);
string json = System.Text.Json.JsonSerializer.Serialize(new AttioSelf { Active = true }, AttioJsonContext.Default.AttioSelf);
Console.WriteLine($"{client.Api.GetType().Name} {errors.IsEmpty} {json.Length}");
