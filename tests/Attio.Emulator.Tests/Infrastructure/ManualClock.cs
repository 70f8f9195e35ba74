namespace Attio.Emulator.Tests.Infrastructure;

/// <summary>A clock tests move by hand, so timestamps are exact.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
