using System.Net;
using System.Net.Sockets;

namespace Attio.Outbox.Tests.PostgreSql;

/// <summary>
/// A TCP forwarder in front of the emulator, one per host process: the emulator's journal does not say which process
/// sent a request, the port a request came through does. Records when each request began (a read that starts with an
/// HTTP method) and completes <see cref="FirstRequest"/> at the first one.
/// </summary>
internal sealed class LoopbackForwarder : IAsyncDisposable
{
    private static readonly string[] Methods = ["GET ", "PUT ", "POST ", "PATCH ", "DELETE "];
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<DateTimeOffset> _requests = [];
    private readonly Task _accepting;

    private readonly RequestTally _tally;

    public LoopbackForwarder(Uri target, RequestTally tally)
    {
        _target = target;
        _tally = tally;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public TaskCompletionSource FirstRequest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When the requests that came through began, in arrival order.</summary>
    public IReadOnlyList<DateTimeOffset> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop with one of these.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_target.Host, _target.Port, _stop.Token);
                NetworkStream up = client.GetStream(), down = server.GetStream();
                Task toServer = CopyAsync(up, down, count: true);
                Task toClient = CopyAsync(down, up, count: false);
                await Task.WhenAny(toServer, toClient);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A host killed mid-request, or the test ending: the connection just ends.
            }
        }
    }

    private async Task CopyAsync(Stream from, Stream to, bool count)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            int n = await from.ReadAsync(buffer, _stop.Token);
            if (n == 0)
            {
                return;
            }

            if (count && StartsRequest(buffer.AsSpan(0, n)))
            {
                lock (_gate)
                {
                    _requests.Add(DateTimeOffset.UtcNow);
                }

                FirstRequest.TrySetResult();
                _tally.Add();
            }

            await to.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
        }
    }

    private static bool StartsRequest(ReadOnlySpan<byte> data)
    {
        foreach (string method in Methods)
        {
            if (data.Length >= method.Length && System.Text.Encoding.ASCII.GetString(data[..method.Length]) == method)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Requests counted over several forwarders, with a wait for "at least n" that needs no polling.</summary>
internal sealed class RequestTally
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _count;

    public void Add()
    {
        lock (_gate)
        {
            _count++;
            foreach ((int count, TaskCompletionSource reached) in _waiters.Where(w => w.Count <= _count).ToList())
            {
                reached.TrySetResult();
            }

            _waiters.RemoveAll(w => w.Count <= _count);
        }
    }

    public Task AtLeastAsync(int count)
    {
        lock (_gate)
        {
            if (_count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task;
        }
    }
}
