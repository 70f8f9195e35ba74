using System.Net.Http.Json;
using Attio.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WebDashboard;

namespace Attio.Browser.Tests;

/// <summary>
/// The sample app (sender over an outbox, the embedded emulator) in Debian's chromium: a dead letter from an injected
/// 400, the figures and the chart on the page, retry from the page, and the dead letter delivered.
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string RejectedEmail = "rejected@example.com";

    [SkippableFact]
    public async Task The_dashboard_shows_a_dead_letter_and_its_retry_delivers_it()
    {
        string chromium = Chromium.FindOrSkip();
        await using var app = await DashboardApp.StartAsync(["--urls=http://127.0.0.1:0", "--Dashboard:Password=browser-test", "--Logging:LogLevel:Default=Warning"]);
        var emulator = app.Emulator!;
        var sender = app.Web.Services.GetRequiredService<AttioSender>();
        using var http = new HttpClient { BaseAddress = app.Address };

        // One record is refused as Attio refuses a bad value: a permanent 400, so it becomes a dead letter.
        emulator.Faults.EnqueueResponse("PUT /v2/objects/people/records", 400,
            """{"status_code":400,"type":"invalid_request_error","code":"validation_type","message":"Invalid value was passed to attribute with slug \"email_addresses\"."}""");
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await http.PostAsJsonAsync("signup", new { email = RejectedEmail, userId = "user-0" })).StatusCode);
        await sender.FlushAsync();
        for (int i = 1; i <= 3; i++)
        {
            await http.PostAsJsonAsync("signup", new { email = $"user{i}@example.com", userId = $"user-{i}" });
        }

        await sender.FlushAsync();
        var status = await app.Outbox.GetStatusAsync();
        Assert.Equal((1L, 0L), (status.Dead, status.Pending));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });

        await page.GotoAsync(new Uri(app.Address, "attio").ToString());
        Assert.EndsWith("/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);     // not signed in: sent to the login
        await page.FillAsync("#password", "browser-test");
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync("**/attio");

        Assert.Equal("1", await page.InnerTextAsync("#dead"));
        Assert.Equal("0", await page.InnerTextAsync("#pending"));
        Assert.Equal("3", await page.InnerTextAsync("#delivered-hour"));
        Assert.Equal(1, await page.Locator("svg#activity-chart").CountAsync());
        Assert.True(await page.Locator("svg#activity-chart rect.delivered").CountAsync() >= 1);
        Assert.Equal(1, await page.Locator("svg#activity-chart rect.dead").CountAsync());
        var row = page.Locator("#failures tbody tr");
        Assert.Equal(1, await row.CountAsync());
        string rowText = await row.InnerTextAsync();
        Assert.Contains("400", rowText, StringComparison.Ordinal);
        Assert.Contains("validation_type", rowText, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.ApiToken, await page.ContentAsync(), StringComparison.Ordinal);

        if (RepositoryRoot.TryFind() is { } root)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(root, "docs", "dashboard.png"), FullPage = true });
        }

        // The fault was used up by the refused request; retry from the page and the sender delivers it.
        string id = (await row.GetAttributeAsync("data-id"))!;
        await page.ClickAsync($"#retry-{id}");
        await page.WaitForURLAsync("**/attio?done=retried*");
        Assert.Contains("1 dead letter(s) returned to pending", await page.InnerTextAsync("#notice"), StringComparison.Ordinal);
        await sender.FlushAsync();
        await page.GotoAsync(new Uri(app.Address, "attio").ToString());

        Assert.Equal("0", await page.InnerTextAsync("#dead"));
        Assert.Equal("0", await page.InnerTextAsync("#pending"));
        Assert.Equal("4", await page.InnerTextAsync("#delivered-hour"));
        Assert.Equal(1, await page.Locator("#no-failures").CountAsync());
        Assert.Contains(emulator.Journal, e => e.StatusCode == 200 && e.Path == "/v2/objects/people/records" && (e.Body ?? string.Empty).Contains(RejectedEmail, StringComparison.Ordinal));
    }
}

/// <summary>The system chromium: <c>ATTIO_CHROMIUM</c>, else Debian's path. In CI a missing browser fails; locally it skips.</summary>
internal static class Chromium
{
    public static string FindOrSkip()
    {
        string? configured = Environment.GetEnvironmentVariable("ATTIO_CHROMIUM");
        string? found = new[] { configured, "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
        if (found is not null)
        {
            return found;
        }

        string reason = $"chromium not found (ATTIO_CHROMIUM={configured ?? "unset"}, /usr/bin/chromium); install it with 'apt-get install -y chromium' (.ci/run does)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("CI=true: the browser test never skips in CI: " + reason);
        }

        Skip.If(true, reason);
        return string.Empty;
    }
}
