using System.Globalization;

namespace PurchasePipeline.Local.Duck;

/// <summary>
/// How much memory a DuckDB instance that reads whole batches (the job, its audit) may hold, and the folder it
/// spills the rest to. Without a limit DuckDB takes up to 80% of the machine's RAM and a big batch's tables all
/// stay in memory; with one, its tables, joins, windows and sorts go to <see cref="SpillDirectory"/> beyond it.
/// </summary>
/// <param name="Limit">DuckDB's memory_limit, in its own size syntax ("1GB", "512MB").</param>
/// <param name="SpillDirectory">DuckDB's temp_directory: a folder of its own, deleted by the caller when done.</param>
public sealed record DuckMemory(string Limit, string SpillDirectory)
{
    /// <summary>The variable that overrides <see cref="DefaultLimit"/>, e.g. PURCHASE_PIPELINE_MEMORY_LIMIT=4GB.</summary>
    public const string LimitVariable = "PURCHASE_PIPELINE_MEMORY_LIMIT";

    /// <summary>
    /// DuckDB's share: the process's peak stays within 2 GB with it (tests/PurchasePipeline.Benchmarks, memory),
    /// as the runtime, the engine and DuckDB's buffers outside its limit add up to a few hundred MB on top.
    /// </summary>
    public const string DefaultLimit = "1GB";

    /// <summary>The limit from <see cref="LimitVariable"/>, else <see cref="DefaultLimit"/>.</summary>
    public static string ConfiguredLimit(Func<string, string?> environment) =>
        environment(LimitVariable) is { Length: > 0 } value ? value.Trim() : DefaultLimit;

    /// <summary>
    /// The SET statements. preserve_insertion_order = false: nothing reads the transform's tables in insertion order
    /// (outputs sort or partition explicitly, source_row is numbered as each file is read), and DuckDB can then spill
    /// and write in parallel without keeping order. threads: DuckDB counts the host's cores, .NET the ones this
    /// process may use (a container's CPU limit). A partitioned COPY buffers each open partition's rows outside what
    /// DuckDB can spill, by default up to 524,288 rows each: flushing every row group's worth keeps a month of dates
    /// within the limit.
    /// </summary>
    internal string Settings() => string.Create(
        CultureInfo.InvariantCulture,
        $"SET memory_limit = {Duck.Literal(Limit)}; SET temp_directory = {Duck.PathLiteral(SpillDirectory)}; SET preserve_insertion_order = false; SET threads = {Environment.ProcessorCount}; SET partitioned_write_flush_threshold = 122880");
}
