using PurchasePipeline.Core.Lake;

namespace PurchasePipeline.Local.Lake;

/// <summary>
/// The local plane's folders under one home (<c>--home</c>). The landing folder plays the S3 bucket,
/// the lake folder the Glue/Athena data lake; both use the bucket's prefixes (<see cref="LakePrefixes"/>).
/// </summary>
/// <remarks>
/// <code>
/// landing/raw/yyyy/MM/dd/*.csv|*.csv.gz|*.jsonl raw purchase objects (the bucket's raw/ prefix)
/// landing/reference/users/*.csv                 optional user dimension
/// lake/clean/purchases/purchase_date=D/*.parquet
/// lake/rejected/purchases/run_id=R/*.parquet
/// lake/aggregates/NAME/purchase_date=D/*.parquet
/// lake/manifests/R.json
/// lake/indexes/reject_ids/bucket=X/*.parquet     the job's index of rejected rows' fingerprints
/// lake/_staging/R/ and lake/_commits/R.json     a run's output before and while it is committed
/// catalog/catalog.duckdb                        tables the crawler registered
/// bookmarks/JOB.json                            processed object keys and ETags
/// trigger/etags.json                            each object's ETag (MD5 of its content), by size and mtime
/// trigger/emitted.json                          objects whose execution ended
/// dashboard/index.html
/// dashboard/figures/R.json                      each committed run's figures, summed by the dashboard
/// tmp/duckdb/PID-START-N/                       what a DuckDB database spills beyond its memory limit, deleted when it closes
/// </code>
/// </remarks>
public sealed class LocalHome
{
    public LocalHome(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string Landing => Path.Combine(Root, "landing");

    public string Raw => Under(Landing, LakePrefixes.Raw);

    public string Users => Under(Landing, LakePrefixes.Users);

    public string Lake => Path.Combine(Root, "lake");

    public string CleanPurchases => Under(Lake, LakePrefixes.CleanPurchases);

    /// <summary>The clean table's partition folder of one purchase date.</summary>
    public string CleanPartitionOf(DateOnly purchaseDate) =>
        Path.Combine(CleanPurchases, "purchase_date=" + purchaseDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    public string RejectedPurchases => Under(Lake, LakePrefixes.RejectedPurchases);

    public string Aggregates => Under(Lake, LakePrefixes.Aggregates);

    public string Manifests => Under(Lake, LakePrefixes.Manifests);

    public string Staging => Under(Lake, LakePrefixes.Staging);

    /// <summary>The local job's index of rejected rows' fingerprints (reject_id), by first hex digit: not a table of the lake.</summary>
    public string RejectIds => Path.Combine(Lake, "indexes", "reject_ids");

    public string Commits => Under(Lake, LakePrefixes.Commits);

    public string Catalog => Path.Combine(Root, "catalog", "catalog.duckdb");

    public string Bookmarks => Path.Combine(Root, "bookmarks");

    public string Dashboard => Path.Combine(Root, "dashboard", "index.html");

    /// <summary>Scratch space of DuckDB databases (their spill files); nothing in it outlives its process.</summary>
    public string Temp => Path.Combine(Root, "tmp");

    /// <summary>The object key (bucket-relative, '/'-separated) of a file under landing/.</summary>
    public string KeyOf(string path) => Path.GetRelativePath(Landing, Path.GetFullPath(path)).Replace('\\', '/');

    /// <summary>The file under landing/ that holds an object key.</summary>
    public string PathOf(string key) => Path.Combine(Landing, key.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The folder of a bucket prefix ("clean/purchases/") under a root.</summary>
    private static string Under(string root, string prefix) => Path.Combine([root, .. prefix.TrimEnd('/').Split('/')]);
}
