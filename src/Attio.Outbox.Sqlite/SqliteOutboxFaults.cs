using Microsoft.Data.Sqlite;

namespace Attio;

/// <summary>Turns SQLite's error codes into one clear <see cref="AttioOutboxException"/> naming the file and what to do.</summary>
internal static class SqliteOutboxFaults
{
    private const int Perm = 3, Busy = 5, Locked = 6, ReadOnly = 8, IoError = 10, Corrupt = 11, Full = 13, CantOpen = 14, NotADatabase = 26;

    public static AttioOutboxException Translate(Exception exception, string path, string operation, TimeSpan busyTimeout)
    {
        string reason = exception switch
        {
            SqliteException sqlite => Reason(sqlite.SqliteErrorCode & 0xFF, busyTimeout),
            UnauthorizedAccessException => "cannot be written: the file or its directory is read-only",
            IOException => "cannot be opened: " + exception.Message,
            _ => "failed: " + exception.Message,
        };
        return new AttioOutboxException($"The Attio outbox '{path}' {reason} ({operation}; SQLite: {exception.Message})", exception);
    }

    private static string Reason(int code, TimeSpan busyTimeout) => code switch
    {
        NotADatabase or Corrupt =>
            "is corrupt or not an SQLite database; its events cannot be read. Move the file aside to start an empty outbox, " +
            "or restore it from a backup",
        ReadOnly or Perm => "cannot be written: the file or its directory is read-only",
        CantOpen => "cannot be opened: the directory is missing or not writable, or the file is not accessible",
        Busy or Locked =>
            $"is locked by another process (another instance or the attio CLI) for longer than the busy timeout ({busyTimeout.TotalSeconds:0.###} s)",
        Full => "is full: the disk (or SqliteAttioOutboxOptions.MaxSizeBytes) has no room left, so nothing was stored",
        IoError => "hit an I/O error of the disk or file system",
        _ => $"failed with SQLite error {code}",
    };
}
