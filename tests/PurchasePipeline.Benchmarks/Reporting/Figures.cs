using System.Globalization;

namespace PurchasePipeline.Benchmarks.Reporting;

/// <summary>How measured values are written in the report.</summary>
internal static class Figures
{
    public static string Duration(TimeSpan value) =>
        value.TotalSeconds >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.00} s")
            : string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0} ms");

    public static string Bytes(long? value) =>
        value is { } bytes ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MiB") : "n/a";

    public static string Count(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Ratio(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:0.00}x");

    public static string Met(bool met) => met ? "**yes**" : "**no**";
}
