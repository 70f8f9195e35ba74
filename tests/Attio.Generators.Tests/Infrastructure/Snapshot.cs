namespace Attio.Generators.Tests.Infrastructure;

/// <summary>
/// Golden-file snapshots of generated code under tests/Attio.Generators.Tests/_snapshots.
/// Set ATTIO_UPDATE_SNAPSHOTS=1 to rewrite them after an intended change, then review the diff.
/// </summary>
public static class Snapshot
{
    public static void Match(string name, string actual)
    {
        string path = Path.Combine(RepositoryPaths.SnapshotDirectory, name);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("ATTIO_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No snapshot {path}. Run the tests with ATTIO_UPDATE_SNAPSHOTS=1 to create it, then review it.");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
        {
            File.WriteAllText(path + ".received.cs", actual);
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            int line = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
            Assert.Fail($"Snapshot {name} differs at line {line + 1}.\nexpected: {expectedLines.ElementAtOrDefault(line)}\nactual:   {actualLines.ElementAtOrDefault(line)}\nThe new output is in {path}.received.cs; if the change is intended, rerun with ATTIO_UPDATE_SNAPSHOTS=1.");
        }
    }
}
