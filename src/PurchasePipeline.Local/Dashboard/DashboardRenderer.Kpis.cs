namespace PurchasePipeline.Local.Dashboard;

/// <summary>The row of headline numbers.</summary>
internal static partial class DashboardRenderer
{
    private static TrustedHtml Kpis(DashboardKpis kpis, string currency)
    {
        var html = new HtmlBuilder();
        html.Add($"<section class=\"kpis\" aria-label=\"Key figures\">\n");
        var sold = kpis.Orders > 0;
        html.Add(Kpi($"Net revenue ({currency})", sold ? Figures.Compact(kpis.Revenue) : Figures.None, sold ? $"{Figures.Money(kpis.Revenue)} {currency}" : "no sales yet", "indigo"));
        html.Add(Kpi("Orders", Figures.Count(kpis.Orders), kpis.AverageOrderValue is { } average ? $"avg order {Figures.Money(average)} {currency}" : "no sales yet", "sky"));
        html.Add(Kpi("Margin", Figures.Percent(kpis.MarginRate), sold ? $"{Figures.Money(kpis.Margin)} {currency} over cost" : "no sales yet", "emerald"));
        html.Add(Kpi("Customers", Figures.Count(kpis.Customers), "distinct buyers", "violet"));
        html.Add(Kpi("Reject rate", Figures.Percent(kpis.RejectRate), kpis.RowsDistinct > 0 ? $"{Figures.Count(kpis.RowsRejected)} of {Figures.Count(kpis.RowsDistinct)} distinct rows read" : "no rows read yet", "rose"));
        html.Add(Kpi("Duplicates", Figures.Count(kpis.RowsDuplicate), $"rows dropped in {Figures.Count(kpis.Runs)} runs" + (kpis.RowsRedelivered == 0 ? string.Empty : $"; {Figures.Count(kpis.RowsRedelivered)} re-delivered rows not counted"), "amber"));
        html.Add($"</section>\n");
        return html.ToTrusted();
    }

    private static TrustedHtml Kpi(string label, string value, string detail, string tone)
    {
        var html = new HtmlBuilder();
        html.Add($"<div class=\"kpi kpi-{tone}\"><div class=\"kpi-label\">{label}</div><div class=\"kpi-value\">{value}</div><div class=\"kpi-sub\">{detail}</div></div>\n");
        return html.ToTrusted();
    }
}
