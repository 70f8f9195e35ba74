namespace Attio.Outbox.Tests;

/// <summary>A fresh directory per test for outbox files, deleted afterwards.</summary>
public sealed class SqliteTestFiles : IDisposable
{
    public SqliteTestFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "attio-outbox-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string NewPath(string name = "outbox.db") => Path.Combine(Directory, name);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a failed test must not hide that test's own failure.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static AttioOutboxMessage Message(int i, params string[] keys) =>
        new($$"""{"version":1,"n":{{i}}}""", keys.Length == 0 ? [$"people:email:user-{i}@test"] : keys,
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i), $"identify user-{i}");
}
