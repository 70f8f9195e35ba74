using System.Net;
using System.Security.Cryptography;
using System.Text;
using Attio.Emulator.Hosting;
using Attio.Emulator.Http;
using Attio.Emulator.Journal;
using Attio.Emulator.RateLimiting;
using Attio.Emulator.Schema;
using Attio.Emulator.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Attio.Emulator;

/// <summary>
/// A real HTTP server on 127.0.0.1 that behaves like Attio's REST API v2 for the workspace in a schema file.
/// It shares no code with the runtime so that it can catch the runtime's mistakes.
/// </summary>
public sealed class AttioEmulator : IAsyncDisposable
{
    private static readonly string[] AllScopes =
        ["object_configuration:read-write", "record_permission:read-write", "user_management:read-write"];

    private readonly WebApplication _app;
    private readonly RequestJournal _journal;

    private readonly Authenticator _authenticator;

    private AttioEmulator(WebApplication app, RequestJournal journal, Uri baseAddress, string token, FaultInjector faults, RecordStore store, Authenticator authenticator)
    {
        _app = app;
        _authenticator = authenticator;
        _journal = journal;
        BaseAddress = baseAddress;
        ApiToken = token;
        Faults = faults;
        Store = store;
    }

    /// <summary>For example http://127.0.0.1:54321/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The token clients must present (64 characters unless the options chose another).</summary>
    public string ApiToken { get; }

    /// <summary>A snapshot of every request so far, in arrival order.</summary>
    public IReadOnlyList<JournalEntry> Journal => _journal.Snapshot();

    public FaultInjector Faults { get; }

    public RecordStore Store { get; }

    public void ClearJournal() => _journal.Clear();

    /// <summary>Revokes <see cref="ApiToken"/>: from now on /v2/self answers <c>{"active": false}</c> and every other request 401, as Attio does for a revoked key.</summary>
    public void RevokeToken() => _authenticator.Revoke();

    public static async Task<AttioEmulator> StartAsync(
        string schemaPath, AttioEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AttioEmulatorOptions();
        var schema = SchemaLoader.Load(schemaPath);
        var token = options.ApiToken ?? RandomNumberGenerator.GetHexString(64, lowercase: true);
        var tokenId = TokenId(token);
        var clock = options.TimeProvider;

        var renderer = new RecordRenderer(schema, tokenId);
        var store = new RecordStore(schema, renderer);
        var router = new Router();
        new MetaEndpoints(schema).MapTo(router);
        new RecordEndpoints(schema, store, new RecordWriter(schema, store, clock, tokenId), new RecordQuery(schema, store), renderer).MapTo(router);

        var faults = new FaultInjector();
        var journal = new RequestJournal(options.JournalMaxEntries, options.JournalMaxBytes);
        var limiter = options.EnforceRateLimits
            ? new RateLimiter(options.ReadsPerSecond, options.WritesPerSecond, options.RateLimitMode, clock)
            : null;
        var scopes = options.Scopes ?? ((string?)schema.Workspace["scope"])?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? AllScopes;
        if (options.Scopes is not null)
        {
            schema.Workspace["scope"] = string.Join(' ', options.Scopes);
        }

        var limits = new RequestLimits(options.MaxRequestBodyBytes, options.MaxUrlLength);
        var storeFile = options.DataFile is null ? null : new StoreFile(options.DataFile, schema, store);
        lock (store.Gate)
        {
            storeFile?.Load();
        }

        var authenticator = new Authenticator(token);
        var pipeline = new RequestPipeline(
            router, authenticator, new ScopeCheck(scopes), limiter, faults, journal, store, limits, storeFile, clock);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(AttioEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The pipeline enforces the body and URL limits itself so that the answers have Attio's error shape;
            // Kestrel's own limits would answer 413/414 with an empty body. Kestrel's request-line limit stays
            // (raised to 1 MB) as the last guard, since it must hold the line in memory.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MaxRequestLineSize = Math.Max(options.MaxUrlLength + 1024, 1024 * 1024);
            kestrel.Limits.MaxRequestBufferSize = Math.Max(kestrel.Limits.MaxRequestLineSize * 2L, kestrel.Limits.MaxRequestBufferSize ?? 0);
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        var app = builder.Build();
        app.Run(pipeline.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AttioEmulator(app, journal, new Uri(address.TrimEnd('/') + "/"), token, faults, store, authenticator);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A stable UUID for the token, used as the api-token actor id on written values.</summary>
    private static string TokenId(string token)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
