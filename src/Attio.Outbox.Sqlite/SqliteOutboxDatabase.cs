using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Attio;

/// <summary>
/// The one connection to the file and the gate that serialises its use: SQLite has one writer per file anyway, and one
/// connection keeps every statement of this process in order. Other processes (the CLI, a second instance) wait on the
/// file lock up to the busy timeout.
/// </summary>
internal sealed class SqliteOutboxDatabase : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteAttioOutboxOptions _options;
    private SqliteConnection? _connection;

    public SqliteOutboxDatabase(string path, SqliteAttioOutboxOptions options)
    {
        Path = path;
        _options = options;
    }

    public string Path { get; }

    public bool IsOpen => _connection is not null;

    /// <summary>Runs <paramref name="work"/> on the open connection, alone; SQLite failures become AttioOutboxException.</summary>
    public async ValueTask<T> RunAsync<T>(string operation, Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            SqliteConnection connection = _connection ?? Open();
            return work(connection);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw SqliteOutboxFaults.Translate(exception, Path, operation, _options.BusyTimeout);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Like <see cref="RunAsync{T}"/> inside one immediate (write-locking) transaction, committed before returning.</summary>
    public ValueTask<T> WriteAsync<T>(string operation, Func<SqliteConnection, T> work, CancellationToken cancellationToken) =>
        RunAsync(operation, connection =>
        {
            using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
            T result = work(connection);
            transaction.Commit();
            return result;
        }, cancellationToken);

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _connection?.Dispose();
            _connection = null;
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }

    private SqliteConnection Open()
    {
        string? directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        int busyMilliseconds = (int)Math.Min(int.MaxValue, _options.BusyTimeout.TotalMilliseconds);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Not pooled: disposing the store closes the file, so another process (or a test) can take it over at once.
            Pooling = false,
            // The driver retries a busy file until the command timeout, in whole seconds (0 would mean forever).
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(_options.BusyTimeout.TotalSeconds)),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {busyMilliseconds.ToString(CultureInfo.InvariantCulture)}");
            string? mode = Scalar(connection, "PRAGMA journal_mode = WAL") as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new AttioOutboxException(
                    $"The Attio outbox '{Path}' cannot use write-ahead logging (journal mode stays '{mode}'); " +
                    "the file or its directory may be read-only.");
            }

            Execute(connection, _options.Durability == SqliteOutboxDurability.Full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            if (_options.MaxSizeBytes is { } maxBytes)
            {
                long pageSize = (long)Scalar(connection, "PRAGMA page_size")!;
                Execute(connection, $"PRAGMA max_page_count = {(maxBytes / pageSize).ToString(CultureInfo.InvariantCulture)}");
            }

            SqliteOutboxSchema.CreateOrCheck(connection, Path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _connection = connection;
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
