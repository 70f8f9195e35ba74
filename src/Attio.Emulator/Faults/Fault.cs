namespace Attio.Emulator.Faults;

internal sealed record Fault(FaultKind Kind, TimeSpan Delay, int StatusCode = 0, string? Body = null);
