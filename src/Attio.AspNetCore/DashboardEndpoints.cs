using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Attio.Dashboard;

/// <summary>The page and its three actions. Actions are POST with an antiforgery token and answer with a redirect (post/redirect/get).</summary>
internal sealed class DashboardEndpoints(AttioDashboardOptions options, string basePath)
{
    public async Task PageAsync(HttpContext context)
    {
        var outbox = Outbox(context);
        var now = options.TimeProvider.GetUtcNow();
        var token = context.RequestAborted;
        var status = await outbox.GetStatusAsync(token).ConfigureAwait(false);
        var activity = await outbox.GetActivityAsync(DashboardChart.Truncate(now).AddMinutes(-(DashboardChart.Minutes - 1)), token).ConfigureAwait(false);
        var failures = await outbox.ListAsync(new AttioOutboxQuery { State = AttioOutboxState.Dead, Limit = options.FailureCount }, token).ConfigureAwait(false);
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        string? notice = context.Request.Query["done"].ToString() switch
        {
            "retried" => $"{Number(context, "n")} dead letter(s) returned to pending; the sender delivers them next.",
            "purged" => $"{Number(context, "n")} dead letter(s) purged.",
            _ => null,
        };
        var data = new DashboardData(outbox.Description, status, status.OldestPendingAge(now), activity, failures, now, notice);
        Secure(context.Response);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(DashboardPage.Render(data, basePath, tokens, options.MaxMessageLength), token).ConfigureAwait(false);
    }

    public Task RetryOneAsync(HttpContext context)
    {
        if (!long.TryParse(context.Request.RouteValues["id"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long id))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return ActAsync(context, async outbox => ("retried", await outbox.RetryDeadAsync(id, options.TimeProvider.GetUtcNow(), context.RequestAborted).ConfigureAwait(false)));
    }

    public Task RetryAllAsync(HttpContext context) =>
        ActAsync(context, async outbox => ("retried", await outbox.RetryDeadAsync(null, options.TimeProvider.GetUtcNow(), context.RequestAborted).ConfigureAwait(false)));

    public Task PurgeAsync(HttpContext context) =>
        ActAsync(context, async outbox => ("purged", await outbox.PurgeDeadAsync(null, context.RequestAborted).ConfigureAwait(false)));

    private async Task ActAsync(HttpContext context, Func<IAttioOutbox, Task<(string Done, int Count)>> action)
    {
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("The form's antiforgery token is missing or invalid; reload the dashboard and try again.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var (done, count) = await action(Outbox(context)).ConfigureAwait(false);
        // 303: the browser follows with a GET, so a reload does not post the action again.
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = $"{basePath}?done={done}&n={count.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private IAttioOutbox Outbox(HttpContext context) =>
        options.Outbox ?? context.RequestServices.GetService<IAttioOutbox>()
        ?? context.RequestServices.GetService<Microsoft.Extensions.Options.IOptions<AttioSenderOptions>>()?.Value.Outbox
        ?? throw new InvalidOperationException("The Attio dashboard has no outbox: set AttioDashboardOptions.Outbox or register an IAttioOutbox (AddAttioSender with an outbox).");

    private static string Number(HttpContext context, string name) =>
        int.TryParse(context.Request.Query[name], out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0";

    private static void Secure(HttpResponse response)
    {
        // No script at all, styles inline, forms only to this origin, never framed, never cached (figures and ids).
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
