using System.Text.Json.Nodes;
using Attio.Generators.Tests.Infrastructure;
using Xunit;

namespace Attio.Generators.Tests;

/// <summary>The generated AttioAttributeInfo carries is_unique, is_required and each reference target's unique attributes.</summary>
public sealed class AttributeFactsTests
{
    [Fact]
    public void UniqueRequiredAndTargetKeysAreEmitted()
    {
        var partners = SchemaBuilder.Object("partners", "Partner",
            SchemaBuilder.Attribute("code", "text", unique: true),
            SchemaBuilder.Attribute("site", "domain", unique: true, multiselect: true),
            SchemaBuilder.Attribute("label", "text"));
        string partnersId = (string)partners["id"]!["object_id"]!;

        var name = SchemaBuilder.Attribute("name", "text");
        name["is_required"] = true;
        var stage = SchemaBuilder.Attribute("region", "text");
        stage["is_required"] = true;
        stage["is_default_value_enabled"] = true;
        stage["default_value"] = new JsonObject { ["type"] = "static", ["template"] = new JsonArray() };
        var partner = Reference("partner", partnersId);
        var elsewhere = Reference("elsewhere", Guid.NewGuid().ToString());
        var contracts = SchemaBuilder.Object("contracts", "Contract", name, stage, partner, elsewhere);

        var run = GeneratorHarness.Run(SchemaBuilder.Document(partners, contracts));

        Assert.Empty(run.CompilationProblems);
        string contract = run.GeneratedSources.Single(s => s.Key.EndsWith("Contract.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("""Name = new("contracts", "name", global::Attio.AttioAttributeType.Text, false, null) { IsRequired = true };""", contract);
        Assert.Contains("""Region = new("contracts", "region", global::Attio.AttioAttributeType.Text, false, null);""", contract);
        Assert.Contains(
            """{ TargetUniqueAttributes = new global::Attio.AttioAttributeInfo[] { new("partners", "code", global::Attio.AttioAttributeType.Text) { IsUnique = true }, new("partners", "site", global::Attio.AttioAttributeType.Domain) { IsUnique = true } } };""",
            contract);
        string elsewhereLine = contract.Split('\n').Single(l => l.Contains("Elsewhere = new(", StringComparison.Ordinal));
        Assert.DoesNotContain("TargetUniqueAttributes", elsewhereLine);

        string partnerClass = run.GeneratedSources.Single(s => s.Key.EndsWith("Partner.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("""Code = new("partners", "code", global::Attio.AttioAttributeType.Text, false, null) { IsUnique = true };""", partnerClass);
    }

    private static JsonObject Reference(string slug, string allowedObjectId)
    {
        var attribute = SchemaBuilder.Attribute(slug, "record-reference");
        attribute["config"] = new JsonObject { ["record_reference"] = new JsonObject { ["allowed_object_ids"] = new JsonArray(allowedObjectId) } };
        return attribute;
    }
}
