namespace PurchasePipeline.Local.Etl;

/// <summary>How to run the job once.</summary>
public sealed record EtlRunOptions
{
    /// <summary>Forget the bookmark first and reprocess every raw object (rows already clean are de-duplicated, not doubled).</summary>
    public bool ResetBookmark { get; init; }

    /// <summary>The run's id, when the caller assigned one (a job service returns it before the run ends); else a new jr_… id.</summary>
    public string? RunId { get; init; }

    /// <summary>How long to wait for another run (of any process) to release the job before refusing with ConcurrentRunsExceeded.</summary>
    public TimeSpan WaitForJob { get; init; }

    /// <summary>DuckDB's memory limit for this run ("1GB"); null: <see cref="Duck.DuckMemory.LimitVariable"/>, else its default.</summary>
    public string? MemoryLimit { get; init; }

    /// <summary>Receives a line per stage of the run, for progress display.</summary>
    public IProgress<string>? Progress { get; init; }
}
