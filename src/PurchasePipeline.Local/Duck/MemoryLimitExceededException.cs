using DuckDB.NET.Data;
using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Local.Duck;

/// <summary>
/// A DuckDB database of <see cref="DuckMemory"/> needed more memory than its limit allows and could not spill the rest
/// (a limit smaller than one of DuckDB's fixed buffers, or a spill folder on a full disk): the job's run commits
/// nothing, a query fails. The message is one line naming who ran out, the limit and the variable that raises it, with
/// DuckDB's own reason.
/// </summary>
public sealed class MemoryLimitExceededException : PipelineException
{
    /// <param name="user">Who ran out, as the message starts: "the job", "the query".</param>
    /// <param name="limit">The limit it had, as it was given ("1GB").</param>
    /// <param name="innerException">DuckDB's out-of-memory error.</param>
    public MemoryLimitExceededException(string user, string limit, DuckDBException innerException)
        : base(MessageOf(user, limit, innerException), innerException)
    {
        Limit = limit;
    }

    /// <summary>The memory limit, as it was given ("1GB").</summary>
    public string Limit { get; }

    private static string MessageOf(string user, string limit, DuckDBException innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        return $"{user} ran out of its DuckDB memory limit {limit}: raise {DuckMemory.LimitVariable} (e.g. {DuckMemory.LimitVariable}=4GB) or free disk space for spilling; DuckDB: {innerException.Message.Split('\n')[0].Trim()}";
    }
}
