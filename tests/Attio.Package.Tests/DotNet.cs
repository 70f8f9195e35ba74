using System.Diagnostics;

namespace Attio.Package.Tests;

/// <summary>Runs the dotnet CLI as a user would, capturing its output.</summary>
internal static class DotNet
{
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments) =>
        Start("dotnet", workingDirectory, arguments);

    /// <summary>Runs a repository script the way the README tells users to (<c>bash build/pack.sh ...</c>).</summary>
    public static (int ExitCode, string Output) Bash(string workingDirectory, params string[] arguments) =>
        Start("bash", workingDirectory, arguments);

    /// <summary>Runs an installed executable (a dotnet tool's shim).</summary>
    public static (int ExitCode, string Output) Exec(string executable, string workingDirectory, params string[] arguments) =>
        Start(executable, workingDirectory, arguments);

    private static (int ExitCode, string Output) Start(string fileName, string workingDirectory, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A consumer build must not inherit this test run's MSBuild state.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in 8 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public static string RepositoryRoot => Attio.Tests.RepositoryRoot.Path;
}
