namespace Attio.Outbox.Tests.Conformance;

/// <summary>The reference store against the conformance suite.</summary>
public sealed class InMemoryOutboxConformanceTests : OutboxConformanceTests
{
    protected override Task<IAttioOutbox> CreateOutboxAsync() => Task.FromResult<IAttioOutbox>(new InMemoryAttioOutbox(Time));
}
