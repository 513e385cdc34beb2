namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// Customer segments as an inline SVG heat map: age bands down, genders across, each cell shaded by its
/// share of the largest segment's revenue and labelled with the revenue and orders.
/// </summary>
internal static class SegmentGrid
{
    private const double Left = 70;
    private const double Top = 26;
    private const double CellHeight = 44;
    private const double Gap = 4;
    private const string Unknown = "unknown";

    public static TrustedHtml Render(string id, string title, IReadOnlyList<SegmentRevenue> segments, string currency, double width = 620)
    {
        var genders = Ordered(segments.Select(s => s.Gender));
        var bands = Ordered(segments.Select(s => s.AgeBand));
        var cells = segments.ToDictionary(s => (s.Gender, s.AgeBand));
        var max = segments.Max(s => s.Revenue);
        var cellWidth = (width - Left) / genders.Count;
        var height = Top + (bands.Count * CellHeight);

        var body = new HtmlBuilder();
        for (var column = 0; column < genders.Count; column++)
        {
            var x = Left + (column * cellWidth) + (cellWidth / 2);
            body.Add($"<text class=\"axis head\" x=\"{x:0.##}\" y=\"16\" text-anchor=\"middle\">{SvgFrame.Shorten(genders[column], 16)}</text>");
        }

        for (var row = 0; row < bands.Count; row++)
        {
            var y = Top + (row * CellHeight);
            body.Add($"<text class=\"axis head\" x=\"{Left - 10:0.##}\" y=\"{y + (CellHeight / 2) + 4:0.##}\" text-anchor=\"end\">{SvgFrame.Shorten(bands[row], 10)}</text>");
            for (var column = 0; column < genders.Count; column++)
            {
                var x = Left + (column * cellWidth);
                if (!cells.TryGetValue((genders[column], bands[row]), out var cell))
                {
                    body.Add($"<rect class=\"cell empty\" x=\"{x + (Gap / 2):0.##}\" y=\"{y + (Gap / 2):0.##}\" width=\"{cellWidth - Gap:0.##}\" height=\"{CellHeight - Gap:0.##}\" rx=\"6\"/>");
                    continue;
                }

                var share = max <= 0 ? 0 : (double)(Math.Max(cell.Revenue, 0) / max);
                var strength = share > 0.55 ? "strong" : "weak";
                body.Add($"<g class=\"segment\" data-label=\"{cell.Gender} {cell.AgeBand}\" data-value=\"{cell.Revenue}\"><title>{cell.Gender}, {cell.AgeBand}: revenue {Figures.Money(cell.Revenue)} {currency}, {Figures.Count(cell.Orders)} orders</title>");
                body.Add($"<rect class=\"cell\" x=\"{x + (Gap / 2):0.##}\" y=\"{y + (Gap / 2):0.##}\" width=\"{cellWidth - Gap:0.##}\" height=\"{CellHeight - Gap:0.##}\" rx=\"6\" fill-opacity=\"{0.08 + (0.92 * share):0.###}\"/>");
                body.Add($"<text class=\"cell-value {strength}\" x=\"{x + (cellWidth / 2):0.##}\" y=\"{y + 20:0.##}\" text-anchor=\"middle\">{Figures.Compact(cell.Revenue)}</text>");
                body.Add($"<text class=\"cell-note {strength}\" x=\"{x + (cellWidth / 2):0.##}\" y=\"{y + 34:0.##}\" text-anchor=\"middle\">{Figures.Count(cell.Orders)} orders</text></g>");
            }
        }

        var top = segments.MaxBy(s => s.Revenue)!;
        var description = $"Heat map of revenue by gender and age band, {segments.Count} segments; "
            + $"the largest is {top.Gender}, {top.AgeBand} with revenue {Figures.Money(top.Revenue)} {currency}.";
        return SvgFrame.Wrap(id, width, height, title, description, body.ToTrusted());
    }

    /// <summary>Sorted by name, with 'unknown' (no user dimension row) last.</summary>
    private static List<string> Ordered(IEnumerable<string> values) =>
    [
        .. values.Distinct(StringComparer.Ordinal)
            .OrderBy(v => v == Unknown)
            .ThenBy(v => v, StringComparer.Ordinal),
    ];
}
