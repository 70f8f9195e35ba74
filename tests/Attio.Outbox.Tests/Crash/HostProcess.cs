using System.Diagnostics;
using System.Threading.Channels;
using Attio.Tests;

namespace Attio.Outbox.Tests.Crash;

/// <summary>One run of tests/Attio.Outbox.Host as a real child process, with its stdout markers readable as they come.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    // A safety net for a hung child, not a measurement: every wait ends on a marker or on exit long before.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _seen = [];
    private readonly System.Text.StringBuilder _stderr = new();

    private HostProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The host's built dll, next to the tests' own configuration (Debug or Release).</summary>
    public static string HostDll
    {
        get
        {
            string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            string dll = Path.Combine(RepositoryRoot.Path, "tests", "Attio.Outbox.Host", "bin", configuration, "net10.0", "Attio.Outbox.Host.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build tests/Attio.Outbox.Host first ({dll} is missing).");
        }
    }

    public IReadOnlyList<string> Seen => _seen;

    public static HostProcess Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(HostDll);
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new HostProcess(Process.Start(info)!);
    }

    /// <summary>Reads markers until one satisfies <paramref name="done"/>; returns it.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> done)
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            await foreach (string line in _lines.Reader.ReadAllAsync(patience.Token))
            {
                _seen.Add(line);
                if (done(line))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No such marker from the host within {Patience}. {Describe()}");
        }

        throw new InvalidOperationException($"The host ended without the marker. {Describe()}");
    }

    /// <summary>The highest <c>enqueued K</c> seen so far.</summary>
    public int LastEnqueued => _seen.Where(l => l.StartsWith("enqueued ", StringComparison.Ordinal)).Select(l => int.Parse(l[9..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    /// <summary>SIGKILL: no shutdown, no flush, no finally blocks; whatever was committed is all there is.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Waits for a normal end ("flushed" for a delivering run) and asserts exit code 0.</summary>
    public async Task CompleteAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        await foreach (string line in _lines.Reader.ReadAllAsync(patience.Token))
        {
            _seen.Add(line);
        }

        await _process.WaitForExitAsync(patience.Token);
        Assert.True(_process.ExitCode == 0, $"The host failed. {Describe()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private string Describe()
    {
        lock (_stderr)
        {
            return $"Exit: {(_process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "running")}. Markers: {string.Join(" | ", _seen.TakeLast(10))}. Stderr: {_stderr}";
        }
    }
}
