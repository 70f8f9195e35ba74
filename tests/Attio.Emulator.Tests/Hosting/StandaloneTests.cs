using System.Diagnostics;
using System.Text.Json.Nodes;
using Attio.Emulator.Tests.Infrastructure;
using Xunit;
using static Attio.Emulator.Tests.Infrastructure.RecordJson;

namespace Attio.Emulator.Tests.Hosting;

/// <summary>The standalone emulator as a user runs it: the real program in its own process.</summary>
public sealed class StandaloneTests
{
    private const string LocalToken = "attio-emulator-local-development-token-not-a-secret-000000000000";

    [Fact]
    public async Task A_missing_schema_file_is_one_line_on_stderr_and_a_non_zero_exit()
    {
        var (exit, stdout, stderr) = await RunToExit("--schema", "nope.json");

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Equal("error: file not found: " + Path.GetFullPath("nope.json"), stderr.TrimEnd('\n').TrimEnd('\r'));
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error: --schema is required.")]
    [InlineData("error: --token must be 1 to 1024 printable ASCII characters without spaces.", "--schema", "x.json", "--token", "has space")]
    [InlineData("error: --rate-limit-mode must be token-bucket or sliding, not \"fast\".", "--schema", "x.json", "--rate-limit-mode", "fast")]
    [InlineData("error: unexpected argument", "--schema", "x.json", "stray-secret")]
    public async Task Bad_arguments_print_the_reason_and_the_usage(string reason, params string[] args)
    {
        var (exit, _, stderr) = await RunToExit(args);

        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(2, exit);
        Assert.Equal(reason, lines[0]);
        Assert.StartsWith("usage: Attio.Emulator --schema <attio-schema.json> [--port <port>] [--token <token>] [--data <file.json>]", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("stray-secret", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("has space", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LocalToken)]
    [InlineData("short")]
    public async Task Prints_the_env_lines_to_copy_with_a_stable_default_token_or_the_one_given(string token)
    {
        var args = token == LocalToken
            ? new[] { "--schema", RepoPaths.SchemaFile, "--no-rate-limits" }
            : ["--schema", RepoPaths.SchemaFile, "--no-rate-limits", "--token", token];
        using var process = Start(args);
        try
        {
            var listening = await process.StandardOutput.ReadLineAsync();
            var hint = await process.StandardOutput.ReadLineAsync();
            var baseUrl = await process.StandardOutput.ReadLineAsync();
            var tokenLine = await process.StandardOutput.ReadLineAsync();

            Assert.StartsWith("Attio emulator listening on http://127.0.0.1:", listening, StringComparison.Ordinal);
            Assert.Equal("Point an app at it with:", hint);
            var address = baseUrl!.Trim()["export ATTIO_BASE_URL=".Length..];
            Assert.Equal($"  export ATTIO_BASE_URL={address}", baseUrl);
            Assert.Equal($"  export ATTIO_API_TOKEN={token}", tokenLine);

            using var http = new HttpClient { BaseAddress = new Uri(address) };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var self = JsonNode.Parse(await http.GetStringAsync("v2/self"))!;
            Assert.True((bool)self["active"]!);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Records_survive_a_restart_with_a_data_file()
    {
        var data = Path.Combine(Path.GetTempPath(), $"attio-emulator-data-{Guid.NewGuid():N}.json");
        try
        {
            string person;
            await using (var first = await Emulators.Start(new AttioEmulatorOptions { EnforceRateLimits = false, DataFile = data }))
            {
                using var client = new ApiClient(first);
                var company = await client.CreateId("companies", new() { ["domains"] = new JsonArray("acme.com"), ["name"] = "Acme" });
                person = await client.CreateId("people", new()
                {
                    ["email_addresses"] = new JsonArray("ada@acme.com"),
                    ["company"] = new JsonObject { ["target_object"] = "companies", ["target_record_id"] = company },
                });
                var removed = await client.CreateId("people", new() { ["email_addresses"] = new JsonArray("gone@acme.com") });
                await client.Delete($"v2/objects/people/records/{removed}");
            }

            await using var second = await Emulators.Start(new AttioEmulatorOptions { EnforceRateLimits = false, DataFile = data });
            using var again = new ApiClient(second);
            var read = await again.Get($"v2/objects/people/records/{person}");
            var duplicate = await again.Create("people", new() { ["email_addresses"] = new JsonArray("ADA@acme.com") });

            Assert.Equal(["ada@acme.com"], Fields(read.Data, "email_addresses", "email_address"));
            Assert.Equal(1, second.Store.Count("companies"));
            Assert.Equal(1, second.Store.Count("people"));
            Assert.Equal("uniqueness_conflict", duplicate.Code);
            var stored = Assert.Single(second.Store.Records("companies"));
            Assert.Equal([person], Fields(stored, "team", "target_record_id"));
        }
        finally
        {
            File.Delete(data);
        }
    }

    [Fact]
    public async Task Without_a_data_file_a_restart_starts_empty()
    {
        await using (var first = await Emulators.Start())
        {
            using var client = new ApiClient(first);
            await client.CreateId("people", new() { ["job_title"] = "CTO" });
        }

        await using var second = await Emulators.Start();
        Assert.Equal(0, second.Store.Count("people"));
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Attio.Emulator.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunToExit(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
}
