namespace PurchasePipeline.Local.Dashboard;

/// <summary>A horizontal bar chart as inline SVG: label, bar on a track, value. Bars keep the given order.</summary>
internal static class BarChart
{
    private const double Top = 6;
    private const double BarHeight = 14;
    private const double ValueWidth = 58;
    private const double CharWidth = 6.6;

    public static TrustedHtml Render(string id, string title, string tone, IReadOnlyList<Bar> bars, double width = 420)
    {
        var rowHeight = bars.Any(b => b.Note is not null) ? 40.0 : 30.0;
        var maxChars = (int)(width * 0.36 / CharWidth);
        var labels = bars.Select(b => SvgFrame.Shorten(b.Label, maxChars)).ToList();
        var labelWidth = Math.Clamp((labels.Max(l => l.Length) * CharWidth) + 14, 70, width * 0.4);
        var trackWidth = width - labelWidth - ValueWidth;
        var max = bars.Max(b => b.Value);
        var height = (Top * 2) + (rowHeight * bars.Count);

        var body = new HtmlBuilder();
        body.Add($"<g class=\"bars {tone}\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var middle = Top + (rowHeight * i) + (rowHeight / 2);
            var length = max <= 0 ? 0 : Math.Max(2, (double)(Math.Max(bar.Value, 0) / max) * trackWidth);
            var labelY = bar.Note is null ? middle + 4 : middle - 2;
            body.Add($"<g class=\"bar-row\" data-label=\"{bar.Label}\" data-value=\"{bar.Value}\"><title>{bar.Tooltip}</title>");
            body.Add($"<text class=\"label\" x=\"{labelWidth - 10:0.##}\" y=\"{labelY:0.##}\" text-anchor=\"end\">{labels[i]}</text>");
            if (bar.Note is not null)
            {
                body.Add($"<text class=\"note\" x=\"{labelWidth - 10:0.##}\" y=\"{middle + 11:0.##}\" text-anchor=\"end\">{SvgFrame.Shorten(bar.Note, maxChars)}</text>");
            }

            body.Add($"<rect class=\"track\" x=\"{labelWidth:0.##}\" y=\"{middle - (BarHeight / 2):0.##}\" width=\"{trackWidth:0.##}\" height=\"{BarHeight:0.##}\" rx=\"4\"/>");
            body.Add($"<rect class=\"bar\" x=\"{labelWidth:0.##}\" y=\"{middle - (BarHeight / 2):0.##}\" width=\"{length:0.##}\" height=\"{BarHeight:0.##}\" rx=\"4\"/>");
            body.Add($"<text class=\"value\" x=\"{width - 2:0.##}\" y=\"{middle + 4:0.##}\" text-anchor=\"end\">{bar.ValueText}</text>");
            body.Add($"</g>");
        }

        body.Add($"</g>");
        var top = bars.MaxBy(b => b.Value)!;
        var description = $"Horizontal bar chart of {bars.Count} bars; the largest is {top.Label} with {top.ValueText}.";
        return SvgFrame.Wrap(id, width, height, title, description, body.ToTrusted());
    }
}
