namespace PurchasePipeline.Generator.Sampling;

/// <summary>
/// When in the day people buy: quiet at night, a morning rise, a lunch bump and the evening peak
/// (19:00–22:00), as online shops see it.
/// </summary>
internal static class DailyCurve
{
    private static readonly double[] HourWeights =
    [
        3.0, 2.0, 1.3, 1.0, 1.0, 1.5, 2.5, 4.5, 6.5, 7.5, 8.0, 9.0,
        10.5, 9.5, 8.5, 8.5, 9.0, 10.0, 12.0, 14.5, 15.5, 14.0, 10.0, 5.5,
    ];

    private static readonly WeightedChoice<int> Hours = new(HourWeights.Select((w, hour) => (hour, w)));

    /// <summary>A time of day, to the second.</summary>
    public static TimeSpan Pick(Random random) =>
        TimeSpan.FromSeconds((Hours.Pick(random) * 3600) + random.Next(3600));
}
