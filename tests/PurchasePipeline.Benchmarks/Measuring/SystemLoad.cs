using System.Globalization;

namespace PurchasePipeline.Benchmarks.Measuring;

/// <summary>
/// The 1-minute load average (/proc/loadavg), noted around each measured phase: on a shared machine
/// other work competes for the cores, and the report should say how much.
/// </summary>
internal static class SystemLoad
{
    private const string LoadAverage = "/proc/loadavg";

    /// <summary>The 1-minute load average, or null where the OS does not publish it.</summary>
    public static double? OneMinute()
    {
        if (!File.Exists(LoadAverage))
        {
            return null;
        }

        var first = File.ReadAllText(LoadAverage).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
    }
}
