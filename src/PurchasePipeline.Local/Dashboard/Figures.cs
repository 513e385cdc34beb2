using System.Globalization;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>How numbers and times read on the page: invariant culture, so the page is the same everywhere.</summary>
internal static class Figures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Shown where a value cannot exist yet (a rate without a denominator).</summary>
    public const string None = "–";

    /// <summary>An amount in full: 1,234,567.89.</summary>
    public static string Money(decimal value) => value.ToString("#,##0.00", Invariant);

    /// <summary>A count in full: 1,234,567.</summary>
    public static string Count(long value) => value.ToString("#,##0", Invariant);

    /// <summary>An amount or count in at most four significant-looking characters: 1.23M, 456k, 78.5.</summary>
    public static string Compact(decimal value)
    {
        var magnitude = Math.Abs(value);
        return magnitude switch
        {
            >= 1_000_000_000m => (value / 1_000_000_000m).ToString("0.##", Invariant) + "B",
            >= 1_000_000m => (value / 1_000_000m).ToString("0.##", Invariant) + "M",
            >= 10_000m => (value / 1_000m).ToString("0.#", Invariant) + "k",
            >= 1_000m => (value / 1_000m).ToString("0.##", Invariant) + "k",
            _ => value.ToString("0.##", Invariant),
        };
    }

    /// <summary>A share as a percentage with one decimal: 12.3%.</summary>
    public static string Percent(decimal? share) =>
        share is { } value ? (value * 100m).ToString("0.0", Invariant) + "%" : None;

    /// <summary>An ISO date: 2026-11-25.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    /// <summary>A short axis date: Nov 25.</summary>
    public static string ShortDate(DateOnly date) => date.ToString("MMM d", Invariant);

    /// <summary>A UTC time to the second: 2026-11-25 10:00:05 UTC.</summary>
    public static string Utc(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", Invariant) + " UTC";

    /// <summary>How long ago, to the unit that matters: 45 s, 12 min, 5 h 20 min, 3 days.</summary>
    public static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => Math.Max(0, (long)age.TotalSeconds).ToString(Invariant) + " s",
        { TotalHours: < 1 } => ((long)age.TotalMinutes).ToString(Invariant) + " min",
        { TotalDays: < 1 } => ((long)age.TotalHours).ToString(Invariant) + " h " + age.Minutes.ToString(Invariant) + " min",
        _ => ((long)age.TotalDays).ToString(Invariant) + (age.TotalDays < 2 ? " day" : " days"),
    };

    /// <summary>A run's duration: 850 ms, 4.2 s, 3 min 12 s.</summary>
    public static string Duration(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 1 } => Math.Max(0, duration.TotalMilliseconds).ToString("0", Invariant) + " ms",
        { TotalMinutes: < 1 } => duration.TotalSeconds.ToString("0.0", Invariant) + " s",
        _ => ((long)duration.TotalMinutes).ToString(Invariant) + " min " + duration.Seconds.ToString(Invariant) + " s",
    };
}
