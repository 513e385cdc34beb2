using System.Globalization;
using PurchasePipeline.Generator.Sampling;

namespace PurchasePipeline.Generator.Catalog;

/// <summary>
/// Campaign codes as the seed system writes them: three letters for the channel and a campaign number
/// (GGL34 = Google ads campaign 34), or "0" for a direct visit.
/// </summary>
internal static class Referrers
{
    public const string Direct = "0";

    private static readonly WeightedChoice<string> Channels = WeightedChoice.Of(
        ("GGL", 30.0), ("FBK", 14.0), ("IGM", 12.0), ("EML", 10.0), ("YTB", 8.0), ("TTK", 8.0),
        ("AFF", 7.0), ("BNG", 5.0), ("NWS", 4.0), ("TWT", 2.0));

    public static string Pick(Random random) =>
        random.NextDouble() < 0.38
            ? Direct
            : Channels.Pick(random) + random.Next(1, 100).ToString(CultureInfo.InvariantCulture);
}
