using System.Globalization;
using System.Text;

namespace Attio.Dashboard;

/// <summary>Deliveries (and dead letters) per minute over the last hour as inline SVG: no script, no external asset.</summary>
internal static class DashboardChart
{
    public const int Minutes = 60;
    private const int BarWidth = 10, Gap = 2, Height = 120, Top = 14;

    public static string Render(IReadOnlyList<AttioOutboxMinute> activity, DateTimeOffset now)
    {
        var firstMinute = Truncate(now).AddMinutes(-(Minutes - 1));
        var byMinute = activity.ToDictionary(m => Truncate(m.Minute));
        long max = Math.Max(1, activity.Count == 0 ? 1 : activity.Max(m => m.Delivered + m.DeadLettered));
        int width = Minutes * (BarWidth + Gap);
        long delivered = activity.Sum(m => m.Delivered), dead = activity.Sum(m => m.DeadLettered);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg id=\"activity-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Height + Top + 16}\" viewBox=\"0 0 {width} {Height + Top + 16}\" role=\"img\" aria-label=\"{delivered} delivered and {dead} dead letters in the last hour\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"10\" class=\"axis\">max {max}/min</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{Top + Height}\" x2=\"{width}\" y2=\"{Top + Height}\" class=\"base\"/>");
        for (int i = 0; i < Minutes; i++)
        {
            var minute = firstMinute.AddMinutes(i);
            byMinute.TryGetValue(minute, out var m);
            long ok = m?.Delivered ?? 0, failed = m?.DeadLettered ?? 0;
            int x = i * (BarWidth + Gap);
            int okHeight = (int)Math.Round((double)ok / max * Height), deadHeight = (int)Math.Round((double)failed / max * Height);
            string label = $"{minute:HH:mm} UTC: {ok} delivered, {failed} dead";
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"minute\" data-minute=\"{minute:HH:mm}\" data-delivered=\"{ok}\" data-dead=\"{failed}\"><title>{label}</title>");
            if (okHeight > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"delivered\" x=\"{x}\" y=\"{Top + Height - okHeight}\" width=\"{BarWidth}\" height=\"{okHeight}\"/>");
            }

            if (deadHeight > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"dead\" x=\"{x}\" y=\"{Top + Height - okHeight - deadHeight}\" width=\"{BarWidth}\" height=\"{deadHeight}\"/>");
            }

            svg.Append("</g>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{Top + Height + 14}\" class=\"axis\">{firstMinute:HH:mm}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width}\" y=\"{Top + Height + 14}\" text-anchor=\"end\" class=\"axis\">{Truncate(now):HH:mm} UTC</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
    }
}
