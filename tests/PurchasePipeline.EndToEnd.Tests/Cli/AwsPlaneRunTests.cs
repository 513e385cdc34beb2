using System.Text.Json.Nodes;
using Amazon.Runtime;
using PurchasePipeline.Aws;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// A whole successful run of the definition on the aws plane: every task's handler on the AWS adapters, against
/// one fake endpoint that answers Glue, S3, Athena and QuickSight as they answer (a crawl and a job run that
/// each take one more poll, the manifest in the lake bucket, five rules with no offending rows, an ingestion).
/// </summary>
public sealed class AwsPlaneRunTests : IAsyncDisposable
{
    private const string JobRunId = "jr_0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private const string LakeBucket = "purchase-pipeline-lake";
    private const string Account = "123456789012";

    private readonly TempDirectory temp = new();
    private readonly FakeAwsEndpoint aws = new();
    private readonly FakeS3 s3 = new(LakeBucket);
    private readonly Dictionary<string, string> ingestions = new(StringComparer.Ordinal);
    private int crawlerPolls;
    private int jobPolls;
    private int queries;

    public AwsPlaneRunTests()
    {
        // The run read the event's object (GetJobRun checks its manifest lists it).
        var created = Fixtures.Read(Fixtures.ObjectCreatedEvent)["detail"]!["object"]!;
        var read = new Core.Runs.ProcessedObject((string)created["key"]!, (string)created["etag"]!, 10);
        s3.Put($"manifests/{JobRunId}.json", Core.Runs.RunManifestJson.Serialize(FakeRunManifestStore.SampleManifest(JobRunId) with { Files = [read] }));
        aws.On("AWSGlue.StartCrawler", _ => ScriptedResponse.Ok("{}"))
            .On("AWSGlue.GetCrawler", _ => ScriptedResponse.Ok(++crawlerPolls == 1
                ? """{"Crawler":{"Name":"purchase-pipeline-raw","State":"RUNNING"}}"""
                : """{"Crawler":{"Name":"purchase-pipeline-raw","State":"READY","LastCrawl":{"Status":"SUCCEEDED"}}}"""))
            .On("AWSGlue.GetJobRuns", _ => ScriptedResponse.Ok("""{"JobRuns":[]}"""))
            .On("AWSGlue.StartJobRun", _ => ScriptedResponse.Ok($$"""{"JobRunId":"{{JobRunId}}"}"""))
            .On("AWSGlue.GetJobRun", _ => ScriptedResponse.Ok($$$"""{"JobRun":{"Id":"{{{JobRunId}}}","JobRunState":"{{{(++jobPolls == 1 ? "RUNNING" : "SUCCEEDED")}}}"}}"""))
            .On("AmazonAthena.StartQueryExecution", _ => ScriptedResponse.Ok($$"""{"QueryExecutionId":"q-{{Interlocked.Increment(ref queries)}}"}"""))
            .On("AmazonAthena.GetQueryExecution", request => ScriptedResponse.Ok(
                $$$$"""{"QueryExecution":{"QueryExecutionId":"{{{{(string?)JsonNode.Parse(request.BodyText)!["QueryExecutionId"]}}}}","Status":{"State":"SUCCEEDED"}}}"""))
            .On("AmazonAthena.GetQueryResults", _ => ScriptedResponse.Ok(
                """{"ResultSet":{"Rows":[{"Data":[{"VarCharValue":"offending"}]},{"Data":[{"VarCharValue":"0"}]}]}}"""));
        aws.Fallback = request => request.Path.StartsWith("/accounts/", StringComparison.Ordinal) ? QuickSight(request) : s3.Serve(request);
    }

