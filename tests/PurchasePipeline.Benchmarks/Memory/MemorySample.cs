using System.Text.Json.Serialization;

namespace PurchasePipeline.Benchmarks.Memory;

/// <summary>
/// One case run once on one batch, as its child process reports it: the process's peak resident set (VmHWM, the
/// managed heap and DuckDB's native memory alike), its CPU time, its wall time, and the rows it wrote.
/// </summary>
internal sealed record MemorySample(
    [property: JsonPropertyName("case")] string Case,
    [property: JsonPropertyName("rows_in")] long RowsIn,
    [property: JsonPropertyName("wall_seconds")] double WallSeconds,
    [property: JsonPropertyName("cpu_seconds")] double CpuSeconds,
    [property: JsonPropertyName("peak_rss_bytes")] long PeakRssBytes,
    [property: JsonPropertyName("clean")] long Clean,
    [property: JsonPropertyName("rejected")] long Rejected,
    [property: JsonPropertyName("load_before")] double? LoadBefore = null,
    [property: JsonPropertyName("load_after")] double? LoadAfter = null);

/// <summary>The samples of one run of the memory benchmark, as written to results/memory.json for the plot.</summary>
internal sealed record MemoryResults(
    [property: JsonPropertyName("memory_limit")] string MemoryLimit,
    [property: JsonPropertyName("rows_per_file")] int RowsPerFile,
    [property: JsonPropertyName("environment")] string Environment,
    [property: JsonPropertyName("samples")] IReadOnlyList<MemorySample> Samples);
