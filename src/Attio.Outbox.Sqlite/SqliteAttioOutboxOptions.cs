namespace Attio;

/// <summary>What "stored" means for <see cref="SqliteAttioOutbox"/>: SQLite's <c>synchronous</c> setting in WAL mode.</summary>
public enum SqliteOutboxDurability
{
    /// <summary>
    /// <c>synchronous=FULL</c>: every commit is fsynced to the WAL before an enqueue returns, so a stored
    /// event survives a process crash, an OS crash and a power loss. Concurrent enqueues share one fsync (group commit).
    /// </summary>
    Full = 0,

    /// <summary>
    /// <c>synchronous=NORMAL</c> (the default): a commit is in the WAL file (the OS cache) before an enqueue returns and
    /// fsynced at checkpoints. A stored event survives a process crash, kill or OOM kill (what the crash tests prove); an OS
    /// crash or power loss may lose the last commits. Chosen as the default because a disk that fsyncs ~160 times a
    /// second (the CI machines) caps <see cref="Full"/> well below 5,000 events/s; see docs/delivery.md for the figures.
    /// </summary>
    Normal = 1,
}

/// <summary>Settings of <see cref="SqliteAttioOutbox"/>.</summary>
public sealed class SqliteAttioOutboxOptions
{
    /// <summary>What a completed enqueue survives. Default <see cref="SqliteOutboxDurability.Normal"/> (process crashes); <see cref="SqliteOutboxDurability.Full"/> for power loss.</summary>
    public SqliteOutboxDurability Durability { get; set; } = SqliteOutboxDurability.Normal;

    /// <summary>The store's clock: lease expiry and the time stamps of retries and purges. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// How long a write waits while another process (another instance, the <c>attio outbox</c> CLI) holds the file's write
    /// lock before failing with <see cref="AttioOutboxException"/>. Default 5 s; whole seconds are the floor of the driver.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The largest the file may grow to, in bytes; null (the default) for no limit but the disk. An enqueue that does not
    /// fit fails with <see cref="AttioOutboxException"/> ("full") like a full disk does, instead of filling the disk.
    /// </summary>
    public long? MaxSizeBytes { get; set; }

    /// <summary>At most this many enqueues share one commit. Default 1,000.</summary>
    public int MaxEnqueuesPerCommit { get; set; } = 1_000;

    /// <summary>Throws <see cref="ArgumentException"/> when a setting is out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Durability))
        {
            throw new ArgumentException($"SqliteAttioOutboxOptions.Durability {(int)Durability} is not Full or Normal.", nameof(Durability));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (BusyTimeout < TimeSpan.Zero)
        {
            throw new ArgumentException("SqliteAttioOutboxOptions.BusyTimeout must not be negative.", nameof(BusyTimeout));
        }

        if (MaxSizeBytes is < 65_536)
        {
            throw new ArgumentException("SqliteAttioOutboxOptions.MaxSizeBytes must be at least 65536 (16 pages) when set.", nameof(MaxSizeBytes));
        }

        if (MaxEnqueuesPerCommit < 1)
        {
            throw new ArgumentException("SqliteAttioOutboxOptions.MaxEnqueuesPerCommit must be at least 1.", nameof(MaxEnqueuesPerCommit));
        }
    }
}
