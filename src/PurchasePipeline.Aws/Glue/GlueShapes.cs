namespace PurchasePipeline.Aws.Glue;

// The members of Glue's model (glue 2017-03-31) the pipeline sends and reads, with the model's exact names.
// The tests check every request member against the model's input shapes and parse model-shaped responses.

internal sealed record StartCrawlerRequest(string Name);

internal sealed record GetCrawlerRequest(string Name);

internal sealed record GetCrawlerResponse(Crawler? Crawler);

internal sealed record Crawler(string? Name, string? State, LastCrawlInfo? LastCrawl);

internal sealed record LastCrawlInfo(string? Status, string? ErrorMessage);

internal sealed record StartJobRunRequest(string JobName);

internal sealed record StartJobRunResponse(string? JobRunId);

internal sealed record GetJobRunRequest(string JobName, string RunId);

internal sealed record GetJobRunResponse(JobRun? JobRun);

internal sealed record JobRun(string? Id, string? JobName, string? JobRunState, string? ErrorMessage);

internal sealed record ResetJobBookmarkRequest(string JobName);

internal sealed record EmptyResponse;
