using PurchasePipeline.Generator.Sampling;

namespace PurchasePipeline.Generator.Catalog;

/// <summary>A product category: its name as the shop writes it, its brands by popularity, its cost range.</summary>
internal sealed record Category(string Name, WeightedChoice<string> Brands, int MinCost, int MaxCost)
{
    /// <summary>
    /// A cost price in the category's range, log-uniform so cheap models outsell flagships.
    /// </summary>
    public int PickCost(Random random)
    {
        var ratio = (double)MaxCost / MinCost;
        return (int)Math.Round(MinCost * Math.Pow(ratio, random.NextDouble()));
    }

    /// <summary>Brands listed first are the most popular; each next one a little less.</summary>
    public static Category Of(string name, int minCost, int maxCost, params string[] brands) =>
        new(name, new WeightedChoice<string>(brands.Select((b, i) => (b, 1.0 / (1 + (0.45 * i))))), minCost, maxCost);
}
