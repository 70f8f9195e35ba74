using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace Attio.Generators.Tests.Infrastructure;

/// <summary>Compiles generated code to an in-memory assembly so tests can use the generated types.</summary>
public static class CompiledWorkspace
{
    private static readonly Lazy<Assembly> RepositorySchemaAssembly = new(() =>
        Load(GeneratorHarness.Run(File.ReadAllText(RepositoryPaths.Schema), globalOptions: new Dictionary<string, string> { ["build_property.AttioNamespace"] = "Northwind.Crm" }).Compilation));

    public static Assembly ForRepositorySchema => RepositorySchemaAssembly.Value;

    public static Type Type(string name) => ForRepositorySchema.GetType("Northwind.Crm." + name, throwOnError: true)!;

    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("generated-" + Guid.NewGuid(), isCollectible: true).LoadFromStream(stream);
    }
}
