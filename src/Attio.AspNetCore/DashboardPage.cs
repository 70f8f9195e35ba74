using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace Attio.Dashboard;

/// <summary>What the page shows, read from the outbox once per request.</summary>
internal sealed record DashboardData(
    string Store, AttioOutboxStatus Status, TimeSpan OldestAge, IReadOnlyList<AttioOutboxMinute> Activity,
    IReadOnlyList<AttioOutboxEntry> Failures, DateTimeOffset Now, string? Notice);

/// <summary>
/// The server-rendered page. Every piece of text from the store or from Attio goes through <see cref="HtmlEncoder"/>;
/// plans (record values) are never shown, only each event's description.
/// </summary>
internal static class DashboardPage
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2433;background:#fafbfc}
        h1{font-size:1.4rem;margin:0 0 .2rem}h2{font-size:1.05rem;margin:1.6rem 0 .6rem}
        .store{color:#5b6474;margin:0 0 1rem}.notice{background:#e8f4ea;border:1px solid #9ccba5;padding:.5rem .8rem;border-radius:4px}
        .figures{display:flex;gap:1rem;flex-wrap:wrap;margin:0}.figures div{background:#fff;border:1px solid #dfe3ea;border-radius:6px;padding:.6rem 1rem;min-width:8rem}
        .figures dt{font-size:.8rem;color:#5b6474}.figures dd{margin:0;font-size:1.6rem;font-weight:600}
        .figures .bad dd{color:#b42318}svg{background:#fff;border:1px solid #dfe3ea;border-radius:6px;padding:.5rem}
        rect.delivered{fill:#2e7d4f}rect.dead{fill:#b42318}.base{stroke:#9aa3b2}.axis{font-size:10px;fill:#5b6474}
        table{border-collapse:collapse;background:#fff;font-size:.85rem}th,td{border:1px solid #dfe3ea;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#f1f3f7}code{font-size:.8rem}form{display:inline}.actions{margin-top:.8rem;display:flex;gap:.5rem}
        button{cursor:pointer;border:1px solid #9aa3b2;background:#fff;border-radius:4px;padding:.3rem .7rem}button.danger{border-color:#b42318;color:#b42318}
        """;

    public static string Render(DashboardData data, string basePath, AntiforgeryTokenSet tokens, int maxMessageLength)
    {
        var enc = HtmlEncoder.Default;
        var html = new StringBuilder(16 * 1024);
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        html.Append("<title>Attio delivery</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>Attio delivery</h1>");
        html.Append("<p class=\"store\">Outbox: ").Append(enc.Encode(data.Store)).Append(" &middot; ")
            .Append(enc.Encode(data.Now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))).Append(" UTC</p>");
        if (data.Notice is { Length: > 0 } notice)
        {
            html.Append("<p class=\"notice\" id=\"notice\" role=\"status\">").Append(enc.Encode(notice)).Append("</p>");
        }

        long deliveredHour = data.Activity.Sum(m => m.Delivered), deadHour = data.Activity.Sum(m => m.DeadLettered);
        html.Append("<dl class=\"figures\">");
        Figure(html, "pending", "Pending", Count(data.Status.Pending), false);
        Figure(html, "in-flight", "In flight", Count(data.Status.InFlight), false);
        Figure(html, "dead", "Dead letters", Count(data.Status.Dead), data.Status.Dead > 0);
        Figure(html, "oldest-age", "Oldest pending", Age(data.OldestAge), false);
        Figure(html, "delivered-hour", "Delivered, last hour", Count(deliveredHour), false);
        Figure(html, "dead-hour", "Dead, last hour", Count(deadHour), deadHour > 0);
        html.Append("</dl>");

        html.Append("<h2>Deliveries per minute, last hour</h2>").Append(DashboardChart.Render(data.Activity, data.Now));

        html.Append("<h2>Latest failures</h2>");
        if (data.Failures.Count == 0)
        {
            html.Append("<p id=\"no-failures\">No dead letters.</p>");
        }
        else
        {
            html.Append("<table id=\"failures\"><thead><tr><th>Id</th><th>Event</th><th>Attempts</th><th>Died</th><th>Why</th><th>Status</th><th>Code</th><th>Message</th><th>Execution id</th><th></th></tr></thead><tbody>");
            foreach (var entry in data.Failures)
            {
                var error = entry.LastError;
                string message = error is null || maxMessageLength <= 0 ? string.Empty
                    : error.Message.Length > maxMessageLength ? error.Message[..maxMessageLength] + "…" : error.Message;
                html.Append("<tr data-id=\"").Append(entry.Id.ToString(CultureInfo.InvariantCulture)).Append("\">");
                Cell(html, entry.Id.ToString(CultureInfo.InvariantCulture));
                Cell(html, entry.Description);
                Cell(html, entry.Attempts.ToString(CultureInfo.InvariantCulture));
                Cell(html, entry.FinishedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? string.Empty);
                Cell(html, error?.Kind ?? string.Empty);
                Cell(html, error?.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
                Cell(html, error?.Code ?? string.Empty, code: true);
                Cell(html, message);
                Cell(html, error?.ExecutionId ?? string.Empty, code: true);
                html.Append("<td>");
                Form(html, $"{basePath}/dead-letters/{entry.Id.ToString(CultureInfo.InvariantCulture)}/retry", tokens, "Retry", "retry-" + entry.Id.ToString(CultureInfo.InvariantCulture), danger: false);
                html.Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("<div class=\"actions\">");
        Form(html, basePath + "/dead-letters/retry", tokens, "Retry all dead letters", "retry-all", danger: false);
        Form(html, basePath + "/dead-letters/purge", tokens, "Purge dead letters", "purge", danger: true);
        html.Append("</div></body></html>");
        return html.ToString();
    }

    private static void Figure(StringBuilder html, string id, string label, string value, bool bad) =>
        html.Append("<div").Append(bad ? " class=\"bad\"" : string.Empty).Append("><dt>").Append(label).Append("</dt><dd id=\"").Append(id).Append("\">")
            .Append(HtmlEncoder.Default.Encode(value)).Append("</dd></div>");

    private static void Cell(StringBuilder html, string text, bool code = false) =>
        html.Append("<td>").Append(code && text.Length > 0 ? "<code>" : string.Empty).Append(HtmlEncoder.Default.Encode(text))
            .Append(code && text.Length > 0 ? "</code>" : string.Empty).Append("</td>");

    private static void Form(StringBuilder html, string action, AntiforgeryTokenSet tokens, string label, string id, bool danger)
    {
        var enc = HtmlEncoder.Default;
        html.Append("<form method=\"post\" action=\"").Append(enc.Encode(action)).Append("\">");
        html.Append("<input type=\"hidden\" name=\"").Append(enc.Encode(tokens.FormFieldName)).Append("\" value=\"").Append(enc.Encode(tokens.RequestToken ?? string.Empty)).Append("\">");
        html.Append("<button type=\"submit\" id=\"").Append(id).Append('"').Append(danger ? " class=\"danger\"" : string.Empty).Append('>').Append(enc.Encode(label)).Append("</button></form>");
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Age(TimeSpan age) =>
        age <= TimeSpan.Zero ? "none"
        : age.TotalHours >= 1 ? $"{(int)age.TotalHours} h {age.Minutes} min"
        : age.TotalMinutes >= 1 ? $"{(int)age.TotalMinutes} min {age.Seconds} s"
        : $"{(int)age.TotalSeconds} s";
}
