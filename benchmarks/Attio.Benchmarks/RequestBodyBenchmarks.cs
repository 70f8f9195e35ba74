using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Northwind.Crm;

namespace Attio.Benchmarks;

/// <summary>
/// Writing an identify's two request bodies from data already in memory: the generated writer vs the hand-written
/// floor vs dictionaries with reflection-based JsonSerializer vs JsonNode. The targets in docs/benchmarks.md apply here.
/// </summary>
[MemoryDiagnoser]
public class RequestBodyBenchmarks
{
    private readonly ArrayBufferWriter<byte> _personBuffer = new(4096);
    private readonly ArrayBufferWriter<byte> _userBuffer = new(4096);
    private Utf8JsonWriter _person = null!;
    private Utf8JsonWriter _user = null!;
    private (Person Person, User User) _records;
    private (Dictionary<string, object?> Person, Dictionary<string, object?> User) _dictionaries;
    private (JsonObject Person, JsonObject User) _nodes;

    [GlobalSetup]
    public void Setup()
    {
        _person = new Utf8JsonWriter(_personBuffer);
        _user = new Utf8JsonWriter(_userBuffer);
        _records = IdentifyBodies.BuildRecords();
        _dictionaries = IdentifyBodies.BuildDictionaries();
        _nodes = IdentifyBodies.BuildJsonNodes();
    }

    [Benchmark(Baseline = true, Description = "Hand-written Utf8JsonWriter (floor)")]
    public long HandWritten()
    {
        Reset();
        IdentifyBodies.WriteByHand(_person, _user);
        return Flush();
    }

    [Benchmark(Description = "Generated writer")]
    public long Generated()
    {
        Reset();
        _records.Person.WriteRequestBody(_person);
        _records.User.WriteRequestBody(_user);
        return Flush();
    }

    [Benchmark(Description = "Dictionary + reflection JsonSerializer")]
    public long Dictionary()
    {
        Reset();
        IdentifyBodies.SerializeDictionaries(_person, _dictionaries.Person, _user, _dictionaries.User);
        return Flush();
    }

    [Benchmark(Description = "JsonNode")]
    public long JsonNodes()
    {
        Reset();
        _nodes.Person.WriteTo(_person);
        _nodes.User.WriteTo(_user);
        return Flush();
    }

    private void Reset()
    {
        _personBuffer.ResetWrittenCount();
        _userBuffer.ResetWrittenCount();
        _person.Reset();
        _user.Reset();
    }

    private long Flush()
    {
        _person.Flush();
        _user.Flush();
        return _personBuffer.WrittenCount + _userBuffer.WrittenCount;
    }
}

/// <summary>The same bodies per event, building the input each time (what an event handler pays end to end).</summary>
[MemoryDiagnoser]
public class PerEventBodyBenchmarks
{
    private readonly ArrayBufferWriter<byte> _personBuffer = new(4096);
    private readonly ArrayBufferWriter<byte> _userBuffer = new(4096);
    private Utf8JsonWriter _person = null!;
    private Utf8JsonWriter _user = null!;

    [GlobalSetup]
    public void Setup()
    {
        _person = new Utf8JsonWriter(_personBuffer);
        _user = new Utf8JsonWriter(_userBuffer);
    }

    [Benchmark(Baseline = true, Description = "Hand-written Utf8JsonWriter (floor)")]
    public long HandWritten() => Run(IdentifyBodies.WriteByHand);

    [Benchmark(Description = "Generated records, built and written")]
    public long Generated() => Run(IdentifyBodies.WriteGenerated);

    [Benchmark(Description = "Dictionary + reflection JsonSerializer, built and written")]
    public long Dictionary() => Run(IdentifyBodies.WriteDictionaries);

    [Benchmark(Description = "JsonNode, built and written")]
    public long JsonNodes() => Run(IdentifyBodies.WriteJsonNodes);

    private long Run(Action<Utf8JsonWriter, Utf8JsonWriter> write)
    {
        _personBuffer.ResetWrittenCount();
        _userBuffer.ResetWrittenCount();
        _person.Reset();
        _user.Reset();
        write(_person, _user);
        _person.Flush();
        _user.Flush();
        return _personBuffer.WrittenCount + _userBuffer.WrittenCount;
    }
}
