using System.Globalization;
using Npgsql;

namespace Attio;

/// <summary>
/// The outbox's connections: a pooled data source, a description without the password, and one translation of driver
/// failures into <see cref="AttioOutboxException"/> whose message names the database and never the password.
/// </summary>
internal sealed class PostgresOutboxDatabase : IAsyncDisposable
{
    /// <summary>How long a session of the store may sit idle inside a transaction before the server ends it.</summary>
    public const int StalledTransactionTimeoutMs = 3_000;

    private readonly NpgsqlDataSource _source;
    private readonly string? _password;

    public PostgresOutboxDatabase(string connectionString, string schema)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            // The driver's message may quote the offending part, which can be the password: name the problem only.
            throw new ArgumentException($"The PostgreSQL outbox connection string is not valid ({ex.GetType().Name}); check its keys and quoting.", nameof(connectionString));
        }

        _password = builder.Password;
        string host = string.IsNullOrEmpty(builder.Host) ? "localhost" : builder.Host;
        Description = string.Create(CultureInfo.InvariantCulture, $"PostgreSQL {host}:{builder.Port}/{builder.Database ?? builder.Username}, schema {schema}");
        // A deliverer paused inside one of its transactions (SIGSTOP, a long GC, a frozen VM) would hold the lease row's
        // lock, or the enqueue-order lock, for as long as it is paused and so block every takeover and every enqueue of
        // the fleet. The server ends such a session after a few idle seconds instead; a live process never idles that long
        // between the statements of one of these short transactions. Callers may set their own value in Options.
        if (builder.Options?.Contains("idle_in_transaction_session_timeout", StringComparison.Ordinal) != true)
        {
            builder.Options = (builder.Options + " -c idle_in_transaction_session_timeout=" + StalledTransactionTimeoutMs.ToString(CultureInfo.InvariantCulture)).Trim();
        }

        _source = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Host, port, database and schema: what an operator needs to find the outbox, and nothing secret.</summary>
    public string Description { get; }

    public async Task<T> RunAsync<T>(string what, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using NpgsqlConnection connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw Fail(what, ex);
        }
    }

    public AttioOutboxException Fail(string what, Exception ex) =>
        new($"The Attio outbox ({Description}) could not {what}: {Mask(ex.Message)}", ex);

    /// <summary>Removes the password from text a driver or server produced, in case it ever quotes it.</summary>
    public string Mask(string text) =>
        string.IsNullOrEmpty(_password) ? text : text.Replace(_password, "***", StringComparison.Ordinal);

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
