using PurchasePipeline.Core.Runs;

namespace PurchasePipeline.Core.Tasks;

/// <summary>What StartEtlJob and GetJobRun store at <c>$.job</c>.</summary>
/// <param name="JobRunId">The run (jr_…); later states read it.</param>
/// <param name="State">STARTING after a start; then Glue's JobRunState.</param>
/// <param name="ErrorMessage">Why the run failed (never null once it ended unsuccessfully), or null.</param>
/// <param name="Poll">0 from StartEtlJob; the request's poll from GetJobRun.</param>
/// <param name="Manifest">The summary of the run's manifest once SUCCEEDED (null before, or when the run wrote none).</param>
public sealed record JobRunResult(string JobRunId, string State, string? ErrorMessage, int Poll, RunManifestSummary? Manifest);
