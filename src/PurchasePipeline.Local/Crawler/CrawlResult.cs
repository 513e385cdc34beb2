namespace PurchasePipeline.Local.Crawler;

/// <summary>What one crawl found.</summary>
/// <param name="ObjectsCrawled">Raw objects new or changed since the last crawl.</param>
/// <param name="ObjectsTotal">Raw objects in the catalog after the crawl.</param>
/// <param name="Columns">Columns of raw_purchases with the type inferred from the data.</param>
/// <param name="Mismatches">Objects whose columns are not the purchase schema, with why (they are left out of raw_purchases).</param>
public sealed record CrawlResult(
    int ObjectsCrawled,
    int ObjectsTotal,
    IReadOnlyList<InferredColumn> Columns,
    IReadOnlyList<string> Mismatches);

/// <summary>A column the crawler found, with the type DuckDB's sniffer inferred and in how many objects.</summary>
public sealed record InferredColumn(string Name, string InferredType, int Objects);
