namespace Attio.Outbox.Tests.Conformance;

/// <summary>The SQLite store against the conformance suite; reopening is a second instance on the same file.</summary>
public sealed class SqliteOutboxConformanceTests : OutboxConformanceTests, IDisposable
{
    private readonly SqliteTestFiles _files = new();

    protected override Task<IAttioOutbox> CreateOutboxAsync() =>
        Task.FromResult<IAttioOutbox>(new SqliteAttioOutbox(_files.NewPath($"{Guid.NewGuid():N}.db"), new SqliteAttioOutboxOptions { TimeProvider = Time }));

    protected override Task<IAttioOutbox> ReopenAsync(IAttioOutbox outbox) =>
        Task.FromResult<IAttioOutbox>(new SqliteAttioOutbox(((SqliteAttioOutbox)outbox).FilePath, new SqliteAttioOutboxOptions { TimeProvider = Time }));

    public void Dispose() => _files.Dispose();
}
