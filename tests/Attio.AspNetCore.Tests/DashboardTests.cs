using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace Attio.AspNetCore.Tests;

/// <summary>The dashboard over loopback HTTP against a real outbox store.</summary>
public sealed class DashboardTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public async Task An_unauthenticated_request_is_refused_and_one_without_the_role_is_forbidden()
    {
        await using var outbox = new InMemoryAttioOutbox(_time);
        await using var host = await DashboardHost.StartAsync(outbox, _time);

        using var anonymous = host.Client(user: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("attio")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("attio/dead-letters/purge", new FormUrlEncodedContent([]))).StatusCode);
        using var stranger = host.Client(role: "sales");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("attio")).StatusCode);
    }

    [Fact]
    public async Task The_page_shows_the_figures_the_chart_and_the_latest_failure_encoded()
    {
        await using var outbox = new InMemoryAttioOutbox(_time);
        var (_, deadId) = await SeedAsync(outbox);
        await using var host = await DashboardHost.StartAsync(outbox, _time);
        using var client = host.Client();

        var response = await client.GetAsync("attio");
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<dd id=\"pending\">1</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"in-flight\">0</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"dead\">1</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"oldest-age\">3 min 0 s</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"delivered-hour\">1</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"activity-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("data-minute=\"09:01\" data-delivered=\"1\" data-dead=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains($"<tr data-id=\"{deadId}\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>400</td>", html, StringComparison.Ordinal);
        Assert.Contains("<code>validation_type</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>exec-4711</code>", html, StringComparison.Ordinal);
        // Attio's text is encoded, and the plan (record values) is never on the page.
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        await using var outbox = new InMemoryAttioOutbox(_time);
        await SeedAsync(outbox);
        await using var host = await DashboardHost.StartAsync(outbox, _time);
        using var client = host.Client();
        await client.GetAsync("attio");                 // the antiforgery cookie is set, but the form field is missing

        var response = await client.PostAsync("attio/dead-letters/purge", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, (await outbox.GetStatusAsync()).Dead);
    }

    [Fact]
    public async Task Retry_returns_the_dead_letter_to_pending()
    {
        await using var outbox = new InMemoryAttioOutbox(_time);
        var (_, deadId) = await SeedAsync(outbox);
        await using var host = await DashboardHost.StartAsync(outbox, _time);
        using var client = host.Client();
        var token = DashboardHost.FormToken(await client.GetStringAsync("attio"));

        var response = await client.PostAsync($"attio/dead-letters/{deadId}/retry", new FormUrlEncodedContent([token]));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/attio?done=retried&n=1", response.Headers.Location!.OriginalString);
        var status = await outbox.GetStatusAsync();
        Assert.Equal((0L, 2L), (status.Dead, status.Pending));
        string page = await client.GetStringAsync(response.Headers.Location.OriginalString.TrimStart('/'));
        Assert.Contains("1 dead letter(s) returned to pending", page, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"dead\">0</dd>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_all_and_purge_act_on_every_dead_letter()
    {
        await using var outbox = new InMemoryAttioOutbox(_time);
        await SeedAsync(outbox);
        await using var host = await DashboardHost.StartAsync(outbox, _time);
        using var client = host.Client();
        var token = DashboardHost.FormToken(await client.GetStringAsync("attio"));

        var purge = await client.PostAsync("attio/dead-letters/purge", new FormUrlEncodedContent([token]));
        Assert.Equal("/attio?done=purged&n=1", purge.Headers.Location!.OriginalString);
        Assert.Equal(0, (await outbox.GetStatusAsync()).Dead);
        Assert.Empty(await outbox.ListAsync(new AttioOutboxQuery { State = AttioOutboxState.Dead }));

        var retryAll = await client.PostAsync("attio/dead-letters/retry", new FormUrlEncodedContent([token]));
        Assert.Equal("/attio?done=retried&n=0", retryAll.Headers.Location!.OriginalString);
    }

    [Fact]
    public void Mapping_without_a_policy_fails_at_start_up_with_the_fix()
    {
        var app = DashboardHost.CreateApp();
        var error = Assert.Throws<InvalidOperationException>(() => app.MapAttioDashboard("/attio"));
        Assert.Contains("needs an authorization policy", error.Message, StringComparison.Ordinal);
        Assert.Contains("o.AuthorizationPolicy = \"AttioOps\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_with_an_unregistered_policy_fails_at_start_up()
    {
        var app = DashboardHost.CreateApp();
        var error = Assert.Throws<InvalidOperationException>(() => app.MapAttioDashboard("/attio", o => o.AuthorizationPolicy = "Typo"));
        Assert.Contains("\"Typo\" is not registered", error.Message, StringComparison.Ordinal);
    }

    /// <summary>One pending (enqueued at 09:00), one delivered and one dead letter at 09:01; the clock ends at 09:03.</summary>
    private async Task<(long Pending, long Dead)> SeedAsync(InMemoryAttioOutbox outbox)
    {
        long pending = await outbox.EnqueueAsync(Message("identify user-1"));
        _time.Advance(TimeSpan.FromMinutes(1));
        long delivered = await outbox.EnqueueAsync(Message("identify user-2", "people|email_addresses|b@example.com"));
        long dead = await outbox.EnqueueAsync(Message("identify user-3", "people|email_addresses|c@example.com"));
        var lease = (await outbox.AcquireLeaseAsync("test", TimeSpan.FromMinutes(5)))!;
        var claimed = await outbox.ClaimAsync(lease, 10, _time.GetUtcNow());
        Assert.Contains(claimed, e => e.Id == dead);
        foreach (var other in claimed.Where(e => e.Id != delivered && e.Id != dead))
        {
            await outbox.RescheduleAsync(lease, other.Id, _time.GetUtcNow().AddHours(1), new AttioOutboxError("transient", 503, null, "unavailable", null));
        }

        Assert.True(await outbox.CompleteAsync(lease, [delivered], _time.GetUtcNow()));
        Assert.True(await outbox.DeadLetterAsync(lease, dead,
            new AttioOutboxError("permanent", 400, "validation_type", "Invalid value <script>alert(1)</script> for job_title", "exec-4711"), _time.GetUtcNow()));
        await outbox.ReleaseLeaseAsync(lease);
        _time.Advance(TimeSpan.FromMinutes(2));
        return (pending, dead);
    }

    private static AttioOutboxMessage Message(string description, string key = "people|email_addresses|a@example.com") =>
        new("{\"secret-value\":\"ada@example.com\"}", [key], Start, description);
}
