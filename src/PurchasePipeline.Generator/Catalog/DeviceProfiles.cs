using PurchasePipeline.Generator.Sampling;

namespace PurchasePipeline.Generator.Catalog;

/// <summary>
/// Device, OS and browser combinations that occur in real shop traffic: iPhones and iPads mostly browse
/// with Safari, Android with Chrome or Samsung Internet, Windows with Chrome or Edge; mobile dominates.
/// </summary>
internal static class DeviceProfiles
{
    private static readonly WeightedChoice<string> DeviceTypes = WeightedChoice.Of(("mobile", 56.0), ("desktop", 34.0), ("tablet", 10.0));

    private static readonly WeightedChoice<string> MobileOs = WeightedChoice.Of(("Android", 55.0), ("iOS", 45.0));
    private static readonly WeightedChoice<string> DesktopOs = WeightedChoice.Of(("Windows", 70.0), ("macOS", 23.0), ("Linux", 7.0));
    private static readonly WeightedChoice<string> TabletOs = WeightedChoice.Of(("iOS", 60.0), ("Android", 40.0));

    private static readonly Dictionary<string, WeightedChoice<string>> Browsers = new(StringComparer.Ordinal)
    {
        ["iOS"] = WeightedChoice.Of(("Safari", 85.0), ("Chrome", 12.0), ("Firefox", 3.0)),
        ["Android"] = WeightedChoice.Of(("Chrome", 70.0), ("Samsung Internet", 20.0), ("Firefox", 6.0), ("Opera", 4.0)),
        ["Windows"] = WeightedChoice.Of(("Chrome", 64.0), ("Edge", 26.0), ("Firefox", 9.0), ("Opera", 1.0)),
        ["macOS"] = WeightedChoice.Of(("Safari", 55.0), ("Chrome", 40.0), ("Firefox", 5.0)),
        ["Linux"] = WeightedChoice.Of(("Chrome", 55.0), ("Firefox", 45.0)),
    };

    public static DeviceProfile Pick(Random random)
    {
        var device = DeviceTypes.Pick(random);
        var os = device switch
        {
            "mobile" => MobileOs.Pick(random),
            "tablet" => TabletOs.Pick(random),
            _ => DesktopOs.Pick(random),
        };
        return new DeviceProfile(device, os, Browsers[os].Pick(random));
    }
}
