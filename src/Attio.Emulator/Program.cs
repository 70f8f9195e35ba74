using Attio.Emulator;

// Standalone use: dotnet run --project src/Attio.Emulator -- --schema attio-schema.json --port 5080 [--token T] [--data F]
var (settings, error) = CommandLine.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

AttioEmulator emulator;
try
{
    emulator = await AttioEmulator.StartAsync(settings.SchemaPath, settings.Options);
}
catch (Exception failure)
{
    // A start-up problem is the user's to fix (wrong path, unreadable or malformed file, port taken): one line, no trace.
    Console.Error.WriteLine($"error: {StartupMessage(failure)}");
    return 1;
}

await using (emulator)
{
    Console.WriteLine($"Attio emulator listening on {emulator.BaseAddress}");
    Console.WriteLine("Point an app at it with:");
    Console.WriteLine($"  export ATTIO_BASE_URL={emulator.BaseAddress}");
    Console.WriteLine($"  export ATTIO_API_TOKEN={emulator.ApiToken}");
    if (settings.Options.DataFile is { } data)
    {
        Console.WriteLine($"Records are kept in {Path.GetFullPath(data)} across restarts.");
    }

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
}

return 0;

static string StartupMessage(Exception failure) => failure switch
{
    FileNotFoundException missing => $"file not found: {missing.FileName}",
    _ => failure.Message,
};
