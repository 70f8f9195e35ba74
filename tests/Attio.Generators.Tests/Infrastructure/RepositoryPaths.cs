namespace Attio.Generators.Tests.Infrastructure;

/// <summary>Finds files of this repository and of the shared reference folder beside it.</summary>
public static class RepositoryPaths
{
    public static string Root => Attio.Tests.RepositoryRoot.Path;

    public static string Schema => Path.Combine(Root, "attio-schema.json");

    public static string SnapshotDirectory => Path.Combine(Root, "tests", "Attio.Generators.Tests", "_snapshots");
}
