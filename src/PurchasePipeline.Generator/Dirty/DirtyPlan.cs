namespace PurchasePipeline.Generator.Dirty;

/// <summary>
/// Decides which rows of a file are dirty and how: round(rows × rate) rows at random positions, the kinds
/// dealt out in turn so that every kind appears once a file has at least as many dirty rows as there are kinds.
/// </summary>
internal static class DirtyPlan
{
    private static readonly DirtyKind[] Kinds = Enum.GetValues<DirtyKind>();

    public static DirtyKind?[] Create(Random random, int rows, double dirtyRate)
    {
        var plan = new DirtyKind?[rows];
        var dirty = (int)Math.Round(rows * dirtyRate, MidpointRounding.AwayFromZero);
        var positions = Enumerable.Range(0, rows).ToArray();
        random.Shuffle(positions);
        var kinds = Kinds.ToArray();
        random.Shuffle(kinds);
        for (var i = 0; i < dirty; i++)
        {
            plan[positions[i]] = kinds[i % kinds.Length];
        }

        return plan;
    }
}
