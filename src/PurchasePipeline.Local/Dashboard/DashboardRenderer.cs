namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// Renders the dashboard as one self-contained HTML page: inline CSS, inline SVG charts, no script and
/// no external resource (a Content-Security-Policy says so to the browser too). The same data and time
/// give the same bytes.
/// </summary>
internal static partial class DashboardRenderer
{
    public static string Render(DashboardData data, TimeProvider time, MachineView? machine = null)
    {
        var generatedAt = time.GetUtcNow();
        var html = new HtmlBuilder();
        html.Add($"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n");
        html.Add($"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        html.Add($"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\" />\n");
        html.Add($"<meta name=\"generator\" content=\"purchase-pipeline\" />\n");
        html.Add($"<title>Purchases dashboard</title>\n<style>{new TrustedHtml(DashboardStyles.Css)}</style>\n</head>\n<body>\n");
        html.Add(Header(data, generatedAt));
        html.Add($"<main>\n");
        html.Add(Kpis(data.Kpis, data.Currency));
        html.Add($"<div class=\"grid\">\n");
        html.Add(Health(data, generatedAt));
        html.Add(RevenueOverTime(data.Daily, data.Currency));
        html.Add(Breakdown("category", "span-4", "Revenue by category", ("Category", "categories"), data.ByCategory, "tone-indigo", data.Currency));
        html.Add(TopBrands(data.TopBrands, data.Currency));
        html.Add(Segments(data.Segments, data.Currency));
        html.Add(Breakdown("device", "span-4", "Revenue by device", ("Device", "device types"), data.ByDevice, "tone-sky", data.Currency));
        html.Add(Breakdown("payment", "span-4", "Revenue by payment method", ("Payment method", "payment methods"), data.ByPayment, "tone-violet", data.Currency));
        html.Add(Rejects(data.RejectsByReason, data.Kpis));
        html.Add(Runs(data.RecentRuns, data.Kpis.Runs, data.UnreadableManifests));
        html.Add(machine is null ? TrustedHtml.Empty : StateMachine(machine));
        html.Add($"</div>\n</main>\n");
        html.Add($"<footer>Amounts in {data.Currency}: the data carries no currency code, so this is the page's setting. Offline page: no scripts, web fonts or network requests. The local stand-in for the QuickSight dashboard, updated from each pipeline run's figures.</footer>\n");
        html.Add($"</body>\n</html>\n");
        return html.ToString();
    }

    private static TrustedHtml Header(DashboardData data, DateTimeOffset generatedAt)
    {
        var period = data.Period is { } p ? $"{Figures.Date(p.From)} – {Figures.Date(p.To)}" : "no data yet";
        var html = new HtmlBuilder();
        html.Add($"<header class=\"top\"><div class=\"top-inner\">");
        html.Add($"<div><p class=\"eyebrow\">purchase-pipeline · local plane</p><h1>Purchases dashboard</h1></div>");
        html.Add($"<dl class=\"meta\"><div><dt>Period</dt><dd>{period}</dd></div>");
        html.Add($"<div><dt>Runs</dt><dd>{Figures.Count(data.Kpis.Runs)}</dd></div>");
        html.Add($"<div><dt>Generated</dt><dd><time datetime=\"{generatedAt.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}\">{Figures.Utc(generatedAt)}</time></dd></div></dl>");
        html.Add($"</div></header>\n");
        return html.ToTrusted();
    }

    /// <summary>A card of the grid: heading, one line saying what it shows, optional legend, content.</summary>
    private static TrustedHtml Card(string id, string span, string title, string subtitle, TrustedHtml content, TrustedHtml? legend = null)
    {
        var html = new HtmlBuilder();
        html.Add($"<section class=\"card {span}\" id=\"{id}\" aria-labelledby=\"{id}-h\">");
        html.Add($"<div class=\"card-head\"><div><h2 id=\"{id}-h\">{title}</h2><p class=\"sub\">{subtitle}</p></div>");
        html.Add(legend ?? TrustedHtml.Empty);
        html.Add($"</div>");
        html.Add(content);
        html.Add($"</section>\n");
        return html.ToTrusted();
    }

    private static TrustedHtml NoData(string id, string span, string title, string hint)
    {
        var html = new HtmlBuilder();
        html.Add($"<div class=\"empty\"><strong>No data yet</strong><span>{hint}</span></div>");
        return Card(id, span, title, "Nothing to show", html.ToTrusted());
    }
}
