namespace Attio.Emulator.Tests.Infrastructure;

internal static class RepoPaths
{
    /// <summary>The folder holding Attio.sln, found by walking up from the test binaries.</summary>
    public static string Root => Attio.Tests.RepositoryRoot.Path;

    public static string SchemaFile => Path.Combine(Root, "attio-schema.json");

    /// <summary>The shared reference folder is a sibling of the repository.</summary>
    public static string OpenApiFile => Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", "attio-openapi.yaml"));
}
