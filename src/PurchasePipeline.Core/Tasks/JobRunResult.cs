using PurchasePipeline.Core.Runs;

namespace PurchasePipeline.Core.Tasks;

/// <summary>What StartEtlJob and GetJobRun store at <c>$.job</c>.</summary>
/// <param name="JobRunId">The run (jr_…) that reads this execution's object; later states read it.</param>
/// <param name="State">STARTING after a start; a joined run's state; then Glue's JobRunState.</param>
/// <param name="ErrorMessage">Why the run failed (never null once it ended unsuccessfully), or null.</param>
/// <param name="Poll">0 from StartEtlJob; the request's poll from GetJobRun.</param>
/// <param name="Manifest">The summary of the run's manifest once SUCCEEDED (null before, or when the run wrote none).</param>
/// <param name="Round">Which StartEtlJob round found this run (1 the first time).</param>
/// <param name="ObjectRead">Once SUCCEEDED with a manifest: whether the run read this execution's object (false sends the execution back to StartEtlJob); else null.</param>
public sealed record JobRunResult(string JobRunId, string State, string? ErrorMessage, int Poll, RunManifestSummary? Manifest, int Round = 1, bool? ObjectRead = null);
