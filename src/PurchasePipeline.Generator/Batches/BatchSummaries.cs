using System.Collections.ObjectModel;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Generator.Rows;

namespace PurchasePipeline.Generator.Batches;

/// <summary>Counts a batch's row outcomes into a <see cref="BatchSummary"/>.</summary>
internal static class BatchSummaries
{
    public static BatchSummary Create(int batch, string key, DateOnly date, IReadOnlyList<GeneratedRow> rows)
    {
        var rejected = rows
            .Where(r => r.Outcome.Status == RowStatus.Rejected)
            .GroupBy(r => r.Outcome.RejectReason!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ordered = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var reason in RejectReason.All.Where(rejected.ContainsKey))
        {
            ordered[reason] = rejected[reason];
        }

        if (ordered.Count != rejected.Count)
        {
            throw new InvalidOperationException("The generator labelled a row with a reason RejectReason does not know.");
        }

        return new BatchSummary(
            batch,
            key,
            date,
            rows.Count,
            rows.Count(r => r.Outcome.Status == RowStatus.ValidUnique),
            rows.Count(r => r.Outcome.Status == RowStatus.Duplicate),
            new ReadOnlyDictionary<string, int>(ordered));
    }
}
