using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Attio;
using Attio.Emulator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace WebDashboard;

/// <summary>
/// The sample app: AddAttio + AddAttioSender over an outbox, health checks at /health, the dashboard at /attio behind the
/// "AttioOps" policy, a password sign-in at /login, and POST /signup to produce deliveries. Built here (not in Program.cs)
/// so the browser test starts exactly this app.
/// </summary>
internal sealed class DashboardApp : IAsyncDisposable
{
    private DashboardApp(WebApplication web, AttioEmulator? emulator, IAttioOutbox outbox, string password)
    {
        Web = web;
        Emulator = emulator;
        Outbox = outbox;
        Password = password;
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    public WebApplication Web { get; }

    /// <summary>The embedded emulator, when no ATTIO_API_TOKEN was given.</summary>
    public AttioEmulator? Emulator { get; }

    public IAttioOutbox Outbox { get; }

    public string Password { get; }

    public Uri Address { get; }

    public static async Task<DashboardApp> StartAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        AttioEmulator? emulator = null;
        if (string.IsNullOrEmpty(builder.Configuration["Attio:ApiToken"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(AttioClientOptions.TokenEnvironmentVariable)))
        {
            emulator = await AttioEmulator.StartAsync(Path.Combine(AppContext.BaseDirectory, "attio-schema.json"));
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Attio:ApiToken"] = emulator.ApiToken,
                ["Attio:BaseAddress"] = emulator.BaseAddress.ToString(),
            });
        }

        string password = builder.Configuration["Dashboard:Password"] is { Length: > 0 } configured ? configured : RandomNumberGenerator.GetHexString(16, lowercase: true);
        IAttioOutbox outbox = new InMemoryAttioOutbox();
        builder.Services.AddAttio(builder.Configuration, o => o.VerifySchemaOnStart = AttioSchemaVerification.FailOnBreaking)
            .AddAttioSender(o => o.UseOutbox(outbox));
        builder.Services.AddHealthChecks().AddAttio();

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
            });
        builder.Services.AddAuthorization(o => o.AddPolicy("AttioOps", p => p.RequireRole("ops")));
        builder.Services.AddAntiforgery();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapHealthChecks("/health", new() { ResponseWriter = HealthWriter.WriteAsync });
        app.MapAttioDashboard("/attio", o => o.AuthorizationPolicy = "AttioOps");
        MapLogin(app, password);
        app.MapPost("/signup", async (Signup signup, AttioSender sender, CancellationToken ct) =>
        {
            var receipt = await sender.EnqueueIdentifyAsync(signup.Email, signup.UserId, cancellationToken: ct);
            return Results.Accepted(value: receipt.Sequence);
        });
        app.MapGet("/", () => Results.Redirect("/attio"));
        await app.StartAsync();
        return new DashboardApp(app, emulator, outbox, password);
    }

    public async ValueTask DisposeAsync()
    {
        await Web.StopAsync();
        await Web.DisposeAsync();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }

    private static void MapLogin(WebApplication app, string password)
    {
        app.MapGet("/login", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            string html = $"""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head><body>
                <h1>Attio dashboard: sign in</h1>
                <form method="post" action="/login"><input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">
                <label>Password <input type="password" name="password" id="password" autocomplete="current-password"></label>
                <button type="submit" id="sign-in">Sign in</button></form></body></html>
                """;
            return Results.Content(html, "text/html; charset=utf-8");
        });
        app.MapPost("/login", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            var form = await context.Request.ReadFormAsync();
            byte[] given = Encoding.UTF8.GetBytes(form["password"].ToString()), expected = Encoding.UTF8.GetBytes(password);
            if (!CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return Results.Redirect("/login");
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "ops"), new Claim(ClaimTypes.Role, "ops")], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(new ClaimsPrincipal(identity));
            return Results.Redirect("/attio");
        }).DisableAntiforgery();
    }
}

/// <summary>The body of POST /signup.</summary>
internal sealed record Signup(string Email, string UserId);
