namespace PurchasePipeline.Generator;

/// <summary>
/// One written batch and what the transform will make of it, row by row: kept, dropped as a duplicate, or
/// rejected with which reason. End-to-end tests compare these numbers with the pipeline's run manifest
/// (rows_in = <see cref="Rows"/>, rows_clean = <see cref="ValidUnique"/>, rows_deduplicated =
/// <see cref="Duplicates"/>, rows_rejected = <see cref="Rejected"/>), given the batch is run on its own
/// and its purchases are not already in the clean table.
/// </summary>
/// <param name="Batch">1-based batch number.</param>
/// <param name="Key">Object key, e.g. <c>raw/2026/11/01/purchases-20261101-s42-000001.csv</c>.</param>
/// <param name="Date">The day all purchases of the batch were made on.</param>
/// <param name="Rows">Data rows in the file (header not counted).</param>
/// <param name="ValidUnique">Rows the transform keeps.</param>
/// <param name="Duplicates">Valid rows dropped because an earlier row of the same file has the same fingerprint.</param>
/// <param name="RejectedByReason">
/// Rejected rows by reject reason (<c>PurchasePipeline.Core.Schema.RejectReason</c>), in that list's order;
/// reasons with no rows are left out. In JSON lines a malformed_row is a line with a property the schema
/// does not know.
/// </param>
public sealed record BatchSummary(
    int Batch,
    string Key,
    DateOnly Date,
    int Rows,
    int ValidUnique,
    int Duplicates,
    IReadOnlyDictionary<string, int> RejectedByReason)
{
    /// <summary>All rejected rows.</summary>
    public int Rejected => RejectedByReason.Values.Sum();
}
