using System.ComponentModel;
using System.Reflection;
using Xunit;

namespace Attio.Runtime.Tests.PublicSurface;

/// <summary>
/// Issue 12.9: what generated code needs stays public (generated code lives in the user's assembly) but out of sight:
/// in Attio.Internal and hidden from IntelliSense, so the product namespace shows only records, clients and values.
/// </summary>
public sealed class InternalPlumbingTests
{
    private static readonly Assembly Runtime = typeof(AttioRecord).Assembly;

    [Theory]
    [InlineData("AttioFields")]
    [InlineData("AttioCodecs")]
    [InlineData("IAttioValueCodec`1")]
    [InlineData("AttioMappingConversions")]
    [InlineData("AttioMappedKeys")]
    public void Plumbing_lives_in_Attio_Internal_and_is_hidden_from_IntelliSense(string name)
    {
        Assert.Null(Runtime.GetType("Attio." + name));
        Type? type = Runtime.GetType("Attio.Internal." + name);
        Assert.NotNull(type);
        Assert.True(type!.IsPublic, $"{name} must stay public: generated code in other assemblies calls it");
        Assert.Equal(EditorBrowsableState.Never, type.GetCustomAttribute<EditorBrowsableAttribute>()?.State);
    }

    [Theory]
    [InlineData(nameof(AttioRecord.GetState))]
    [InlineData(nameof(AttioRecord.CollectValidationErrors))]
    [InlineData(nameof(AttioRecord.WriteValues))]
    public void Record_members_only_generated_code_needs_are_hidden(string member)
    {
        MethodInfo method = typeof(AttioRecord).GetMethod(member)!;
        Assert.Equal(EditorBrowsableState.Never, method.GetCustomAttribute<EditorBrowsableAttribute>()?.State);
    }

    [Fact]
    public void Runtime_only_helpers_are_not_public()
    {
        Assert.Null(typeof(AttioRecord).GetMethod("CollectMissingRequired"));
        Assert.Null(typeof(AttioClient).GetMethod("ValidateForAssert"));
    }

    [Fact]
    public void The_product_namespace_exports_no_codec_types()
    {
        string[] codecTypes = Runtime.GetExportedTypes()
            .Where(t => t.Namespace == "Attio" && t.Name.Contains("Codec", StringComparison.Ordinal))
            .Select(t => t.FullName!)
            .ToArray();
        Assert.Empty(codecTypes);
    }
}
