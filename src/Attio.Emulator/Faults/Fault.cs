namespace Attio.Emulator.Faults;

internal sealed record Fault(FaultKind Kind, TimeSpan Delay);
