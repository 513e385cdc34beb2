namespace PurchasePipeline.Local.Dashboard;

/// <summary>Round axis values (0, 250, 500 …) that cover a range in about the wanted number of steps.</summary>
internal static class AxisTicks
{
    public static IReadOnlyList<double> Nice(double low, double high, int steps)
    {
        if (high <= low)
        {
            high = low + 1;
        }

        var step = NiceStep((high - low) / steps);
        var first = Math.Floor(low / step) * step;
        var last = Math.Ceiling(high / step) * step;
        var count = (int)Math.Round((last - first) / step);
        // Rounded so that 3 × 0.2 is 0.6 on the axis, not 0.6000000000000001.
        return [.. Enumerable.Range(0, count + 1).Select(i => Math.Round(first + (i * step), 10))];
    }

    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        var nice = fraction switch
        {
            <= 1 => 1,
            <= 2 => 2,
            <= 2.5 => 2.5,
            <= 5 => 5,
            _ => 10,
        };
        return nice * magnitude;
    }
}
