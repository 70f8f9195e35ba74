using System.Text.Json.Nodes;
using Attio.Benchmarks;

namespace Attio.Benchmarks.Tests;

/// <summary>The request-body benchmark compares like with like: all four ways produce the same JSON.</summary>
public sealed class RequestBodyEquivalenceTests
{
    [Fact]
    public void TheFourWaysProduceSemanticallyIdenticalBodies()
    {
        var floor = IdentifyBodies.Render(IdentifyBodies.WriteByHand);
        foreach (var (name, write) in new (string, Action<System.Text.Json.Utf8JsonWriter, System.Text.Json.Utf8JsonWriter>)[]
        {
            ("generated", IdentifyBodies.WriteGenerated),
            ("dictionary", IdentifyBodies.WriteDictionaries),
            ("JsonNode", IdentifyBodies.WriteJsonNodes),
        })
        {
            var other = IdentifyBodies.Render(write);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(floor.Person), JsonNode.Parse(other.Person)), $"{name} person body differs:\n{floor.Person}\n{other.Person}");
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(floor.User), JsonNode.Parse(other.User)), $"{name} user body differs:\n{floor.User}\n{other.User}");
        }
    }

    [Fact]
    public void TheGeneratedBodiesAreByteIdenticalToTheFloor()
    {
        Assert.Equal(IdentifyBodies.Render(IdentifyBodies.WriteByHand), IdentifyBodies.Render(IdentifyBodies.WriteGenerated));
    }

    [Fact]
    public void TheSyntheticWorkspaceCoversEveryAttributeType()
    {
        var schema = JsonNode.Parse(SyntheticWorkspace.Schema(2, 40))!;
        var types = schema["objects"]!.AsArray().SelectMany(o => o!["attributes"]!.AsArray()).Select(a => (string)a!["type"]!).Distinct().Count();
        Assert.Equal(17, types);
    }
}
