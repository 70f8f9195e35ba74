namespace Attio.Runtime.Tests.Infrastructure;

/// <summary>Finds the repository root (the folder with Attio.sln) and the workspace schema in it.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string SchemaPath => Path.Combine(Root, "attio-schema.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Attio.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Attio.sln not found above " + AppContext.BaseDirectory);
    }
}
