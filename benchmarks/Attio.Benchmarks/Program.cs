using BenchmarkDotNet.Running;

namespace Attio.Benchmarks;

public static class BenchmarkProgram
{
    // dotnet run -c Release --project benchmarks/Attio.Benchmarks -- --filter '*' --warmupCount 3 --iterationCount 15   (bodies, generator)
    // dotnet run -c Release --project benchmarks/Attio.Benchmarks -- --filter '*' --job Dry    (the CI smoke run)
    // dotnet run -c Release --project benchmarks/Attio.Benchmarks -- delivery                  (the bulk sender against the emulator)
    // dotnet run -c Release --project benchmarks/Attio.Benchmarks -- stream                    (an identify stream: hosted-style vs the sender)
    // dotnet run -c Release --project benchmarks/Attio.Benchmarks -- overhead                  (AttioClient vs a bare HttpClient, limits off)
    // dotnet run -c Release --project benchmarks/Attio.Benchmarks -- outbox                    (durable enqueue and delivery from SQLite)
    // dotnet run -c Release --project benchmarks/Attio.Benchmarks -- analyzer-time             (MappingAnalyzer's own time on a build)
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "delivery")
        {
            return await DeliveryScenario.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "stream")
        {
            return await StreamScenario.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "overhead")
        {
            return await OverheadScenario.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "analyzer-time")
        {
            return await AnalyzerTimeScenario.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "outbox")
        {
            return await OutboxScenario.RunAsync(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
