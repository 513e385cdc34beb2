namespace PurchasePipeline.Local.Dashboard;

/// <summary>The sales cards: revenue over time, the breakdowns, top brands, customer segments. Amounts name their currency.</summary>
internal static partial class DashboardRenderer
{
    private const string AfterFirstRun = "Appears after the first pipeline run.";

    /// <summary>How wide the narrow drawing of a wide chart is: a phone's card at 1:1, so its text stays legible.</summary>
    private const double NarrowWidth = 400;

    private static TrustedHtml RevenueOverTime(IReadOnlyList<DailyRevenue> days, string currency)
    {
        const string Id = "revenue";
        const string Title = "Revenue over time";
        if (days.Count == 0)
        {
            return NoData(Id, "span-8", Title, AfterFirstRun);
        }

        var content = new HtmlBuilder();
        var chartTitle = $"Daily revenue and margin ({currency})";
        content.Add(Responsive(
            TimeChart.Render(Id + "-chart", chartTitle, days, currency, TimeChart.Wide),
            TimeChart.Render(Id + "-chart-n", chartTitle, days, currency, TimeChart.Narrow)));
        content.Add(DataTable.Folded(
            "Revenue, margin and orders per purchase date",
            ["Date", "Orders", $"Revenue ({currency})", $"Margin ({currency})"],
            days.Select(d => (IReadOnlyList<string>)[Figures.Date(d.Date), Figures.Count(d.Orders), Figures.Money(d.Revenue), Figures.Money(d.Margin)])));
        var legend = new TrustedHtml("<div class=\"legend\"><span class=\"key key-revenue\">Revenue</span><span class=\"key key-margin\">Margin</span></div>");
        var subtitle = $"{currency}, net of discounts, per purchase date, all categories · {Figures.Count(days.Count)} days";
        return Card(Id, "span-8", Title, subtitle, content.ToTrusted(), legend);
    }

    private static TrustedHtml Breakdown(string id, string span, string title, (string Column, string Plural) noun, IReadOnlyList<RevenueShare> rows, string tone, string currency)
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
                $"{r.Label}: revenue {Figures.Money(r.Revenue)} {currency} ({Figures.Percent(Share(r.Revenue))}), {Figures.Count(r.Orders)} orders, margin {Figures.Money(r.Margin)} {currency}"))
            .ToList();

        var content = new HtmlBuilder();
        content.Add(BarChart.Render(id + "-chart", $"{title} ({currency})", tone, bars));
        content.Add(DataTable.Folded(
            title,
            [noun.Column, "Orders", $"Revenue ({currency})", "Share", $"Margin ({currency})"],
            rows.Select(r => (IReadOnlyList<string>)[r.Label, Figures.Count(r.Orders), Figures.Money(r.Revenue), Figures.Percent(Share(r.Revenue)), Figures.Money(r.Margin)])));
        return Card(id, span, title, $"{currency} over the whole period · {Figures.Count(rows.Count)} {noun.Plural}", content.ToTrusted());
    }

    private static TrustedHtml TopBrands(IReadOnlyList<BrandRevenue> brands, string currency)
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
                $"{b.Brand} ({b.Category}): revenue {Figures.Money(b.Revenue)} {currency}, {Figures.Count(b.Orders)} orders, margin {Figures.Money(b.Margin)} {currency}",
                b.Category))
            .ToList();

        var content = new HtmlBuilder();
        var chartTitle = $"{title} by revenue ({currency})";
        content.Add(Responsive(
            BarChart.Render(Id + "-chart", chartTitle, "tone-amber", bars, width: 620),
            BarChart.Render(Id + "-chart-n", chartTitle, "tone-amber", bars, width: NarrowWidth)));
        content.Add(DataTable.Folded(
            title + " by revenue",
            ["#", "Brand", "Category", "Orders", $"Revenue ({currency})", $"Margin ({currency})"],
            brands.Select((b, i) => (IReadOnlyList<string>)[Figures.Count(i + 1), b.Brand, b.Category, Figures.Count(b.Orders), Figures.Money(b.Revenue), Figures.Money(b.Margin)]),
            textColumns: 3));
        return Card(Id, "span-6", title, $"By revenue over the whole period, {currency}", content.ToTrusted());
    }

    private static TrustedHtml Segments(IReadOnlyList<SegmentRevenue> segments, string currency)
    {
        const string Id = "segments";
        const string Title = "Customer segments";
        if (segments.Count == 0)
        {
            return NoData(Id, "span-6", Title, "Appears after a run; gender and age come from the optional user file under landing/reference/users.");
        }

        var content = new HtmlBuilder();
        var chartTitle = $"Revenue by gender and age band ({currency})";
        content.Add(Responsive(
            SegmentGrid.Render(Id + "-chart", chartTitle, segments, currency),
            SegmentGrid.Render(Id + "-chart-n", chartTitle, segments, currency, width: NarrowWidth)));
        content.Add(DataTable.Folded(
            "Revenue and orders per customer segment",
            ["Gender", "Age band", "Orders", $"Revenue ({currency})"],
            segments.Select(s => (IReadOnlyList<string>)[s.Gender, s.AgeBand, Figures.Count(s.Orders), Figures.Money(s.Revenue)]),
            textColumns: 2));
        return Card(Id, "span-6", Title, $"Revenue ({currency}) by gender and age band · 'unknown' = buyer not in the user file", content.ToTrusted());
    }

    /// <summary>A chart drawn twice: the wide drawing for cards wider than a phone, the narrow one for phones (CSS shows one).</summary>
    private static TrustedHtml Responsive(TrustedHtml wide, TrustedHtml narrow)
    {
        var html = new HtmlBuilder();
        html.Add($"<div class=\"chart-wide\">{wide}</div><div class=\"chart-narrow\">{narrow}</div>");
        return html.ToTrusted();
    }
}
