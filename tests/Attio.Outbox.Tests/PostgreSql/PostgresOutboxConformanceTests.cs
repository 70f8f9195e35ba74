using Attio.Outbox.Tests.Conformance;

namespace Attio.Outbox.Tests.PostgreSql;

/// <summary>The PostgreSQL store against the conformance suite: a fresh schema per store, the suite's fake clock for leases and times.</summary>
public sealed class PostgresOutboxConformanceTests : OutboxConformanceTests
{
    private readonly List<string> _schemas = [];
    private readonly Dictionary<IAttioOutbox, string> _schemaOf = [];
    private string? _connectionString;

    protected override async Task<IAttioOutbox> CreateOutboxAsync()
    {
        _connectionString = await PostgresTestDatabase.RequireAsync();
        string schema = PostgresTestDatabase.NewSchema("conf");
        _schemas.Add(schema);
        return Open(schema);
    }

    protected override Task<IAttioOutbox> ReopenAsync(IAttioOutbox outbox) =>
        Task.FromResult<IAttioOutbox>(Open(_schemaOf[outbox]));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connectionString is not null)
        {
            await PostgresTestDatabase.DropSchemasAsync(_connectionString, _schemas);
        }
    }

    private PostgresAttioOutbox Open(string schema)
    {
        var outbox = new PostgresAttioOutbox(new PostgresAttioOutboxOptions { ConnectionString = _connectionString!, Schema = schema, TimeProvider = Time });
        _schemaOf[outbox] = schema;
        return outbox;
    }
}
