using System.IO.Compression;
using System.Xml.Linq;
using Attio.Cli.Tests.Infrastructure;

namespace Attio.Cli.Tests;

/// <summary>The built tool as a real process: exit codes, streams and the environment variables as a shell sees them.</summary>
public sealed class ProcessTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly string ToolDll = Path.Combine(AppContext.BaseDirectory, "attio.dll");

    private LocalAttio Emulator => fixture.Emulator;

    [Fact]
    public async Task The_built_tool_pulls_and_checks_from_the_environment()
    {
        using var dir = new TempDirectory();
        var environment = new Dictionary<string, string?>
        {
            ["ATTIO_API_TOKEN"] = Emulator.Token,
            ["ATTIO_BASE_URL"] = Emulator.Server.BaseAddress.ToString(),
        };

        var pull = await Processes.RunAsync("dotnet", ["exec", ToolDll, "schema", "pull"], environment, dir.Path);
        var check = await Processes.RunAsync("dotnet", ["exec", ToolDll, "schema", "check"], environment, dir.Path);

        Assert.True(pull.ExitCode == 0, pull.ToString());
        // Redirected streams: no progress on stderr, one summary line on stdout.
        Assert.Equal(string.Empty, pull.Stderr);
        Assert.StartsWith("Wrote attio-schema.json (6 objects", pull.Stdout);
        Assert.True(File.Exists(dir.File("attio-schema.json")));
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.DoesNotContain(Emulator.Token, pull.AllOutput + check.AllOutput);
    }

    [Fact]
    public async Task The_built_tool_exits_4_on_a_rejected_token_and_3_on_bad_usage()
    {
        const string token = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        var rejected = await Processes.RunAsync("dotnet", ["exec", ToolDll, "schema", "pull", "-o", "-", "--token", token, "--base-url", Emulator.Server.BaseAddress.ToString()]);
        var usage = await Processes.RunAsync("dotnet", ["exec", ToolDll, "schema", "pull", "--no-such-option"]);
        var help = await Processes.RunAsync("dotnet", ["exec", ToolDll, "schema", "--help"]);

        Assert.Equal(4, rejected.ExitCode);
        Assert.Contains("Attio says the API token is not active", rejected.Stderr);
        Assert.DoesNotContain(token, rejected.AllOutput);
        Assert.Equal(3, usage.ExitCode);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage:", help.Stdout);
        Assert.Contains("attio schema", help.Stdout);
    }

    [Fact]
    public async Task A_missing_token_is_one_line_without_a_stack_trace()
    {
        var result = await Processes.RunAsync("dotnet", ["exec", ToolDll, "schema", "pull", "-o", "-"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: No Attio API token. Pass --token or set ATTIO_API_TOKEN.", line);
    }

    [Fact]
    public async Task Pack_produces_a_dotnet_tool_named_attio()
    {
        // No skip: the tests always run inside the repository, and a silent skip would hide a broken tool package.
        string root = Attio.Tests.RepositoryRoot.Path;
        using var dir = new TempDirectory();

        // --no-build: the test run already built the tool in this configuration; packing only collects it.
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var pack = await Processes.RunAsync("dotnet", ["pack", Path.Combine(root, "src", "Attio.Cli", "Attio.Cli.csproj"), "--no-build", "-c", configuration, "-o", dir.Path], timeout: TimeSpan.FromMinutes(5));

        Assert.True(pack.ExitCode == 0, pack.ToString());
        string package = Assert.Single(Directory.GetFiles(dir.Path, "Attio.Cli.*.nupkg"));
        using var zip = ZipFile.OpenRead(package);
        var settings = zip.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
        Assert.StartsWith("tools/net10.0/any/", settings.FullName);
        using var stream = settings.Open();
        var command = XDocument.Load(stream).Descendants("Command").Single();
        Assert.Equal("attio", (string?)command.Attribute("Name"));
        Assert.Equal("attio.dll", (string?)command.Attribute("EntryPoint"));
        Assert.Contains(zip.Entries, e => e.FullName == "tools/net10.0/any/attio.dll");
        Assert.Contains(zip.Entries, e => e.FullName == "tools/net10.0/any/Attio.Runtime.dll");
        Assert.Contains(zip.Entries, e => e.FullName == "tools/net10.0/any/System.CommandLine.dll");
        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        Assert.Contains(nuspec.Descendants(), e => e.Name.LocalName == "packageType" && (string?)e.Attribute("name") == "DotnetTool");
    }
}
