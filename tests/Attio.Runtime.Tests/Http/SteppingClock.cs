using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Attio.Runtime.Tests.Http;

/// <summary>
/// Fake time that moves only when the code under test waits. Every timer it creates (a retry backoff, a pacing wait)
/// is recorded, and <see cref="RunAsync{T}"/> moves the clock to the earliest pending deadline whenever one exists,
/// so a call runs through its waits at once and tests see exactly the waits the client chose. Clients driven this
/// way use an infinite per-attempt timeout, so every timer is a wait.
/// </summary>
internal sealed class SteppingClock : FakeTimeProvider
{
    private readonly Channel<DateTimeOffset> _created = Channel.CreateUnbounded<DateTimeOffset>();
    private readonly List<TimeSpan> _waits = [];

    public SteppingClock()
        : base(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Every wait the code asked for, in the order asked.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_waits)
            {
                return _waits.ToList();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_waits)
            {
                _waits.Add(dueTime);
            }

            _created.Writer.TryWrite(GetUtcNow() + dueTime);
        }

        return timer;
    }

    /// <summary>
    /// Lets <paramref name="call"/> run, moving the clock to each pending deadline in turn, until it ends. When given,
    /// <paramref name="settled"/> (called with the number of deadlines passed so far) must hold before the clock moves
    /// on, so what a deadline released (a request) reaches the server at that time and not at a later one.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> call, Func<int, bool>? settled = null)
    {
        var deadlines = new PriorityQueue<DateTimeOffset, DateTimeOffset>();
        int passed = 0;
        while (!call.IsCompleted)
        {
            if (settled is not null && !settled(passed))
            {
                await Task.Yield();
                continue;
            }

            while (_created.Reader.TryRead(out DateTimeOffset deadline))
            {
                deadlines.Enqueue(deadline, deadline);
            }

            if (deadlines.TryDequeue(out DateTimeOffset next, out _))
            {
                if (next > GetUtcNow())
                {
                    SetUtcNow(next);
                }

                passed++;

                await Task.Yield();
                continue;
            }

            await Task.WhenAny(call, _created.Reader.WaitToReadAsync().AsTask());
        }

        return await call;
    }

    public Task RunAsync(Task call, Func<int, bool>? settled = null) =>
        RunAsync(call.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), settled);
}
