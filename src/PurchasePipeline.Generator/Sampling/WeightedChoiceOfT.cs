namespace PurchasePipeline.Generator.Sampling;

/// <summary>Picks one of a fixed set of items with probability proportional to its weight.</summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] items;
    private readonly double[] cumulative;

    public WeightedChoice(IEnumerable<(T Item, double Weight)> weighted)
    {
        var pairs = weighted.ToArray();
        if (pairs.Length == 0 || pairs.Any(p => p.Weight <= 0))
        {
            throw new ArgumentException("A weighted choice needs at least one item, each with a positive weight.", nameof(weighted));
        }

        items = [.. pairs.Select(p => p.Item)];
        cumulative = new double[pairs.Length];
        var total = 0.0;
        for (var i = 0; i < pairs.Length; i++)
        {
            total += pairs[i].Weight;
            cumulative[i] = total;
        }
    }

    public IReadOnlyList<T> Items => items;

    public T Pick(Random random)
    {
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return items[Math.Min(index, items.Length - 1)];
    }
}
