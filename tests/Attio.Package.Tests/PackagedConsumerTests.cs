using System.IO.Compression;
using System.Xml.Linq;

namespace Attio.Package.Tests;

/// <summary>
/// Installs the packages the way users do: packed into a local folder feed, referenced by a fresh project outside
/// this repository (no project references), built and run against the packaged emulator.
/// </summary>
public sealed class PackagedConsumerTests : IClassFixture<PackagedConsumerTests.Feed>
{
    private readonly Feed _feed;

    public PackagedConsumerTests(Feed feed) => _feed = feed;

    [Fact]
    public void TheRuntimePackageCarriesTheGeneratorInOneAnalyzerFolder()
    {
        using var package = ZipFile.OpenRead(Path.Combine(_feed.Directory, $"Attio.Runtime.{_feed.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("lib/net10.0/Attio.Runtime.dll", entries);
        Assert.Contains("buildTransitive/Attio.Runtime.props", entries);
        var analyzers = entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).ToList();
        Assert.Contains("analyzers/dotnet/cs/Attio.Generators.dll", analyzers);
        Assert.All(analyzers, e => Assert.StartsWith("analyzers/dotnet/cs/", e));
        Assert.Equal(analyzers.Count, analyzers.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void ThePackScriptBuildsEveryPackageAUserInstallsWithTheMetadataDeclaredOnce()
    {
        var props = XDocument.Load(Path.Combine(DotNet.RepositoryRoot, "Directory.Build.props"));
        string Declared(string name) => props.Descendants(name).Single().Value;

        foreach (var id in new[] { "Attio.Runtime", "Attio.Emulator", "Attio.Cli", "Attio.Outbox.Sqlite", "Attio.Outbox.PostgreSql", "Attio.AspNetCore" })
        {
            using var package = ZipFile.OpenRead(_feed.Package(id));
            var nuspec = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string? Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

            Assert.Equal(Declared("RepositoryUrl"), (string?)metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url"));
            Assert.Equal(Declared("PackageLicenseExpression"), Field("license"));
            Assert.Equal("README.md", Field("readme"));
            Assert.Contains(package.Entries, e => e.FullName == "README.md");
        }

        // Which package holds what, as the README's install table says.
        using (var emulator = ZipFile.OpenRead(_feed.Package("Attio.Emulator")))
        {
            Assert.Contains(emulator.Entries, e => e.FullName == "lib/net10.0/Attio.Emulator.dll");
        }

        using (var cli = ZipFile.OpenRead(_feed.Package("Attio.Cli")))
        {
            Assert.Contains(cli.Entries, e => e.FullName == "tools/net10.0/any/attio.dll");
        }

        using (var postgres = ZipFile.OpenRead(_feed.Package("Attio.Outbox.PostgreSql")))
        {
            Assert.Contains(postgres.Entries, e => e.FullName == "lib/net10.0/Attio.Outbox.PostgreSql.dll");
            string nuspec = new StreamReader(postgres.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
            Assert.Contains("id=\"Npgsql\"", nuspec);
            Assert.Contains("id=\"Attio.Runtime\"", nuspec);
        }

        Assert.Contains("dotnet tool install --global Attio.Cli", _feed.PackOutput);
    }

    [Fact]
    public void TheToolInstallsFromTheFolderFeedAndRuns()
    {
        string tools = Path.Combine(_feed.Root, "tools");
        var (installExit, installOutput) = DotNet.Run(_feed.Root, "tool", "install", "Attio.Cli", "--tool-path", tools, "--version", _feed.Version, "--configfile", _feed.NuGetConfig);
        Assert.True(installExit == 0, installOutput);

        string schema = Path.Combine(DotNet.RepositoryRoot, "attio-schema.json");
        var diff = DotNet.Exec(Path.Combine(tools, "attio"), _feed.Root, "schema", "diff", schema, schema);

        Assert.True(diff.ExitCode == 0, diff.Output);
        Assert.Contains("No changes", diff.Output);
    }

    [Fact]
    public void AFreshConsumerGetsTypedRecordsFromItsSchemaAndAssertsAgainstTheEmulator()
    {
        string project = _feed.CreateConsumer("Consumer", """
            using Attio;
            using Attio.Emulator;
            using Consumer.Attio;

            await using var emulator = await AttioEmulator.StartAsync("attio-schema.json");
            using var client = new AttioClient(new AttioClientOptions { ApiToken = emulator.ApiToken, BaseAddress = emulator.BaseAddress });
            var stored = await client.AssertPersonAsync(new Person { EmailAddresses = ["Packaged@Example.com"], JobTitle = "Installer" });
            Console.WriteLine("stored " + stored.GetString("email_addresses", "email_address") + " " + stored.GetString("job_title"));
            """);

        var (exitCode, output) = DotNet.Run(project, "run", "--configfile", _feed.NuGetConfig);

        Assert.True(exitCode == 0, output);
        Assert.Contains("stored packaged@example.com Installer", output);
    }

    [Fact]
    public void ATypoInAMappedSlugFailsTheBuildWithAttio001AtTheLiteralAndTheFixedProjectRuns()
    {
        const string Program = """
            using Attio;
            using Attio.Emulator;
            using Typo.Attio;

            await using var emulator = await AttioEmulator.StartAsync("attio-schema.json");
            using var client = new AttioClient(new AttioClientOptions { ApiToken = emulator.ApiToken, BaseAddress = emulator.BaseAddress });
            var stored = await client.AssertPersonAsync(new ProfileUpdated("Typo@Example.com", "@fixed"));
            Console.WriteLine("stored " + stored.GetString("email_addresses", "email_address") + " " + stored.GetString("twitter"));

            [AttioObject("people")]
            public partial record ProfileUpdated(
                [property: AttioMap("email_addresses")] string Email,
                [property: AttioMap("SLUG")] string? TwitterHandle);
            """;
        string project = _feed.CreateConsumer("Typo", Program.Replace("SLUG", "twiter"));

        var (failedExit, failedOutput) = DotNet.Run(project, "build", "--configfile", _feed.NuGetConfig);

        Assert.NotEqual(0, failedExit);
        Assert.Matches(@"Program\.cs\(13,25\): error ATTIO001: The object 'people' has no attribute 'twiter' in the exported schema; did you mean 'twitter'\?", failedOutput);
        // The help link follows the repository the packages declare (Directory.Build.props), not a second copy of it.
        string repositoryUrl = XDocument.Load(Path.Combine(DotNet.RepositoryRoot, "Directory.Build.props")).Descendants("RepositoryUrl").Single().Value;
        Assert.Contains($"({repositoryUrl}/blob/main/docs/diagnostics/ATTIO001.md)", failedOutput);

        // ATTIO001 comes from the analyzer (live in editors), not the generator: with analyzers skipped (the compiler's
        // /skipanalyzers, which still runs source generators) the same build reports no ATTIO001 at all.
        var (_, generatorOnlyOutput) = DotNet.Run(project, "build", "--configfile", _feed.NuGetConfig, "-p:RunAnalyzers=false");
        Assert.DoesNotContain("ATTIO001", generatorOnlyOutput);
        Assert.DoesNotContain("'Typo'", generatorOnlyOutput); // the generator still ran: its namespace exists

        File.WriteAllText(Path.Combine(project, "Program.cs"), Program.Replace("SLUG", "twitter"));
        var (exitCode, output) = DotNet.Run(project, "run", "--configfile", _feed.NuGetConfig);

        Assert.True(exitCode == 0, output);
        Assert.Contains("stored typo@example.com @fixed", output);
    }

    [Fact]
    public void AnInvalidSchemaFailsTheConsumersBuildWithAttio007AtTheRightLine()
    {
        string project = _feed.CreateConsumer("BrokenSchema", "System.Console.WriteLine();", schema: "{\n  \"objects\": [\n    { \"api_slug\": \"people\", }\n  ]\n}\n");

        var (exitCode, output) = DotNet.Run(project, "build", "--configfile", _feed.NuGetConfig);

        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"attio-schema\.json\(3,\d+\): error ATTIO007", output);
    }

    /// <summary>
    /// Runs the install recipe's pack command (build/pack.sh) once, with a version unique to this run so no cached
    /// package is reused.
    /// </summary>
    public sealed class Feed : IDisposable
    {
        public Feed()
        {
            Root = Path.Combine(Path.GetTempPath(), "attio-package-tests-" + Guid.NewGuid().ToString("N"));
            Directory = Path.Combine(Root, "feed");
            Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Random.Shared.Next(100000);
            (int exitCode, PackOutput) = DotNet.Bash(DotNet.RepositoryRoot, "build/pack.sh", "--output", Directory, "--version", Version);
            Assert.True(exitCode == 0, PackOutput);

            // The nuget.config lines the script prints are the ones the consumers below use: the recipe is tested as printed.
            int start = PackOutput.IndexOf("<configuration>", StringComparison.Ordinal);
            int end = PackOutput.IndexOf("</configuration>", StringComparison.Ordinal);
            Assert.True(start >= 0 && end > start, "build/pack.sh printed no nuget.config lines:\n" + PackOutput);
            NuGetConfig = Path.Combine(Root, "nuget.config");
            File.WriteAllText(NuGetConfig, PackOutput[start..(end + "</configuration>".Length)]);
        }

        public string Root { get; }

        public string Directory { get; }

        public string Version { get; }

        public string NuGetConfig { get; }

        /// <summary>What build/pack.sh printed: the packages and the nuget.config lines to use them.</summary>
        public string PackOutput { get; }

        public string Package(string id) => Path.Combine(Directory, $"{id}.{Version}.nupkg");

        public string CreateConsumer(string name, string program, string? schema = null)
        {
            string folder = Path.Combine(Root, name);
            System.IO.Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Attio.Runtime" Version="{Version}" />
                    <PackageReference Include="Attio.Emulator" Version="{Version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
            File.WriteAllText(Path.Combine(folder, "attio-schema.json"), schema ?? File.ReadAllText(Path.Combine(DotNet.RepositoryRoot, "attio-schema.json")));
            // The emulator reads the schema from the working directory when the program runs.
            return folder;
        }

        public void Dispose()
        {
            try
            {
                System.IO.Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the folder is in the temp directory.
            }
        }
    }
}
