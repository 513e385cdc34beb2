namespace PurchasePipeline.Generator.Sampling;

/// <summary>Shorthand for building a <see cref="WeightedChoice{T}"/> from an item → weight table.</summary>
internal static class WeightedChoice
{
    public static WeightedChoice<T> Of<T>(params (T Item, double Weight)[] weighted) => new(weighted);
}
