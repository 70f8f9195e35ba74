namespace Attio;

/// <summary><c>services.AddAttioSender(o =&gt; o.UseSqliteOutbox("attio-outbox.db"))</c>: durable delivery in one file.</summary>
public static class SqliteOutboxSenderOptionsExtensions
{
    /// <summary>
    /// Stores events in the SQLite file at <paramref name="path"/> (created when missing) before the sender accepts them,
    /// with durability Normal (survives process crashes; pass options with Full for power loss) and the sender's clock. The outbox lives as long as the process: the file is closed at exit,
    /// and nothing committed depends on a clean close.
    /// </summary>
    public static AttioSenderOptions UseSqliteOutbox(this AttioSenderOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseSqliteOutbox(path, new SqliteAttioOutboxOptions { TimeProvider = options.TimeProvider });
    }

    /// <summary>Like <see cref="UseSqliteOutbox(AttioSenderOptions, string)"/> with the store's own settings (durability, busy timeout, size limit).</summary>
    public static AttioSenderOptions UseSqliteOutbox(this AttioSenderOptions options, string path, SqliteAttioOutboxOptions outboxOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseOutbox(new SqliteAttioOutbox(path, outboxOptions));
    }
}
