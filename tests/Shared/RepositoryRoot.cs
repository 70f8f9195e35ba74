namespace Attio.Tests;

/// <summary>
/// The repository root (the folder holding Attio.sln), found by walking up from the test binaries. Linked into every
/// test project by tests/Directory.Build.props, so each project's path helpers share one lookup.
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string?> Found = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Attio.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    });

    /// <summary>The root, or null when the tests run from a copied output folder.</summary>
    public static string? TryFind() => Found.Value;

    /// <summary>The root; throws when the tests do not run inside the repository.</summary>
    public static string Path => Found.Value ?? throw new InvalidOperationException("Attio.sln not found above " + AppContext.BaseDirectory);
}
