using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Attio.Outbox.Tests;

/// <summary>A file the store cannot keep its promise with is a clear AttioOutboxException naming the file, never a silent drop.</summary>
public sealed class SqliteOutboxFaultTests : IDisposable
{
    private readonly SqliteTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_file_that_is_not_a_database_fails_at_start()
    {
        string path = _files.NewPath();
        await File.WriteAllTextAsync(path, "these are not the pages you are looking for; " + new string('x', 8_192));
        await using var outbox = new SqliteAttioOutbox(path);

        var error = await Assert.ThrowsAsync<AttioOutboxException>(async () => await outbox.InitializeAsync());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt or not an SQLite database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_with_damaged_pages_fails_on_use_and_stores_nothing_silently()
    {
        string path = _files.NewPath();
        await using (var outbox = new SqliteAttioOutbox(path))
        {
            await outbox.EnqueueManyAsync([.. Enumerable.Range(0, 400).Select(i => SqliteTestFiles.Message(i))]);
        }

        // Pages 3.. hold the tables' b-trees; overwrite them, keep the header so the file still opens as SQLite.
        await using (FileStream file = File.OpenWrite(path))
        {
            file.Position = 2 * 4_096;
            byte[] garbage = Enumerable.Repeat((byte)0xA5, (int)Math.Min(file.Length - file.Position, 64 * 4_096)).ToArray();
            await file.WriteAsync(garbage);
        }

        await using var damaged = new SqliteAttioOutbox(path);
        var error = await Assert.ThrowsAnyAsync<AttioOutboxException>(async () =>
        {
            await damaged.InitializeAsync();
            await damaged.ListAsync(new AttioOutboxQuery { Limit = 1_000 });
            await damaged.EnqueueAsync(SqliteTestFiles.Message(1));
        });

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_lock_held_by_another_process_beyond_the_busy_timeout_fails_the_enqueue()
    {
        string path = _files.NewPath();
        await using var outbox = new SqliteAttioOutbox(path, new SqliteAttioOutboxOptions { BusyTimeout = TimeSpan.FromMilliseconds(100) });
        await outbox.InitializeAsync();
        using var other = new SqliteConnection($"Data Source={path};Pooling=False");
        other.Open();
        using SqliteTransaction held = other.BeginTransaction(deferred: false);

        var error = await Assert.ThrowsAsync<AttioOutboxException>(async () => await outbox.EnqueueAsync(SqliteTestFiles.Message(1)));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("locked by another process", error.Message, StringComparison.Ordinal);
        held.Rollback();
        // Once the lock is gone the same instance stores again: the failure was not a broken state.
        Assert.True(await outbox.EnqueueAsync(SqliteTestFiles.Message(2)) > 0);
        Assert.Equal(["identify user-2"], (await outbox.ListAsync(new AttioOutboxQuery())).Select(row => row.Description));
    }

    [Fact]
    public async Task A_full_file_fails_the_enqueue_that_does_not_fit_and_keeps_what_was_stored()
    {
        // MaxSizeBytes caps the file through SQLite's max_page_count, so this is SQLite's own SQLITE_FULL, as from a full
        // disk, without mounting a tiny file system.
        string path = _files.NewPath();
        await using var outbox = new SqliteAttioOutbox(path, new SqliteAttioOutboxOptions { MaxSizeBytes = 128 * 1_024 });
        string big = new('p', 8_000);
        var stored = new List<long>();
        AttioOutboxException? error = null;
        for (int i = 0; i < 100 && error is null; i++)
        {
            try
            {
                stored.Add(await outbox.EnqueueAsync(SqliteTestFiles.Message(i) with { PlanJson = $$"""{"pad":"{{big}}","n":{{i}}}""" }));
            }
            catch (AttioOutboxException exception)
            {
                error = exception;
            }
        }

        Assert.NotNull(error);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("is full", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(stored);
        Assert.Equal(stored, (await outbox.ListAsync(new AttioOutboxQuery { Limit = 1_000 })).Select(row => row.Id));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_read_only_directory_fails_at_start()
    {
        string directory = Path.Combine(_files.Directory, "readonly");
        string path = Path.Combine(directory, "outbox.db");
        await using (var outbox = new SqliteAttioOutbox(path))
        {
            await outbox.EnqueueAsync(SqliteTestFiles.Message(1));
        }

        using var readOnly = ReadOnlyDirectory.Make(directory);
        await using var reopened = new SqliteAttioOutbox(path);
        var error = await Assert.ThrowsAsync<AttioOutboxException>(async () =>
        {
            await reopened.InitializeAsync();
            await reopened.EnqueueAsync(SqliteTestFiles.Message(2));
        });

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Matches("read-only|cannot be opened", error.Message);
    }

    /// <summary>
    /// Makes a directory read-only for this process: file modes for an ordinary user; root ignores modes, so for root a
    /// read-only bind mount of the directory onto itself.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private sealed class ReadOnlyDirectory : IDisposable
    {
        private readonly string _directory;
        private readonly bool _mounted;

        private ReadOnlyDirectory(string directory, bool mounted)
        {
            _directory = directory;
            _mounted = mounted;
        }

        public static ReadOnlyDirectory Make(string directory)
        {
            if (Environment.UserName != "root")
            {
                foreach (string file in Directory.GetFiles(directory))
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead);
                }

                File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute);
                return new ReadOnlyDirectory(directory, mounted: false);
            }

            Run("mount", "--bind", directory, directory);
            Run("mount", "-o", "remount,bind,ro", directory);
            return new ReadOnlyDirectory(directory, mounted: true);
        }

        public void Dispose()
        {
            if (_mounted)
            {
                Run("umount", _directory);
            }
            else
            {
                File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        private static void Run(string command, params string[] arguments)
        {
            using Process process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', arguments)} failed: {stderr}");
        }
    }
}
