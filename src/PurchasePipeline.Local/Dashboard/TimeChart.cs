using System.Globalization;
using System.Text;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// Revenue (area and line) and margin (line) per purchase date as inline SVG, with a value axis, date
/// labels, and one hover target per day whose tooltip tells that day's numbers. Needs no script. Drawn
/// <see cref="Wide"/> for a wide card and <see cref="Narrow"/> for a phone, where the wide drawing's text
/// would shrink below legibility.
/// </summary>
internal static class TimeChart
{
    public static readonly TimeChartSize Wide = new(860, 320, 8);
    public static readonly TimeChartSize Narrow = new(400, 260, 4);

    private const double Left = 58;
    private const double Right = 18;
    private const double Top = 14;
    private const double Bottom = 32;
    private const int MostDots = 45;

    public static TrustedHtml Render(string id, string title, IReadOnlyList<DailyRevenue> days, string currency, TimeChartSize size)
    {
        var plot = new Plot(days, size);
        var body = new HtmlBuilder();
        body.Add($"<defs><linearGradient id=\"{id}-fill\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\"><stop offset=\"0\" class=\"area-top\"/><stop offset=\"1\" class=\"area-bottom\"/></linearGradient></defs>");
        AddValueAxis(body, plot, size);
        AddDateAxis(body, plot, days, size);

        var baseline = plot.Y(0);
        var revenue = Path(days, d => plot.Y((double)d.Revenue), plot);
        var first = plot.X(days[0].Date);
        var last = plot.X(days[^1].Date);
        body.Add($"<path class=\"area\" fill=\"url(#{id}-fill)\" d=\"M{first:0.##},{baseline:0.##} L{revenue[1..]} L{last:0.##},{baseline:0.##} Z\"/>");
        body.Add($"<path class=\"line margin\" d=\"{Path(days, d => plot.Y((double)d.Margin), plot)}\"/>");
        body.Add($"<path class=\"line revenue\" d=\"{revenue}\"/>");
        if (days.Count <= MostDots)
        {
            foreach (var day in days)
            {
                body.Add($"<circle class=\"dot\" cx=\"{plot.X(day.Date):0.##}\" cy=\"{plot.Y((double)day.Revenue):0.##}\" r=\"3.5\"/>");
            }
        }

        AddHoverTargets(body, plot, days, currency);
        var best = days.MaxBy(d => d.Revenue)!;
        var description = $"Area chart of daily revenue with a margin line, {Figures.Date(days[0].Date)} to {Figures.Date(days[^1].Date)}; "
            + $"the best day is {Figures.Date(best.Date)} with revenue {Figures.Money(best.Revenue)} {currency}.";
        return SvgFrame.Wrap(id, size.Width, size.Height, title, description, body.ToTrusted());
    }

    private static string Path(IReadOnlyList<DailyRevenue> days, Func<DailyRevenue, double> y, Plot plot)
    {
        var path = new StringBuilder();
        foreach (var day in days)
        {
            path.Append(path.Length == 0 ? 'M' : 'L')
                .Append(plot.X(day.Date).ToString("0.##", CultureInfo.InvariantCulture))
                .Append(',')
                .Append(y(day).ToString("0.##", CultureInfo.InvariantCulture))
                .Append(' ');
        }

        return path.ToString().TrimEnd();
    }

    private static void AddValueAxis(HtmlBuilder body, Plot plot, TimeChartSize size)
    {
        foreach (var tick in plot.Ticks)
        {
            var y = plot.Y(tick);
            body.Add($"<line class=\"grid\" x1=\"{Left:0.##}\" y1=\"{y:0.##}\" x2=\"{size.Width - Right:0.##}\" y2=\"{y:0.##}\"/>");
            body.Add($"<text class=\"axis\" x=\"{Left - 10:0.##}\" y=\"{y + 4:0.##}\" text-anchor=\"end\">{Figures.Compact((decimal)tick)}</text>");
        }
    }

    private static void AddDateAxis(HtmlBuilder body, Plot plot, IReadOnlyList<DailyRevenue> days, TimeChartSize size)
    {
        var first = days[0].Date;
        var last = days[^1].Date;
        var step = Math.Max(1, (int)Math.Ceiling((plot.SpanDays + 1) / (double)size.MostDateLabels));
        for (var date = first; date <= last; date = date.AddDays(step))
        {
            body.Add($"<text class=\"axis\" x=\"{plot.X(date):0.##}\" y=\"{size.Height - 10:0.##}\" text-anchor=\"middle\">{Figures.ShortDate(date)}</text>");
        }
    }

    private static void AddHoverTargets(HtmlBuilder body, Plot plot, IReadOnlyList<DailyRevenue> days, string currency)
    {
        var slot = plot.SpanDays == 0 ? plot.PlotWidth : Math.Max(3, plot.PlotWidth / plot.SpanDays);
        foreach (var day in days)
        {
            var tip = $"{Figures.Date(day.Date)}: revenue {Figures.Money(day.Revenue)} {currency}, margin {Figures.Money(day.Margin)} {currency}, {Figures.Count(day.Orders)} orders";
            body.Add($"<rect class=\"hit\" data-date=\"{Figures.Date(day.Date)}\" data-revenue=\"{day.Revenue}\" data-orders=\"{day.Orders}\" x=\"{plot.X(day.Date) - (slot / 2):0.##}\" y=\"{Top:0.##}\" width=\"{slot:0.##}\" height=\"{plot.PlotHeight:0.##}\"><title>{tip}</title></rect>");
        }
    }

    /// <summary>Where dates and values fall in the drawing.</summary>
    private sealed class Plot
    {
        private readonly DateOnly first;

        public Plot(IReadOnlyList<DailyRevenue> days, TimeChartSize size)
        {
            PlotWidth = size.Width - Left - Right;
            PlotHeight = size.Height - Top - Bottom;
            first = days[0].Date;
            SpanDays = days[^1].Date.DayNumber - first.DayNumber;
            var low = Math.Min(0, (double)days.Min(d => Math.Min(d.Revenue, d.Margin)));
            var high = Math.Max(0, (double)days.Max(d => Math.Max(d.Revenue, d.Margin)));
            Ticks = AxisTicks.Nice(low, high, 5);
        }

        public int SpanDays { get; }

        public double PlotWidth { get; }

        public double PlotHeight { get; }

        public IReadOnlyList<double> Ticks { get; }

        public double X(DateOnly date) =>
            SpanDays == 0 ? Left + (PlotWidth / 2) : Left + ((date.DayNumber - first.DayNumber) * PlotWidth / SpanDays);

        public double Y(double value) =>
            Top + PlotHeight - ((value - Ticks[0]) / (Ticks[^1] - Ticks[0]) * PlotHeight);
    }
}

/// <summary>A drawing size of the <see cref="TimeChart"/> and how many date labels fit under it.</summary>
internal sealed record TimeChartSize(double Width, double Height, int MostDateLabels);
