using DuckDB.NET.Data;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Local.Duck;

namespace PurchasePipeline.Local.Etl;

/// <summary>
/// The job's DuckDB needed more memory than its limit allows and could not spill the rest (a limit smaller than one
/// of DuckDB's fixed buffers, or a spill folder on a full disk). The run commits nothing; the message names the
/// limit and the variable that raises it, with DuckDB's own reason.
/// </summary>
public sealed class JobMemoryExceededException : PipelineException
{
    public JobMemoryExceededException(string limit, DuckDBException innerException)
        : base(MessageOf(limit, innerException), innerException)
    {
        Limit = limit;
    }

    /// <summary>The memory limit the run had, as it was given ("1GB").</summary>
    public string Limit { get; }

    private static string MessageOf(string limit, DuckDBException innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        return $"the job ran out of its DuckDB memory limit {limit}: raise {DuckMemory.LimitVariable} (e.g. {DuckMemory.LimitVariable}=4GB) or free disk space for spilling; DuckDB: {innerException.Message.Split('\n')[0].Trim()}";
    }
}
