using System.Globalization;
using DuckDB.NET.Data;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Duck;

/// <summary>
/// Opens the in-memory DuckDB databases of one home that read the lake or a batch (the job, its audit, the compactor,
/// validation, <c>query</c>, the dashboard's figures), each holding at most one memory limit and spilling the rest to a
/// folder of its own under HOME/tmp/duckdb (<see cref="SpillFolders"/>). Without a limit DuckDB takes up to 80% of the
/// machine's RAM and a big batch's tables all stay in memory; with one, its tables, joins, windows and sorts spill.
/// </summary>
/// <remarks>
/// Each database gets the whole limit: the callers of one process open them one after the other (the job closes its
/// transform's database before its audit opens one), so the limits do not add up.
/// </remarks>
public sealed class DuckMemory
{
    /// <summary>The variable that overrides <see cref="DefaultLimit"/>, e.g. PURCHASE_PIPELINE_MEMORY_LIMIT=4GB.</summary>
    public const string LimitVariable = "PURCHASE_PIPELINE_MEMORY_LIMIT";

    /// <summary>
    /// DuckDB's share: the process's peak stays within 2 GB with it (tests/PurchasePipeline.Benchmarks, memory),
    /// as the runtime, the engine and DuckDB's buffers outside its limit add up to a few hundred MB on top.
    /// </summary>
    public const string DefaultLimit = "1GB";

    private readonly SpillFolders spill;

    /// <param name="home">The home whose tmp/duckdb folder the databases spill to.</param>
    /// <param name="limit">DuckDB's memory_limit in its own size syntax ("1GB", "512MB"); null: <see cref="ConfiguredLimit"/> of this process.</param>
    public DuckMemory(LocalHome home, string? limit = null)
    {
        ArgumentNullException.ThrowIfNull(home);
        Limit = limit ?? ConfiguredLimit(Environment.GetEnvironmentVariable);
        spill = new SpillFolders(Path.Combine(home.Temp, "duckdb"));
    }

    /// <summary>The limit, as it was given ("1GB").</summary>
    public string Limit { get; }

    /// <summary>
    /// Whether a result without ORDER BY keeps the order of what it reads (DuckDB's default, what a <c>query</c> user
    /// sees). The job turns it off: nothing reads the transform's tables in insertion order (outputs sort or partition
    /// explicitly, source_row is numbered as each file is read), and DuckDB can then spill and write in parallel.
    /// </summary>
    public bool PreserveInsertionOrder { get; init; } = true;

    /// <summary>The limit from <see cref="LimitVariable"/>, else <see cref="DefaultLimit"/>.</summary>
    public static string ConfiguredLimit(Func<string, string?> environment) =>
        environment(LimitVariable) is { Length: > 0 } value ? value.Trim() : DefaultLimit;

    /// <summary>
    /// An open in-memory database under the limit, spilling to a new folder of its own that is deleted when the
    /// connection is disposed (DuckDB creates it on the first spill).
    /// </summary>
    /// <exception cref="ArgumentException">The limit is not a size DuckDB reads: one line naming it and <see cref="LimitVariable"/>.</exception>
    public DuckDBConnection Open()
    {
        var folder = spill.Next();
        var connection = Duck.OpenInMemory();
        connection.Disposed += (_, _) => SpillFolders.Delete(folder);
        try
        {
            connection.Execute(Settings(folder));
            return connection;
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new ArgumentException($"memory limit {Limit} (${LimitVariable}): {e.Message.Split('\n')[0].Trim()}", "limit", e);
        }
    }

    /// <summary>
    /// <paramref name="user"/>'s error for DuckDB's out-of-memory error: one line naming the limit and the variable.
    /// </summary>
    /// <param name="user">Who ran out, as the message starts: "the job", "the query".</param>
    /// <param name="error">DuckDB's error (<see cref="IsOutOfMemory"/>).</param>
    public MemoryLimitExceededException Exceeded(string user, DuckDBException error) => new(user, Limit, error);

    /// <summary>Whether DuckDB failed for want of memory (what <see cref="Exceeded"/> reports).</summary>
    public static bool IsOutOfMemory(DuckDBException error) => error?.ErrorType == DuckDB.NET.Native.DuckDBErrorType.OutOfMemory;

    /// <summary>
    /// The SET statements. threads: DuckDB counts the host's cores, .NET the ones this process may use (a container's
    /// CPU limit). A partitioned COPY buffers each open partition's rows outside what DuckDB can spill, by default up to
    /// 524,288 rows each: flushing every row group's worth keeps a month of dates within the limit.
    /// </summary>
    private string Settings(string folder) => string.Create(
        CultureInfo.InvariantCulture,
        $"SET memory_limit = {Duck.Literal(Limit)}; SET temp_directory = {Duck.PathLiteral(folder)}; SET preserve_insertion_order = {(PreserveInsertionOrder ? "true" : "false")}; SET threads = {Environment.ProcessorCount}; SET partitioned_write_flush_threshold = 122880");
}
