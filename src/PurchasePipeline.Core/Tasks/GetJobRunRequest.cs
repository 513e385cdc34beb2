namespace PurchasePipeline.Core.Tasks;

/// <summary>The GetJobRun state's parameters.</summary>
/// <param name="JobName">The Glue job (required).</param>
/// <param name="JobRunId">The run StartEtlJob started (required).</param>
/// <param name="Poll">This poll's number, echoed into the result (required).</param>
public sealed record GetJobRunRequest(string? JobName, string? JobRunId, int? Poll);
