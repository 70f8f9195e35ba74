using BenchmarkDotNet.Running;

namespace Attio.Benchmarks;

public static class BenchmarkProgram
{
    // dotnet run -c Release --project benchmarks/Attio.Benchmarks -- --filter '*'              (the figures in docs/benchmarks.md)
    // dotnet run -c Release --project benchmarks/Attio.Benchmarks -- --filter '*' --job Dry    (the CI smoke run)
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
