namespace Attio;

/// <summary>Settings of <see cref="PostgresAttioOutbox"/>.</summary>
public sealed class PostgresAttioOutboxOptions
{
    /// <summary>The Npgsql connection string. Its password never appears in descriptions, logs or exception messages.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>
    /// The schema holding the outbox tables (a plain lower-case identifier). Default <c>attio_outbox</c>. One schema is one
    /// outbox with one lease: give each Attio workspace its own.
    /// </summary>
    public string Schema { get; init; } = "attio_outbox";

    /// <summary>
    /// Whether <see cref="PostgresAttioOutbox.InitializeAsync"/> creates or upgrades the tables. Default true: the first
    /// start just works and migrations are idempotent and serialised by an advisory lock, so every instance may run them.
    /// Set false where the app's database user may not run DDL; then run <c>attio outbox migrate --postgres CONN</c>
    /// and a start against an older schema fails with that advice.
    /// </summary>
    public bool AutoMigrate { get; init; } = true;

    /// <summary>
    /// The clock for lease expiry and enqueue times. Null (default): the database's <c>now()</c>, so every instance
    /// agrees on lease expiry however skewed their own clocks are. Tests pass a fake clock.
    /// </summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>
    /// How many unfinished rows, from the head of the queue, a claim reads to find deliverable ones. Default 5,000: rows
    /// further back wait until the head moves, which only happens when thousands are in flight or waiting for a retry.
    /// </summary>
    public int ClaimScanLimit { get; init; } = 5_000;

    /// <summary>At most this many events go into one insert when concurrent enqueues are grouped. Default 1,000.</summary>
    public int MaxEnqueueBatch { get; init; } = 1_000;
}
