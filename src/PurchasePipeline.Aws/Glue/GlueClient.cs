using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Aws.Glue;

/// <summary>The six Glue operations the pipeline calls (target prefix AWSGlue, JSON 1.1).</summary>
internal sealed class GlueClient(AwsClient client)
{
    public async Task StartCrawlerAsync(string name, CancellationToken cancellationToken) =>
        await client.CallAsync("StartCrawler", new StartCrawlerRequest(name), GlueJson.Default.StartCrawlerRequest, GlueJson.Default.EmptyResponse,
            error => error.Code == "CrawlerRunningException" ? new CrawlerRunningException(name, $"{error.Message} [request id {error.RequestId}]") : null, cancellationToken).ConfigureAwait(false);

    public async Task<Crawler> GetCrawlerAsync(string name, CancellationToken cancellationToken)
    {
        var reply = await client.CallAsync("GetCrawler", new GetCrawlerRequest(name), GlueJson.Default.GetCrawlerRequest, GlueJson.Default.GetCrawlerResponse,
            claim: null, cancellationToken).ConfigureAwait(false);
        var crawler = reply.Required(reply.Body.Crawler, "Crawler");
        reply.Required(crawler.State, "Crawler.State");
        return crawler;
    }

    public async Task<string> StartJobRunAsync(string jobName, CancellationToken cancellationToken)
    {
        var reply = await client.CallAsync("StartJobRun", new StartJobRunRequest(jobName, JobRunQueuingEnabled: true), GlueJson.Default.StartJobRunRequest, GlueJson.Default.StartJobRunResponse,
            error => error.Code == "ConcurrentRunsExceededException" ? new ConcurrentRunsExceededException(jobName, $"{error.Message} [request id {error.RequestId}]") : null, cancellationToken).ConfigureAwait(false);
        return reply.Required(reply.Body.JobRunId, "JobRunId");
    }

    public async Task<JobRun> GetJobRunAsync(string jobName, string runId, CancellationToken cancellationToken)
    {
        var reply = await client.CallAsync("GetJobRun", new GetJobRunRequest(jobName, runId), GlueJson.Default.GetJobRunRequest, GlueJson.Default.GetJobRunResponse,
            claim: null, cancellationToken).ConfigureAwait(false);
        var run = reply.Required(reply.Body.JobRun, "JobRun");
        reply.Required(run.JobRunState, "JobRun.JobRunState");
        return run;
    }

    /// <summary>One page of the job's runs (at most 200, the model's maximum); <paramref name="nextToken"/> from the previous page.</summary>
    public async Task<GetJobRunsResponse> GetJobRunsAsync(string jobName, string? nextToken, CancellationToken cancellationToken)
    {
        var reply = await client.CallAsync("GetJobRuns", new GetJobRunsRequest(jobName, nextToken, MaxResults: 200), GlueJson.Default.GetJobRunsRequest, GlueJson.Default.GetJobRunsResponse,
            claim: null, cancellationToken).ConfigureAwait(false);
        foreach (var run in reply.Body.JobRuns ?? [])
        {
            reply.Required(run.Id, "JobRuns[].Id");
            reply.Required(run.JobRunState, "JobRuns[].JobRunState");
        }

        return reply.Body;
    }

    public async Task ResetJobBookmarkAsync(string jobName, CancellationToken cancellationToken) =>
        await client.CallAsync("ResetJobBookmark", new ResetJobBookmarkRequest(jobName), GlueJson.Default.ResetJobBookmarkRequest, GlueJson.Default.EmptyResponse,
            claim: null, cancellationToken).ConfigureAwait(false);
}
