using Attio.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Xunit;
using Attio.Internal;

namespace Attio.Runtime.Tests.Http;

/// <summary>
/// AddAttio, start-up validation, configuration and environment fallbacks, and proof that the token never reaches logs,
/// exception messages or ToString. The tests of this class run one after another because two of them touch environment variables.
/// </summary>
public sealed class DependencyInjectionAndLoggingTests
{
    [Fact]
    public void Start_up_validation_rejects_a_missing_token_and_plain_http_to_a_remote_host()
    {
        using (new EnvironmentScope(null, null))
        {
            var missing = Assert.Throws<OptionsValidationException>(() => Validate(new ServiceCollection().AddAttio(_ => { })));
            Assert.Contains("ApiToken is required", missing.Message);

            var plainHttp = Assert.Throws<OptionsValidationException>(() => Validate(new ServiceCollection().AddAttio(o =>
            {
                o.ApiToken = "secret-token-value-0123456789";
                o.BaseAddress = new Uri("http://attio.example.com/");
            })));
            Assert.Contains("HTTPS", plainHttp.Message);
            Assert.DoesNotContain("secret-token-value", plainHttp.Message);

            Validate(new ServiceCollection().AddAttio(o =>
            {
                o.ApiToken = "t";
                o.BaseAddress = new Uri("http://127.0.0.1:5000/");
            }));

            var direct = Assert.Throws<ArgumentException>(() => new AttioClient(new AttioClientOptions()));
            Assert.Contains("ATTIO_API_TOKEN", direct.Message);
            Assert.Throws<ArgumentException>(() => new AttioClient(new AttioClientOptions { ApiToken = "t", BaseAddress = new Uri("http://attio.example.com/") }));
        }
    }

