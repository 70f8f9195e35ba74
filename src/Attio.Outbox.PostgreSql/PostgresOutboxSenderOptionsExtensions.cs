namespace Attio;

/// <summary>Wires the PostgreSQL outbox into <see cref="AttioSenderOptions"/>.</summary>
public static class PostgresOutboxSenderOptionsExtensions
{
    /// <summary>
    /// Delivers through a PostgreSQL outbox in the schema <c>attio_outbox</c>, shared by every instance that points at the
    /// same database: <c>services.AddAttioSender(o =&gt; o.UsePostgresOutbox(connectionString))</c>. Tables are created
    /// or migrated on start.
    /// </summary>
    public static AttioSenderOptions UsePostgresOutbox(this AttioSenderOptions options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseOutbox(new PostgresAttioOutbox(connectionString));
    }

    /// <summary>Delivers through a PostgreSQL outbox with explicit settings (schema, migrations, clock).</summary>
    public static AttioSenderOptions UsePostgresOutbox(this AttioSenderOptions options, PostgresAttioOutboxOptions outboxOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseOutbox(new PostgresAttioOutbox(outboxOptions));
    }
}
