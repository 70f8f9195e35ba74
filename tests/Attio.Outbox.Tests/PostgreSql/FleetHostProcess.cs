using System.Diagnostics;

namespace Attio.Outbox.Tests.PostgreSql;

/// <summary>One fleet instance: tests/Attio.Outbox.FleetHost as a child process, with the lines it prints as signals.</summary>
internal sealed class FleetHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private FleetHostProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public TaskCompletionSource Enqueued { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static FleetHostProcess Start(string connectionString, string schema, Uri baseAddress, string token, string prefix, int count, int rate, TimeSpan lease)
    {
        // The host is built next to this assembly's configuration folder (the test project references it, so it is built first).
        string dll = Path.Combine(Attio.Tests.RepositoryRoot.Path, "tests", "Attio.Outbox.FleetHost", "bin",
            new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "Attio.Outbox.FleetHost.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[]
        {
            dll, "--postgres", connectionString, "--schema", schema, "--base-url", baseAddress.ToString(), "--token", token,
            "--prefix", prefix, "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--rate", rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--lease", lease.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        var host = new FleetHostProcess(Process.Start(start)!);
        host._process.OutputDataReceived += (_, e) => host.Line(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Line(e.Data is null ? null : "stderr: " + e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for a clean exit; fails with the host's output when it does not come within <paramref name="timeout"/>.</summary>
    public async Task<int> ExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"fleet host {Pid} did not finish within {timeout.TotalSeconds} s; its output:\n{Output}");
        }

        return _process.ExitCode;
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal("CONT");
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Line(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line.StartsWith("enqueued", StringComparison.Ordinal))
        {
            Enqueued.TrySetResult();
        }
    }
}
