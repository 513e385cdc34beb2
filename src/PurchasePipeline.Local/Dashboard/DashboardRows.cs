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

/// <summary>One ETL run as the runs table shows it, from its manifest.</summary>
internal sealed record RunRow(
    string RunId,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    int Files,
    long RowsIn,
    long RowsClean,
    long RowsRejected,
    long RowsDeduplicated);
