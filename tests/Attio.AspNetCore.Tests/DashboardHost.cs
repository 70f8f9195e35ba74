using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Attio.AspNetCore.Tests;

/// <summary>A real Kestrel app on loopback with the dashboard mapped behind the "AttioOps" policy (role "ops").</summary>
internal sealed partial class DashboardHost : IAsyncDisposable
{
    public const string UserHeader = "X-Test-User", RoleHeader = "X-Test-Role";

    private DashboardHost(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public static async Task<DashboardHost> StartAsync(IAttioOutbox outbox, TimeProvider time)
    {
        var app = CreateApp();
        app.MapAttioDashboard("/attio", o =>
        {
            o.AuthorizationPolicy = "AttioOps";
            o.Outbox = outbox;
            o.TimeProvider = time;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DashboardHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public static WebApplication CreateApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuthentication(HeaderAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.SchemeName, null);
        builder.Services.AddAuthorization(o => o.AddPolicy("AttioOps", p => p.RequireRole("ops")));
        builder.Services.AddAntiforgery();
        return builder.Build();
    }

    /// <summary>A client that keeps cookies (the antiforgery cookie) and does not follow redirects.</summary>
    public HttpClient Client(string? user = "ada", string role = "ops")
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Address };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(UserHeader, user);
            client.DefaultRequestHeaders.Add(RoleHeader, role);
        }

        return client;
    }

    /// <summary>The antiforgery field of the page's first form.</summary>
    public static KeyValuePair<string, string> FormToken(string html)
    {
        var match = TokenField().Match(html);
        Assert.True(match.Success, "the page has no antiforgery field");
        return new(WebUtility.HtmlDecode(match.Groups["name"].Value), WebUtility.HtmlDecode(match.Groups["value"].Value));
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex TokenField();
}

/// <summary>Authenticates whoever sends <c>X-Test-User</c>, with the role in <c>X-Test-Role</c>; others get a 401 challenge.</summary>
internal sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestHeader";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[DashboardHost.UserHeader].ToString() is not { Length: > 0 } user)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user), new Claim(ClaimTypes.Role, Request.Headers[DashboardHost.RoleHeader].ToString())], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
