using PurchasePipeline.Generator.Catalog;
using PurchasePipeline.Generator.Sampling;

namespace PurchasePipeline.Generator.Rows;

/// <summary>
/// Generates browsing sessions: one customer on one device buys one to six products, a few minutes apart.
/// </summary>
internal sealed class SessionPlanner(Random random)
{
    private static readonly WeightedChoice<int> PurchasesPerSession = WeightedChoice.Of(
        (1, 50.0), (2, 24.0), (3, 13.0), (4, 7.0), (5, 4.0), (6, 2.0));

    private static readonly TimeSpan EndOfDay = TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1);

    private readonly UserPicker users = new(random);
    private readonly SessionIds sessionIds = new(random);

    /// <summary>One session on <paramref name="day"/>, at most <paramref name="maxPurchases"/> purchases long.</summary>
    public IEnumerable<Purchase> Session(DateOnly day, int maxPurchases)
    {
        var count = Math.Min(maxPurchases, PurchasesPerSession.Pick(random));
        var times = PurchaseTimes(count);
        var user = users.Pick(random);
        var session = sessionIds.Next();
        var device = DeviceProfiles.Pick(random);
        var ip = IpAddresses.Pick(random);
        var referrer = Referrers.Pick(random);
        var payment = PaymentMethods.Pick(random, device.Os);
        foreach (var time in times)
        {
            var category = ProductCatalog.Popularity.Pick(random);
            var cost = category.PickCost(random);
            var selling = Pricing.SellingPrice(random, cost);
            var paidWith = random.NextDouble() < 0.9 ? payment : PaymentMethods.Pick(random, device.Os);
            yield return new Purchase(
                user, session, category.Name, category.Brands.Pick(random), cost, selling,
                Pricing.Discount(random, selling), day.ToDateTime(TimeOnly.FromTimeSpan(time)), referrer,
                device.DeviceType, device.Os, device.Browser, ip, paidWith);
        }
    }

    /// <summary>Strictly increasing times of day, 1–20 minutes apart, the whole session inside the day.</summary>
    private List<TimeSpan> PurchaseTimes(int count)
    {
        var times = new List<TimeSpan> { DailyCurve.Pick(random) };
        for (var i = 1; i < count; i++)
        {
            times.Add(times[^1] + TimeSpan.FromSeconds(random.Next(60, 1200)));
        }

        var overflow = times[^1] - EndOfDay;
        return overflow > TimeSpan.Zero ? [.. times.Select(t => t - overflow)] : times;
    }
}
