namespace Attio.Generators.Tests.Infrastructure;

/// <summary>Finds files of this repository and of the shared reference folder beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Schema => Path.Combine(Root, "attio-schema.json");

    public static string SnapshotDirectory => Path.Combine(Root, "tests", "Attio.Generators.Tests", "_snapshots");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Attio.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Attio.sln not found above " + AppContext.BaseDirectory);
    }
}
