namespace PurchasePipeline.Local.Dashboard;

/// <summary>One purchase date, summed over every category.</summary>
internal sealed record DailyRevenue(DateOnly Date, long Orders, decimal Revenue, decimal Margin);

/// <summary>Totals over the whole period for one value of a dimension (a category, device type, …).</summary>
internal sealed record RevenueShare(string Label, long Orders, decimal Revenue, decimal Margin);

/// <summary>A brand's totals over the whole period, with its category.</summary>
internal sealed record BrandRevenue(string Brand, string Category, long Orders, decimal Revenue, decimal Margin);

/// <summary>How many rejected rows carry one reason.</summary>
internal sealed record RejectCount(string Reason, long Rows);

/// <summary>A customer segment's totals over the whole period.</summary>
internal sealed record SegmentRevenue(string Gender, string AgeBand, long Orders, decimal Revenue);

/// <summary>
/// One committed ETL run as the runs table shows it, from its figures: the keys of the objects it read, the status
/// of the execution whose job run it is (null: a run started outside the state machine, or too long ago), rows dropped
/// as duplicates (from objects read for the first time) and rows of re-delivered objects the lake already held.
/// </summary>
internal sealed record RunRow(
    string RunId,
    IReadOnlyList<string> Objects,
    string? Status,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    long RowsIn,
    long RowsClean,
    long RowsRejected,
    long RowsDuplicate,
    long RowsRedelivered);
