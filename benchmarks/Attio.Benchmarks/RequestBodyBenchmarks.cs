using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Attio.Benchmarks;

/// <summary>An identify's two request bodies: generated writer vs the hand-written floor vs dictionaries vs JsonNode.</summary>
[MemoryDiagnoser]
public class RequestBodyBenchmarks
{
    private readonly ArrayBufferWriter<byte> _person = new(4096);
    private readonly ArrayBufferWriter<byte> _user = new(4096);
    private Utf8JsonWriter _personWriter = null!;
    private Utf8JsonWriter _userWriter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _personWriter = new Utf8JsonWriter(_person);
        _userWriter = new Utf8JsonWriter(_user);
    }

    [Benchmark(Baseline = true, Description = "Hand-written Utf8JsonWriter (floor)")]
    public long HandWritten() => Run(IdentifyBodies.WriteByHand);

    [Benchmark(Description = "Generated records")]
    public long Generated() => Run(IdentifyBodies.WriteGenerated);

    [Benchmark(Description = "Dictionary + reflection JsonSerializer")]
    public long Dictionary() => Run(IdentifyBodies.WriteDictionaries);

    [Benchmark(Description = "JsonNode")]
    public long JsonNodes() => Run(IdentifyBodies.WriteJsonNodes);

    private long Run(Action<Utf8JsonWriter, Utf8JsonWriter> write)
    {
        _person.ResetWrittenCount();
        _user.ResetWrittenCount();
        _personWriter.Reset();
        _userWriter.Reset();
        write(_personWriter, _userWriter);
        _personWriter.Flush();
        _userWriter.Flush();
        return _person.WrittenCount + _user.WrittenCount;
    }
}
