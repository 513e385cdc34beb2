using System.Text.Json.Nodes;
using PurchasePipeline.Aws.Adapters;
using PurchasePipeline.Aws.Glue;
using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.Tests.Support;

namespace PurchasePipeline.Aws.Tests.Adapters;

/// <summary>
/// How the job adapter pages GetJobRuns. Glue returns every run since the job was created, with no time filter
/// (boto/boto3#3833), newest first (as emulators copy from AWS: faiscadev/fakecloud#2001): so paging stops at the
/// first page that holds a run completed before the time asked about, and a job with a long history costs one page.
/// </summary>
public sealed class GlueEtlJobServiceTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Since = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeAwsEndpoint endpoint = new();

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();

    [Fact]
    public async Task GetJobRuns_APageHoldsARunCompletedBeforeSince_StopsPagingAndLeavesThatRunOut()
    {
        endpoint.On("AWSGlue.GetJobRuns", request => (string?)JsonNode.Parse(request.BodyText)!["NextToken"] switch
        {
            null => Page("page-2", Run("jr_3", "WAITING", startedOn: 90, completedOn: null), Run("jr_2", "RUNNING", startedOn: 30, completedOn: null)),
            "page-2" => Page("page-3", Run("jr_1", "SUCCEEDED", startedOn: -200, completedOn: 5), Run("jr_0", "SUCCEEDED", startedOn: -400, completedOn: -210)),
            _ => Page(null, Run("jr_older", "SUCCEEDED", startedOn: -900, completedOn: -800)),
        });

        var runs = await CreateSut().GetJobRunsAsync("clean_purchases", Since, CancellationToken.None);

        Assert.Equal(["jr_3", "jr_2", "jr_1"], runs.Select(run => run.JobRunId));
        Assert.Equal(2, endpoint.Calls("AWSGlue.GetJobRuns").Count);
        Assert.Equal(Since.AddSeconds(5), runs[2].CompletedOn);
        Assert.Equal(Since.AddSeconds(90), runs[0].StartedOn);
        Assert.Null(runs[0].CompletedOn);
    }

    private GlueEtlJobService CreateSut() => new(new GlueClient(TestClients.For(AwsService.Glue, endpoint)));

    private static ScriptedResponse Page(string? nextToken, params JsonObject[] runs)
    {
        var page = new JsonObject { ["JobRuns"] = new JsonArray(runs) };
        if (nextToken is not null)
        {
            page["NextToken"] = nextToken;
        }

        return ScriptedResponse.Ok(page.ToJsonString());
    }

    private static JsonObject Run(string id, string state, int startedOn, int? completedOn)
    {
        var run = new JsonObject { ["Id"] = id, ["JobName"] = "clean_purchases", ["JobRunState"] = state, ["StartedOn"] = Since.AddSeconds(startedOn).ToUnixTimeSeconds() };
        if (completedOn is { } completed)
        {
            run["CompletedOn"] = Since.AddSeconds(completed).ToUnixTimeSeconds();
        }

        return run;
    }
}
