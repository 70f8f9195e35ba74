using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Attio.Delivery.Tests;

/// <summary>
/// A fake clock that tells the test when the code under test has set a timer of a given due time. Moving a fake clock
/// before the timer exists moves it past nothing; waiting for the timer instead of for the wall clock keeps the test exact.
/// </summary>
internal sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    /// <summary>How long a test waits for something that should happen at once before it fails instead of hanging.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<TimeSpan, TaskCompletionSource> _created = new();

    /// <summary>Completes once a timer due after <paramref name="dueTime"/> has been created (at once if one already was).</summary>
    public Task TimerCreated(TimeSpan dueTime) => Signal(dueTime).Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Signal(dueTime).TrySetResult();
        return timer;
    }

    private TaskCompletionSource Signal(TimeSpan dueTime) =>
        _created.GetOrAdd(dueTime, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
