namespace PurchasePipeline.Local.Dashboard;

/// <summary>The sales cards: revenue over time, the breakdowns, top brands, customer segments.</summary>
internal static partial class DashboardRenderer
{
    private const string AfterFirstRun = "Appears after the first pipeline run.";

    private static readonly string[] BreakdownColumns = ["Orders", "Revenue", "Share", "Margin"];

    private static TrustedHtml RevenueOverTime(IReadOnlyList<DailyRevenue> days)
    {
        const string Id = "revenue";
        const string Title = "Revenue over time";
        if (days.Count == 0)
        {
            return NoData(Id, "span-8", Title, AfterFirstRun);
        }

        var content = new HtmlBuilder();
        content.Add(TimeChart.Render(Id + "-chart", "Daily revenue and margin", days));
        content.Add(DataTable.Folded(
            "Revenue, margin and orders per purchase date",
            ["Date", "Orders", "Revenue", "Margin"],
            days.Select(d => (IReadOnlyList<string>)[Figures.Date(d.Date), Figures.Count(d.Orders), Figures.Money(d.Revenue), Figures.Money(d.Margin)])));
        var legend = new TrustedHtml("<div class=\"legend\"><span class=\"key key-revenue\">Revenue</span><span class=\"key key-margin\">Margin</span></div>");
        var subtitle = $"Net of discounts, per purchase date, all categories · {Figures.Count(days.Count)} days";
        return Card(Id, "span-8", Title, subtitle, content.ToTrusted(), legend);
    }

    private static TrustedHtml Breakdown(string id, string span, string title, (string Column, string Plural) noun, IReadOnlyList<RevenueShare> rows, string tone)
    {
        if (rows.Count == 0)
        {
            return NoData(id, span, title, AfterFirstRun);
        }

        var total = rows.Sum(r => r.Revenue);
        decimal? Share(decimal revenue) => total == 0 ? null : revenue / total;
        var bars = rows
            .Select(r => new Bar(
                r.Label,
                r.Revenue,
                Figures.Compact(r.Revenue),
                $"{r.Label}: revenue {Figures.Money(r.Revenue)} ({Figures.Percent(Share(r.Revenue))}), {Figures.Count(r.Orders)} orders, margin {Figures.Money(r.Margin)}"))
            .ToList();

        var content = new HtmlBuilder();
        content.Add(BarChart.Render(id + "-chart", title, tone, bars));
        content.Add(DataTable.Folded(
            title,
            [noun.Column, .. BreakdownColumns],
            rows.Select(r => (IReadOnlyList<string>)[r.Label, Figures.Count(r.Orders), Figures.Money(r.Revenue), Figures.Percent(Share(r.Revenue)), Figures.Money(r.Margin)])));
        return Card(id, span, title, $"Over the whole period · {Figures.Count(rows.Count)} {noun.Plural}", content.ToTrusted());
    }

    private static TrustedHtml TopBrands(IReadOnlyList<BrandRevenue> brands)
    {
        const string Id = "brands";
        var title = $"Top {DashboardQueries.TopBrandCount} brands";
        if (brands.Count == 0)
        {
            return NoData(Id, "span-6", title, AfterFirstRun);
        }

        var bars = brands
            .Select(b => new Bar(
                b.Brand,
                b.Revenue,
                Figures.Compact(b.Revenue),
                $"{b.Brand} ({b.Category}): revenue {Figures.Money(b.Revenue)}, {Figures.Count(b.Orders)} orders, margin {Figures.Money(b.Margin)}",
                b.Category))
            .ToList();

        var content = new HtmlBuilder();
        content.Add(BarChart.Render(Id + "-chart", title + " by revenue", "tone-amber", bars, width: 620));
        content.Add(DataTable.Folded(
            title + " by revenue",
            ["#", "Brand", "Category", "Orders", "Revenue", "Margin"],
            brands.Select((b, i) => (IReadOnlyList<string>)[Figures.Count(i + 1), b.Brand, b.Category, Figures.Count(b.Orders), Figures.Money(b.Revenue), Figures.Money(b.Margin)]),
            textColumns: 3));
        return Card(Id, "span-6", title, "By revenue over the whole period", content.ToTrusted());
    }

    private static TrustedHtml Segments(IReadOnlyList<SegmentRevenue> segments)
    {
        const string Id = "segments";
        const string Title = "Customer segments";
        if (segments.Count == 0)
        {
            return NoData(Id, "span-6", Title, "Appears after a run; gender and age come from the optional user file under landing/reference/users.");
        }

        var content = new HtmlBuilder();
        content.Add(SegmentGrid.Render(Id + "-chart", "Revenue by gender and age band", segments));
        content.Add(DataTable.Folded(
            "Revenue and orders per customer segment",
            ["Gender", "Age band", "Orders", "Revenue"],
            segments.Select(s => (IReadOnlyList<string>)[s.Gender, s.AgeBand, Figures.Count(s.Orders), Figures.Money(s.Revenue)]),
            textColumns: 2));
        return Card(Id, "span-6", Title, "Revenue by gender and age band · 'unknown' = buyer not in the user file", content.ToTrusted());
    }
}