    [Fact]
    public async Task Configuration_section_and_environment_variables_feed_the_options_and_the_client_works()
    {
        await using var attio = await TestAttio.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Attio:BaseAddress"] = "https://from-appsettings.example/",
            ["Attio:Timeout"] = "00:00:07",
            ["Attio:MaxRetryAttempts"] = "2",
            ["Attio:WritesPerSecond"] = "10",
            ["Attio:RetryNonIdempotentRequests"] = "true",
        }).Build();

        // Environment over configuration files, as everywhere in .NET: ATTIO_BASE_URL replaces the file's address.
        using (new EnvironmentScope(attio.ApiToken, attio.BaseAddress.ToString()))
        {
            await using var provider = new ServiceCollection().AddAttio(configuration).BuildServiceProvider();
            Validate(provider);
            var options = provider.GetRequiredService<IOptions<AttioClientOptions>>().Value;
            Assert.Equal(attio.BaseAddress, options.BaseAddress);
            Assert.Equal(attio.ApiToken, options.ApiToken);
            Assert.Equal(TimeSpan.FromSeconds(7), options.Timeout);
            Assert.Equal(2, options.MaxRetryAttempts);
            Assert.Equal(10, options.WritesPerSecond);
            Assert.True(options.RetryNonIdempotentRequests);

            var client = provider.GetRequiredService<AttioClient>();
            var self = await client.GetSelfAsync();
            Assert.True(self.Active);
            Assert.Equal("northwind", self.WorkspaceSlug);
            Assert.Same(client, provider.GetRequiredService<AttioClient>());
            Assert.NotNull(provider.GetRequiredService<IAttioApi>());
        }

        using (new EnvironmentScope(attio.ApiToken, attio.BaseAddress.ToString()))
        {
            await using var provider = new ServiceCollection().AddAttio().BuildServiceProvider();
            Validate(provider);
            Assert.Equal("northwind", (await provider.GetRequiredService<AttioClient>().GetSelfAsync()).WorkspaceSlug);
        }
    }

    [Fact]
    public void Precedence_is_defaults_then_files_then_environment_then_code()
    {
        var files = new Dictionary<string, string?> { ["Attio:BaseAddress"] = "https://from-appsettings.example/", ["Attio:ApiToken"] = "token-from-appsettings-0123" };
        using (new EnvironmentScope("token-from-environment-0123", "https://from-attio-base-url.example/"))
        {
            var fromFile = Options(new ServiceCollection().AddAttio(new ConfigurationBuilder().AddInMemoryCollection(files).Build()));
            Assert.Equal(new Uri("https://from-attio-base-url.example/"), fromFile.BaseAddress);
            Assert.Equal("token-from-environment-0123", fromFile.ApiToken);

            var fromCode = Options(new ServiceCollection().AddAttio(new ConfigurationBuilder().AddInMemoryCollection(files).Build(), o => o.BaseAddress = new Uri("https://from-code.example/")));
            Assert.Equal(new Uri("https://from-code.example/"), fromCode.BaseAddress);

            var codeOnly = Options(new ServiceCollection().AddAttio(o => o.BaseAddress = new Uri("https://from-code.example/")));
            Assert.Equal(new Uri("https://from-code.example/"), codeOnly.BaseAddress);
            Assert.Equal("token-from-environment-0123", codeOnly.ApiToken);
        }

        // Attio__BaseAddress is the host's own environment provider: it wins over appsettings before the runtime sees the section.
        string? previous = Environment.GetEnvironmentVariable("Attio__BaseAddress");
        Environment.SetEnvironmentVariable("Attio__BaseAddress", "https://from-double-underscore.example/");
        try
        {
            using (new EnvironmentScope(null, null))
            {
                var configuration = new ConfigurationBuilder().AddInMemoryCollection(files).AddEnvironmentVariables().Build();
                Assert.Equal(new Uri("https://from-double-underscore.example/"), Options(new ServiceCollection().AddAttio(configuration)).BaseAddress);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("Attio__BaseAddress", previous);
        }
    }

    [Fact]
    public void A_base_address_ending_in_v2_is_refused_at_start_up_with_the_fix()
    {
        using (new EnvironmentScope(null, null))
        {
            var di = Assert.Throws<OptionsValidationException>(() => Validate(new ServiceCollection().AddAttio(o =>
            {
                o.ApiToken = "token-0123456789";
                o.BaseAddress = new Uri("https://api.attio.com/v2/");
            })));
            var direct = Assert.Throws<ArgumentException>(() => new AttioClient(new AttioClientOptions { ApiToken = "token-0123456789", BaseAddress = new Uri("http://127.0.0.1:5000/v2") }));

            Assert.Contains("drop the /v2", di.Message);
            Assert.Contains("drop the /v2", direct.Message);
            // One validation style: the same words from start-up validation and the constructor.
            Assert.Contains("Invalid Attio client options:", di.Message);
            Assert.Contains("Invalid Attio client options:", direct.Message);
        }
    }

    [Fact]
    public void Configuration_errors_never_echo_the_value_that_failed()
    {
        const string Pasted = "tok_pasted_0123456789abcdef";
        using (new EnvironmentScope(null, null))
        {
            foreach (string key in new[] { "BaseAddress", "Timeout", "MaxRetryAttempts", "RetryNonIdempotentRequests" })
            {
                var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Attio:ApiToken"] = "token-0123456789",
                    [$"Attio:{key}"] = Pasted,
                }).Build();

                var ex = Assert.ThrowsAny<Exception>(() => Validate(new ServiceCollection().AddAttio(configuration)));
                Assert.DoesNotContain(Pasted, ex.ToString());
                Assert.Contains(key, ex.Message);
            }
        }
    }

    [Fact]
    public async Task A_successful_call_logs_nothing_at_Information_and_retries_and_giving_up_do()
    {
        await using var attio = await TestAttio.StartAsync();
        var collector = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(new FakeLoggerProvider(collector)));
        var options = TestAttio.FastOptions(attio);
        options.MaxRetryAttempts = 1;
        using var client = new AttioClient(options, loggerFactory);

        await client.GetSelfAsync();
        await client.ListObjectsAsync();
        Assert.Empty(collector.GetSnapshot());

        attio.Faults.Enqueue("GET /v2/self", Attio.Emulator.FaultKind.Status503, count: 2);
        await Assert.ThrowsAsync<AttioApiException>(() => client.GetSelfAsync());

        var records = collector.GetSnapshot();
        Assert.Contains(records, r => r.Level == LogLevel.Information && r.Message.Contains("retrying in"));
        Assert.Contains(records, r => r.Level == LogLevel.Warning && r.Message.Contains("giving up"));
        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task The_token_never_appears_in_logs_exceptions_or_ToString()
    {
        await using var attio = await TestAttio.StartAsync();
        var collector = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        var exceptions = new List<Exception>();

        // The DI path, with the factory's own logging left at Trace too.
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)))
            .AddAttio(o =>
            {
                o.ApiToken = attio.ApiToken;
                o.BaseAddress = attio.BaseAddress;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            });
        await using (var provider = services.BuildServiceProvider())
        {
            var client = provider.GetRequiredService<AttioClient>();
            attio.Faults.Enqueue("GET /v2/self", Attio.Emulator.FaultKind.Status503);
            await client.GetSelfAsync();
            exceptions.Add(await Assert.ThrowsAsync<AttioApiException>(() => client.GetObjectAsync("nope")));
        }

        // The constructor path, with a wrong token, a failing write and an invalid record.
        var options = TestAttio.FastOptions(attio);
        options.MaxRetryAttempts = 4;
        using (var client = new AttioClient(options, loggerFactory))
        {
            attio.Faults.Enqueue("PUT /v2/objects/*/records", Attio.Emulator.FaultKind.DropConnection, count: 5);
            var record = new Subscription();
            record.Set(Subscription.SubscriptionId, AttioCodecs.Text, "sub-log");
            exceptions.Add(await Assert.ThrowsAsync<AttioTransportException>(() => client.AssertRecordAsync(record, "subscription_id")));
            record.Set(Subscription.BillingEmail, AttioCodecs.EmailAddress, "not-an-email");
            exceptions.Add(await Assert.ThrowsAsync<AttioValidationException>(() => client.CreateRecordAsync(record)));
        }

        string wrong = string.Concat(attio.ApiToken.Reverse());
        using (var client = TestAttio.Client(attio, o => o.ApiToken = wrong))
        {
            exceptions.Add(await Assert.ThrowsAsync<AttioApiException>(() => client.ListObjectsAsync()));
        }

        var records = collector.GetSnapshot();
        Assert.Contains(records, r => r.Category == AttioTelemetry.HttpLogCategory && r.Message.Contains("GET /v2/self attempt 2 returned 200"));
        Assert.Contains(records, r => r.Message.Contains("retrying in") && r.Message.Contains("503"));
        Assert.Contains(records, r => r.Message.Contains("giving up"));
        foreach (var log in records)
        {
            string all = $"{log.Message} {log.Exception} {string.Join(";", log.StructuredState?.Select(kv => $"{kv.Key}={kv.Value}") ?? [])}";
            Assert.DoesNotContain(attio.ApiToken, all);
            Assert.DoesNotContain(wrong, all);
        }

        foreach (var ex in exceptions)
        {
            Assert.DoesNotContain(wrong, ex.ToString());
            Assert.DoesNotContain(attio.ApiToken, ex.ToString());
        }

        Assert.DoesNotContain(attio.ApiToken, options.ToString());
        Assert.Contains("<redacted>", options.ToString());
    }

    private static AttioClientOptions Options(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<AttioClientOptions>>().Value;
    }

    private static void Validate(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        Validate(provider);
    }

    private static void Validate(IServiceProvider provider) =>
        provider.GetRequiredService<IStartupValidator>().Validate();

    /// <summary>Sets (or removes) ATTIO_API_TOKEN and ATTIO_BASE_URL for the scope, then restores them.</summary>
    private sealed class EnvironmentScope : IDisposable
    {
        private readonly string? _token = Environment.GetEnvironmentVariable(AttioClientOptions.TokenEnvironmentVariable);
        private readonly string? _url = Environment.GetEnvironmentVariable(AttioClientOptions.BaseUrlEnvironmentVariable);

        public EnvironmentScope(string? token, string? url)
        {
            Environment.SetEnvironmentVariable(AttioClientOptions.TokenEnvironmentVariable, token);
            Environment.SetEnvironmentVariable(AttioClientOptions.BaseUrlEnvironmentVariable, url);
        }

        public void Dispose()
        {
            Environment.SetEnvironmentVariable(AttioClientOptions.TokenEnvironmentVariable, _token);
            Environment.SetEnvironmentVariable(AttioClientOptions.BaseUrlEnvironmentVariable, _url);
        }
    }
}
