using Attio;
using Attio.Dashboard;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Attio delivery dashboard.</summary>
public static class AttioDashboardEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the dashboard at <paramref name="pattern"/> (e.g. <c>"/attio"</c>) with the <see cref="AttioDashboardOptions"/>
    /// configured in the container (<c>services.Configure&lt;AttioDashboardOptions&gt;(...)</c>). Throws when no
    /// authorization policy is named.
    /// </summary>
    public static IEndpointConventionBuilder MapAttioDashboard(this IEndpointRouteBuilder endpoints, string pattern) =>
        MapAttioDashboard(endpoints, pattern, configure: null);

    /// <summary>
    /// Maps the dashboard at <paramref name="pattern"/>: <c>GET</c> the page, <c>POST dead-letters/{id}/retry</c>,
    /// <c>POST dead-letters/retry</c> and <c>POST dead-letters/purge</c>, all behind
    /// <see cref="AttioDashboardOptions.AuthorizationPolicy"/>; the actions need an antiforgery token (the page's forms carry it).
    /// </summary>
    /// <exception cref="InvalidOperationException">No policy is named, the policy is not registered, or antiforgery is not registered.</exception>
    public static IEndpointConventionBuilder MapAttioDashboard(this IEndpointRouteBuilder endpoints, string pattern, Action<AttioDashboardOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var configured = endpoints.ServiceProvider.GetService<IOptions<AttioDashboardOptions>>()?.Value;
        var options = new AttioDashboardOptions
        {
            AuthorizationPolicy = configured?.AuthorizationPolicy,
            Outbox = configured?.Outbox,
            FailureCount = configured?.FailureCount ?? 20,
            MaxMessageLength = configured?.MaxMessageLength ?? 200,
            TimeProvider = configured?.TimeProvider ?? TimeProvider.System,
        };
        configure?.Invoke(options);
        Validate(endpoints.ServiceProvider, options, pattern);

        string basePath = "/" + pattern.Trim().Trim('/');
        var handlers = new DashboardEndpoints(options, basePath);
        var group = endpoints.MapGroup(basePath);
        group.RequireAuthorization(options.AuthorizationPolicy!);
        group.MapGet("/", (RequestDelegate)handlers.PageAsync);
        group.MapPost("/dead-letters/{id:long}/retry", (RequestDelegate)handlers.RetryOneAsync);
        group.MapPost("/dead-letters/retry", (RequestDelegate)handlers.RetryAllAsync);
        group.MapPost("/dead-letters/purge", (RequestDelegate)handlers.PurgeAsync);
        return group;
    }

    private static void Validate(IServiceProvider services, AttioDashboardOptions options, string pattern)
    {
        if (string.IsNullOrWhiteSpace(options.AuthorizationPolicy))
        {
            throw new InvalidOperationException(
                $"MapAttioDashboard(\"{pattern}\") needs an authorization policy: the dashboard can retry and purge deliveries, so it is never mapped open. " +
                "Register one (builder.Services.AddAuthorization(o => o.AddPolicy(\"AttioOps\", p => p.RequireRole(\"ops\")))) and name it: " +
                "MapAttioDashboard(\"/attio\", o => o.AuthorizationPolicy = \"AttioOps\").");
        }

        var policies = services.GetService<IAuthorizationPolicyProvider>()
            ?? throw new InvalidOperationException("MapAttioDashboard needs authorization: call builder.Services.AddAuthorization(...) with the policy \"" + options.AuthorizationPolicy + "\".");
        // The default provider answers synchronously; a custom one is asked once, at start-up.
        if (policies.GetPolicyAsync(options.AuthorizationPolicy).GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException(
                $"MapAttioDashboard: the authorization policy \"{options.AuthorizationPolicy}\" is not registered; add it with builder.Services.AddAuthorization(o => o.AddPolicy(\"{options.AuthorizationPolicy}\", ...)).");
        }

        if (services.GetService<IAntiforgery>() is null)
        {
            throw new InvalidOperationException("MapAttioDashboard needs antiforgery for its retry and purge forms: call builder.Services.AddAntiforgery().");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.FailureCount, nameof(AttioDashboardOptions.FailureCount));
    }
}
