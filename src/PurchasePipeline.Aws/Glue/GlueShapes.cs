namespace PurchasePipeline.Aws.Glue;

// The members of Glue's model (glue 2017-03-31) the pipeline sends and reads, with the model's exact names.
// The tests check every request member against the model's input shapes and parse model-shaped responses.

internal sealed record StartCrawlerRequest(string Name);

internal sealed record GetCrawlerRequest(string Name);

internal sealed record GetCrawlerResponse(Crawler? Crawler);

internal sealed record Crawler(string? Name, string? State, LastCrawlInfo? LastCrawl);

internal sealed record LastCrawlInfo(string? Status, string? ErrorMessage);

// JobRunQueuingEnabled on the run (it overrides the job's setting): at MaxConcurrentRuns the run waits (WAITING) instead of being refused.
internal sealed record StartJobRunRequest(string JobName, bool? JobRunQueuingEnabled);

internal sealed record StartJobRunResponse(string? JobRunId);

internal sealed record GetJobRunRequest(string JobName, string RunId);

internal sealed record GetJobRunResponse(JobRun? JobRun);

// StartedOn, CompletedOn: epoch seconds (JSON 1.1 timestamps).
internal sealed record JobRun(string? Id, string? JobName, string? JobRunState, string? ErrorMessage, double? StartedOn, double? CompletedOn);

internal sealed record GetJobRunsRequest(string JobName, string? NextToken, int? MaxResults);

internal sealed record GetJobRunsResponse(IReadOnlyList<JobRun>? JobRuns, string? NextToken);

internal sealed record ResetJobBookmarkRequest(string JobName);

internal sealed record EmptyResponse;