    public async ValueTask DisposeAsync()
    {
        await aws.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task Run_EveryServiceAnswersWell_SucceedsThroughTheWholeDefinitionWithTheAwsAdapters()
    {
        var run = await CreateHost().StartExecutionAsync(Fixtures.Read(Fixtures.ObjectCreatedEvent), name: "aws-run", CancellationToken.None);

        Assert.True(run.Succeeded, $"{run.Result.Error}: {run.Result.Cause}");
        // The 27 of a run whose every poll finds its answer, and one more Wait → Get → Is loop each for the crawler and the job.
        Assert.Equal(27 + 3 + 3, run.Record.StateTransitions);
        Assert.Equal(JobRunId, (string?)run.Result.Output!["job"]!["jobRunId"]);
        Assert.Equal(10, run.Manifest!.RowsIn);
        Assert.Equal(5, run.Result.Output["validation"]!["rules"]!.AsArray().Count);
        Assert.Equal("COMPLETED", (string?)run.Result.Output["refresh"]!["state"]);
        Assert.Empty(aws.Calls("Publish"));
    }

    [Fact]
    public async Task Run_EveryServiceAnswersWell_CallsThemInThePipelinesOrderWithTheRunsIds()
    {
        await CreateHost().StartExecutionAsync(Fixtures.Read(Fixtures.ObjectCreatedEvent), name: "aws-run", CancellationToken.None);

        var calls = aws.Requests.Select(Name).ToList();
        Assert.Equal(
            ["AWSGlue.StartCrawler", "AWSGlue.GetCrawler", "AWSGlue.GetCrawler", "AWSGlue.GetJobRuns", "AWSGlue.StartJobRun", "AWSGlue.GetJobRun", "AWSGlue.GetJobRun", "S3 GET"],
            calls.Take(8));
        Assert.Equal(5, calls.Count(c => c == "AmazonAthena.StartQueryExecution"));
        Assert.Equal(["QuickSight GET", "QuickSight PUT", "QuickSight GET"], calls.Where(c => c.StartsWith("QuickSight", StringComparison.Ordinal)));
        Assert.True(calls.LastIndexOf("AmazonAthena.GetQueryResults") < calls.IndexOf("QuickSight PUT"));
        Assert.All(aws.Calls("AmazonAthena.StartQueryExecution"), request =>
        {
            var body = JsonNode.Parse(request.BodyText)!;
            Assert.All(body["ExecutionParameters"]!.AsArray(), p => Assert.Equal($"'{JobRunId}'", (string?)p));
            Assert.Equal("purchase-pipeline", (string?)body["WorkGroup"]);
        });
        Assert.Equal($"/accounts/{Account}/data-sets/sales/ingestions/pp-{JobRunId}", aws.Requests.Single(r => r.Method == "PUT").Path);
    }

    private static string Name(RecordedRequest request) =>
        request.Operation.Length > 0 ? request.Operation
        : request.Path.StartsWith("/accounts/", StringComparison.Ordinal) ? "QuickSight " + request.Method
        : "S3 " + request.Method;

    /// <summary>CreateIngestion (PUT) and DescribeIngestion (GET) on /accounts/A/data-sets/D/ingestions/I; an ingestion completes at once.</summary>
    private ScriptedResponse QuickSight(RecordedRequest request)
    {
        var id = request.Path[(request.Path.LastIndexOf('/') + 1)..];
        if (request.Method == "PUT")
        {
            ingestions[id] = "COMPLETED";
            return new ScriptedResponse(201, $$"""{"IngestionId":"{{id}}","IngestionStatus":"INITIALIZED","Status":201}""");
        }

        return ingestions.TryGetValue(id, out var state)
            ? ScriptedResponse.Ok($$"""{"Ingestion":{"IngestionId":"{{id}}","IngestionStatus":"{{state}}"},"Status":200}""")
            : new ScriptedResponse(404, """{"Message":"ingestion not found"}""", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ResourceNotFoundException" });
    }

    private PipelineHost CreateHost()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AwsSettings.RegionVariable] = "eu-west-1",
            ["AWS_ENDPOINT_URL"] = aws.Endpoint,
            [AwsPlane.CrawlerVariable] = "purchase-pipeline-raw",
            [AwsPlane.JobVariable] = "clean_purchases",
            [AwsPlane.DatasetVariable] = "sales",
            [AwsPlane.AlertTopicVariable] = $"arn:aws:sns:eu-west-1:{Account}:purchase-pipeline-alerts",
            [AwsSettings.LakeBucketVariable] = LakeBucket,
            [AwsSettings.AthenaWorkGroupVariable] = "purchase-pipeline",
            [AwsSettings.AthenaDatabaseVariable] = "purchase_pipeline",
            [AwsSettings.QuickSightAccountIdVariable] = Account,
        };
        return AwsPlane.CreateHost(
            new LocalHome(temp.Path), new CliHarness.FixedTime(CliHarness.Now), waitScale: 0, show: null,
            environment.GetValueOrDefault, new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    }
}
