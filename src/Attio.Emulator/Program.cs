using Attio.Emulator;

// Standalone use: dotnet run --project src/Attio.Emulator -- --schema attio-schema.json --port 5080 [--token T] [--no-rate-limits]
var settings = CommandLine.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine("usage: Attio.Emulator --schema <attio-schema.json> [--port <port>] [--token <64 chars>] [--no-rate-limits]");
    return 2;
}

await using var emulator = await AttioEmulator.StartAsync(settings.Value.SchemaPath, settings.Value.Options);
Console.WriteLine($"Attio emulator listening on {emulator.BaseAddress}");
Console.WriteLine($"API token: {emulator.ApiToken}");
Console.WriteLine("Press Ctrl+C to stop.");

var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopped.TrySetResult();
};
// SIGTERM (docker stop, kill, CI job cancellation) should stop the server as cleanly as Ctrl+C does.
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stopped.TrySetResult();
});
await stopped.Task;
return 0;
