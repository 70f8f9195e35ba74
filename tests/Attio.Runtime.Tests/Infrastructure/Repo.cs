namespace Attio.Runtime.Tests.Infrastructure;

/// <summary>Finds the repository root (the folder with Attio.sln) and the workspace schema in it.</summary>
internal static class Repo
{
    public static string Root => Attio.Tests.RepositoryRoot.Path;

    public static string SchemaPath => Path.Combine(Root, "attio-schema.json");
}
