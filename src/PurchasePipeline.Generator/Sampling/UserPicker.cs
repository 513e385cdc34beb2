namespace PurchasePipeline.Generator.Sampling;

/// <summary>
/// Picks customers USI_1..USI_<see cref="Count"/> with a Zipf-like skew: a few loyal customers come back
/// often, most buy once in a while. Which ids are the heavy buyers is shuffled by the seed.
/// </summary>
internal sealed class UserPicker
{
    /// <summary>How many customers the shop has.</summary>
    public const int Count = 1000;

    private const double Skew = 0.7;

    private readonly WeightedChoice<int> users;

    public UserPicker(Random random)
    {
        var ids = Enumerable.Range(1, Count).ToArray();
        random.Shuffle(ids);
        users = new WeightedChoice<int>(ids.Select((id, rank) => (id, 1.0 / Math.Pow(rank + 1, Skew))));
    }

    public string Pick(Random random) => UserId(users.Pick(random));

    public static string UserId(int number) => "USI_" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
