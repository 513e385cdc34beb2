using PurchasePipeline.Generator;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Benchmarks;

/// <summary>
/// The folders of one benchmark run, under the system temp folder, and the generated input they hold.
/// Every case reads the same landing folder; each writes to its own output folder, emptied before each
/// measured run.
/// </summary>
internal sealed class BenchmarkWorkspace : IDisposable
{
    private BenchmarkWorkspace(string root)
    {
        Root = root;
        Throughput = new LocalHome(Path.Combine(root, "throughput"));
    }

    public string Root { get; }

    /// <summary>The throughput input (landing/) and our job's lake and bookmarks.</summary>
    public LocalHome Throughput { get; }

    /// <summary>Where the raw DuckDB baseline writes its Parquet.</summary>
    public string RawDuckDbOutput => Path.Combine(Root, "raw-duckdb-out");

    /// <summary>Where the pandas baseline writes its CSV.</summary>
    public string PandasOutput => Path.Combine(Root, "pandas-out");

    /// <summary>Generated files the incremental series lands one at a time (a landing/ of its own).</summary>
    public string IncrementalSource => Path.Combine(Root, "incremental-source");

    /// <summary>The home the incremental series runs the job in.</summary>
    public LocalHome IncrementalHome => new(Path.Combine(Root, "incremental"));

    public static BenchmarkWorkspace Create(string scaleName)
    {
        var root = Path.Combine(Path.GetTempPath(), "purchase-pipeline-benchmarks", scaleName);
        DeleteFolder(root);
        Directory.CreateDirectory(root);
        return new BenchmarkWorkspace(root);
    }

    /// <summary>Seeded batches, the user dimension included, written to <paramref name="landing"/>.</summary>
    public static Task<GenerationResult> GenerateAsync(string landing, int files, int rows, CancellationToken cancellationToken) =>
        GeneratorRunner.RunAsync(
            new GenerateOptions { Out = landing, Files = files, Rows = rows, Seed = BenchmarkScale.Seed, IncludeUsers = true },
            progress: null,
            cancellationToken);

    /// <summary>Forgets our job's output and bookmark, so the next run processes every landed file again.</summary>
    public void ResetLocalJob()
    {
        DeleteFolder(Throughput.Lake);
        DeleteFolder(Throughput.Bookmarks);
    }

    public void ResetRawDuckDb() => DeleteFolder(RawDuckDbOutput);

    public void ResetPandas() => DeleteFolder(PandasOutput);

    public void Dispose() => DeleteFolder(Root);

    public static void DeleteFolder(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
