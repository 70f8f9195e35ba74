using Attio.Cli.Output;
using Attio.Cli.Tests.Infrastructure;

namespace Attio.Cli.Tests;

public sealed class ErrorTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    // 64 characters, as Attio's keys are, so it passes the runtime's own checks and reaches the server.
    private const string WrongToken = "f00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeed";

    private LocalAttio Emulator => fixture.Emulator;

    private Dictionary<string, string> WrongTokenEnvironment => new()
    {
        ["ATTIO_API_TOKEN"] = WrongToken,
        ["ATTIO_BASE_URL"] = Emulator.Server.BaseAddress.ToString(),
    };

    [Theory]
    [InlineData("pull")]
    [InlineData("check")]
    public async Task A_rejected_token_says_so_with_the_execution_id_and_exits_4(string command)
    {
        using var dir = new TempDirectory();
        string[] args = command == "pull"
            ? ["schema", "pull", "-o", dir.File("s.json")]
            : ["schema", "check", "--schema", Schemas.RepositorySchemaPath];

        var result = await Tool.RunAsync(WrongTokenEnvironment, args);

        Assert.Equal(4, result.ExitCode);
        // Both commands start with GET /v2/self, which answers 200 {"active": false} for an unknown token (the spec;
        // the emulator follows it since issue 13), so there is no 401 and no execution id to quote.
        Assert.StartsWith("error: Attio says the API token is not active", result.Stderr);
        Assert.DoesNotContain(WrongToken, result.AllOutput);
        Assert.False(File.Exists(dir.File("s.json")));
    }

    [Fact]
    public async Task A_token_passed_as_an_argument_never_appears_either()
    {
        var result = await Tool.RunAsync(
            new Dictionary<string, string> { ["ATTIO_BASE_URL"] = Emulator.Server.BaseAddress.ToString() },
            "schema", "check", "--schema", Schemas.RepositorySchemaPath, "--token", WrongToken);

        Assert.Equal(4, result.ExitCode);
        Assert.DoesNotContain(WrongToken, result.AllOutput);
    }

    [Fact]
    public async Task A_token_echoed_by_a_parse_error_is_masked()
    {
        // A token pasted where an argument goes: System.CommandLine echoes unrecognised arguments.
        var result = await Tool.RunAsync(Emulator.Environment, "schema", "pull", Emulator.Token);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Unrecognized command or argument '***'", result.Stderr);
        Assert.DoesNotContain(Emulator.Token, result.AllOutput);
    }

    [Fact]
    public async Task The_good_token_is_in_no_output_of_a_successful_pull()
    {
        using var dir = new TempDirectory();
        var result = await Tool.RunAsync(Emulator.Environment, terminal: true, "schema", "pull", "-o", dir.File("s.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(Emulator.Token, result.AllOutput);
        Assert.DoesNotContain(Emulator.Token, File.ReadAllText(dir.File("s.json")));
    }

    [Fact]
    public async Task No_token_is_a_usage_error()
    {
        var result = await Tool.RunAsync(new Dictionary<string, string> { ["ATTIO_BASE_URL"] = Emulator.Server.BaseAddress.ToString() },
            "schema", "pull", "-o", "-");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("No Attio API token. Pass --token or set ATTIO_API_TOKEN.", result.Stderr);
    }

    [Theory]
    [InlineData("http://attio.example.com/", "must use HTTPS")]
    [InlineData("not a url", "is not an absolute URL")]
    public async Task An_unusable_base_url_is_a_usage_error(string url, string message)
    {
        var result = await Tool.RunAsync(new Dictionary<string, string> { ["ATTIO_API_TOKEN"] = WrongToken }, "schema", "pull", "--base-url", url);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.DoesNotContain(WrongToken, result.AllOutput);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_network_error()
    {
        // A loopback port nobody listens on: refused at once; the client retries a few times before giving up.
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var result = await Tool.RunAsync(new Dictionary<string, string> { ["ATTIO_API_TOKEN"] = WrongToken, ["ATTIO_BASE_URL"] = $"http://127.0.0.1:{port}/" },
            "schema", "pull", "-o", "-");

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith($"error: Could not reach Attio at http://127.0.0.1:{port}.", result.Stderr);
        Assert.DoesNotContain(WrongToken, result.AllOutput);
    }

    [Fact]
    public async Task A_server_error_that_outlasts_the_retries_carries_status_code_and_execution_id()
    {
        await using var emulator = await LocalAttio.StartAsync();
        emulator.Server.Faults.Enqueue("GET /v2/objects", Attio.Emulator.FaultKind.Status500, count: 5);

        var result = await Tool.RunAsync(emulator.Environment, "schema", "pull", "-o", "-");

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("error: Attio returned 500", result.Stderr);
        Assert.Contains("for GET /v2/objects", result.Stderr);
        Assert.Matches(@"execution id [0-9a-f-]{36}", result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Attio_error_messages_name_code_message_and_execution_id()
    {
        // Attio's documented 404 body for an unknown object.
        var error = new AttioApiException(System.Net.HttpStatusCode.NotFound,
            new AttioErrorBody { StatusCode = 404, Type = "invalid_request_error", Code = "not_found", Message = "Object with slug/ID \"deals\" not found." },
            "11111111-2222-3333-4444-555555555555", "GET", "/v2/objects/deals/attributes");

        var (code, message) = ErrorReporter.Describe(error, new Uri("https://api.attio.com/"));

        Assert.Equal(4, code);
        Assert.Equal("Attio returned 404 not_found for GET /v2/objects/deals/attributes. Attio said: Object with slug/ID \"deals\" not found. (execution id 11111111-2222-3333-4444-555555555555).", message);
    }

    [Fact]
    public void The_redacting_writer_masks_a_secret_split_across_writes()
    {
        var inner = new StringWriter();
        using (var writer = new RedactingWriter(inner))
        {
            writer.AddSecret("s3cr3t-token-value");
            writer.Write("token: s3cr3t-");
            writer.Write("token-");
            writer.Write("value and more");
            writer.WriteLine();
            writer.Write("tail s3cr3t-token-value");
        }

        Assert.Equal("token: *** and more" + Environment.NewLine + "tail ***", inner.ToString());
    }
}
