using System.Globalization;

namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>How the engine report writes times and sizes: microseconds and bytes, not the data-plane report's seconds and MiB.</summary>
internal static class EngineFigures
{
    public static string Microseconds(double nanoseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000:0.0} µs");

    public static string Time(double nanoseconds) => nanoseconds switch
    {
        < 1_000_000 => Microseconds(nanoseconds),
        < 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000_000:0.00} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000_000_000:0.00} s"),
    };

    public static string Time(TimeSpan value) => Time(value.Ticks * 100.0);

    public static string Bytes(double bytes) => bytes < 10 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes:#,0} B")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:#,0.0} KB");

    public static string Percent(double share) => share < 0.01
        ? string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.00}%")
        : string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0}%");
}
