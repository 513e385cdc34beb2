using PurchasePipeline.Generator.Dirty;
using PurchasePipeline.Generator.Rows;

namespace PurchasePipeline.Generator.Batches;

/// <summary>
/// The rows of one file: a day of clean purchases in time order, with the planned dirty rows put in place
/// and every row labelled with the outcome the transform will give it.
/// </summary>
internal static class BatchRows
{
    public static IReadOnlyList<GeneratedRow> Create(Random random, SessionPlanner sessions, DateOnly day, int rows, double dirtyRate)
    {
        var purchases = DayOfPurchases.Create(sessions, day, rows);
        var plan = DirtyPlan.Create(random, rows, dirtyRate);
        var result = new List<GeneratedRow>(rows);
        var kept = new List<(GeneratedRow Row, Purchase Purchase)>();
        for (var i = 0; i < rows; i++)
        {
            var row = Create(random, plan[i], purchases[i], kept);
            if (row.Outcome.Status == RowStatus.ValidUnique)
            {
                kept.Add((row, purchases[i]));
            }

            result.Add(row);
        }

        return result;
    }

    private static GeneratedRow Create(Random random, DirtyKind? kind, Purchase purchase, List<(GeneratedRow Row, Purchase Purchase)> kept)
    {
        // A duplicate needs an earlier valid row; the first rows of a file may have none yet.
        if ((kind is DirtyKind.ExactDuplicate or DirtyKind.StrayWhitespaceAndCaseDuplicate) && kept.Count == 0)
        {
            kind = DirtyKind.StrayWhitespaceAndCase;
        }

        switch (kind)
        {
            case null:
                return new GeneratedRow(purchase.ToFields(), null, RowOutcome.ValidUnique, null);
            case DirtyKind.StrayWhitespaceAndCase:
                return new GeneratedRow(StrayWhitespaceAndCase.Apply(random, purchase.ToFields()), null, RowOutcome.ValidUnique, kind);
            case DirtyKind.ExactDuplicate:
                var original = kept[random.Next(kept.Count)].Row;
                return new GeneratedRow(original.Fields, original.ExtraField, RowOutcome.Duplicate, kind);
            case DirtyKind.StrayWhitespaceAndCaseDuplicate:
                var earlier = kept[random.Next(kept.Count)].Purchase;
                return new GeneratedRow(StrayWhitespaceAndCase.Apply(random, earlier.ToFields()), null, RowOutcome.Duplicate, kind);
            default:
                return RejectedRows.Create(kind.Value, random, purchase);
        }
    }
}
