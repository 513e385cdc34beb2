using System.Text.Json.Nodes;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Functions;
using PurchasePipeline.TestUtils.Fakes;
using PurchasePipeline.TestUtils.Http;

namespace PurchasePipeline.Infra.Tests.Support;

/// <summary>
/// One invocation of a task function on the AWS adapters: its input, how the services answer each call
/// (keyed by <see cref="TaskScenarios.CallName"/>), and what the function must then return (a result state)
/// or throw (an error name), so a scenario that stops taking its path fails instead of recording less.
/// </summary>
internal sealed record TaskScenario(
    string Task,
    string Name,
    JsonObject Input,
    IReadOnlyDictionary<string, Func<RecordedRequest, ScriptedResponse>> Answers,
    string? State = null,
    string? Error = null)
{
    public override string ToString() => $"{Task}: {Name}";
}

/// <summary>
/// Every code path of each task function, with the services answering as they do: the crawler started or already
/// running; the job started, joined through the run whose manifest lists the object, after a bookmark reset once no
/// run holds the job, or refused at its concurrency limit; a job run still running,
/// succeeded with and without its manifest, failed; the rules started; their queries running, failed, finished
/// with a broken rule; an ingestion created, found running from an earlier attempt, or created meanwhile; and an
/// ingestion's states. The names (crawler, job, dataset, bucket) are the deployment's.
/// </summary>
internal static class TaskScenarios
{
    private const string JobRunId = "jr_0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private const string IngestionId = "pp-" + JobRunId;

    /// <summary>How a scenario names a recorded request: its X-Amz-Target, else the REST service and method (<c>S3 GET</c>, <c>QuickSight PUT</c>).</summary>
    public static string CallName(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Operation.Length > 0 ? request.Operation
            : request.Path.StartsWith("/accounts/", StringComparison.Ordinal) ? "QuickSight " + request.Method
            : "S3 " + request.Method;
    }

    public static IReadOnlyList<TaskScenario> All(DatasetDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var crawler = deployment.Substitution("CrawlerName");
        var job = deployment.Substitution("EtlJobName");
        var dataset = deployment.Substitution("QuickSightDatasetId");
        var lake = new FakeS3(deployment.Environment("GetJobRun")[Aws.AwsSettings.LakeBucketVariable]);
        var sample = FakeRunManifestStore.SampleManifest(JobRunId);
        lake.Put($"manifests/{JobRunId}.json", RunManifestJson.Serialize(sample));
        var crawlerInput = new JsonObject { ["crawlerName"] = crawler, ["poll"] = 1 };
        var jobRunInput = new JsonObject { ["jobName"] = job, ["jobRunId"] = JobRunId, ["poll"] = 1 };
        var statusInput = new JsonObject { ["datasetId"] = dataset, ["ingestionId"] = IngestionId, ["poll"] = 1 };
        var refreshInput = new JsonObject { ["datasetId"] = dataset, ["jobRunId"] = JobRunId };
        var queries = new JsonObject
        {
            ["validationId"] = JobRunId,
            ["queries"] = new JsonArray([.. new ValidationRuleFiles().Rules.Select((rule, i) => (JsonNode)new JsonObject { ["rule"] = rule.Name, ["queryId"] = $"q-{i + 1}" })]),
            ["poll"] = 1,
        };

        return
        [
            new("StartCrawler", "starts the crawler", new() { ["crawlerName"] = crawler }, Answer("AWSGlue.StartCrawler", Ok("{}")), State: "RUNNING"),
            new("StartCrawler", "joins the crawl already running", new() { ["crawlerName"] = crawler },
                Answer("AWSGlue.StartCrawler", _ => ScriptedResponse.Error(400, "CrawlerRunningException", $"Crawler with name {crawler} has already started")), State: "RUNNING"),
            new("GetCrawlerState", "crawler running", crawlerInput, Answer("AWSGlue.GetCrawler", Ok(Crawler(crawler, "RUNNING", lastCrawl: null))), State: "RUNNING"),
            new("GetCrawlerState", "crawl succeeded", crawlerInput, Answer("AWSGlue.GetCrawler", Ok(Crawler(crawler, "READY", """{"Status":"SUCCEEDED"}"""))), State: "READY"),
            new("GetCrawlerState", "crawl failed", crawlerInput,
                Answer("AWSGlue.GetCrawler", Ok(Crawler(crawler, "READY", """{"Status":"FAILED","ErrorMessage":"Service is unable to assume role"}"""))), State: "READY"),
            new("StartEtlJob", "starts a run (an input without its event)", new() { ["jobName"] = job }, Answer("AWSGlue.StartJobRun", Ok($$"""{"JobRunId":"{{JobRunId}}"}""")), State: "STARTING"),
            new("StartEtlJob", "no run reads its object: starts one", ObjectInput(job, sample), Answer(
                ("AWSGlue.GetJobRuns", Ok("""{"JobRuns":[]}""")),
                ("AWSGlue.StartJobRun", Ok($$"""{"JobRunId":"{{JobRunId}}"}"""))), State: "STARTING"),
            new("StartEtlJob", "joins the succeeded run whose manifest lists its object", ObjectInput(job, sample), Answer(
                ("AWSGlue.GetJobRuns", Ok(JobRuns("SUCCEEDED", sample.StartedAt.AddMinutes(1)))),
                ("S3 GET", lake.Serve)), State: "SUCCEEDED"),
            new("StartEtlJob", "resets the bookmark once no run holds the job, then starts a run",
                new() { ["jobName"] = job, ["executionInput"] = new JsonObject { ["rerun"] = new JsonObject { ["resetBookmark"] = true } } },
                Answer(
                    ("AWSGlue.GetJobRuns", Ok("""{"JobRuns":[]}""")),
                    ("AWSGlue.ResetJobBookmark", Ok("""{"JobBookmarkEntry":{}}""")),
                    ("AWSGlue.StartJobRun", Ok($$"""{"JobRunId":"{{JobRunId}}"}"""))), State: "STARTING"),
            new("StartEtlJob", "at the job's concurrency limit", new() { ["jobName"] = job },
                Answer("AWSGlue.StartJobRun", _ => ScriptedResponse.Error(400, "ConcurrentRunsExceededException", $"Concurrent runs exceeded for {job}")),
                Error: "ConcurrentRunsExceededException"),
            new("GetJobRun", "run still running", jobRunInput, Answer("AWSGlue.GetJobRun", Ok(JobRun("RUNNING"))), State: "RUNNING"),
            new("GetJobRun", "run succeeded with its manifest", jobRunInput, Answer("AWSGlue.GetJobRun", Ok(JobRun("SUCCEEDED")), "S3 GET", lake.Serve), State: "SUCCEEDED"),
            new("GetJobRun", "run succeeded, manifest missing", new() { ["jobName"] = job, ["jobRunId"] = "jr_without_manifest", ["poll"] = 1 },
                Answer("AWSGlue.GetJobRun", Ok(JobRun("SUCCEEDED")), "S3 GET", lake.Serve), State: "SUCCEEDED"),
            new("GetJobRun", "run failed", jobRunInput, Answer("AWSGlue.GetJobRun", Ok(JobRun("FAILED", "OutOfMemoryError"))), State: "FAILED"),
            new("StartValidation", "starts one query per rule", new() { ["jobRunId"] = JobRunId },
                Answer("AmazonAthena.StartQueryExecution", _ => ScriptedResponse.Ok($$"""{"QueryExecutionId":"q-{{Guid.NewGuid():N}}"}""")), State: "RUNNING"),
            new("GetValidationResult", "a query still running", queries, Answer("AmazonAthena.GetQueryExecution", QueryState(id => id == "q-1" ? "RUNNING" : "SUCCEEDED")), State: "RUNNING"),
            new("GetValidationResult", "a query failed", queries, Answer("AmazonAthena.GetQueryExecution", QueryState(id => id == "q-2" ? "FAILED" : "SUCCEEDED")), State: "FAILED"),
            new("GetValidationResult", "all finished, one rule broken", queries,
                Answer("AmazonAthena.GetQueryExecution", QueryState(_ => "SUCCEEDED"), "AmazonAthena.GetQueryResults", request => ScriptedResponse.Ok(Offending(
                    (string?)JsonNode.Parse(request.BodyText)!["QueryExecutionId"] == "q-1" ? 3 : 0))), State: "SUCCEEDED"),
            new("RefreshDataset", "creates this run's ingestion", refreshInput, Answer("QuickSight GET", _ => NotFound(), "QuickSight PUT", _ => Created()), State: "INITIALIZED"),
            new("RefreshDataset", "finds the ingestion an earlier attempt started", refreshInput, Answer("QuickSight GET", Ok(Ingestion("RUNNING"))), State: "RUNNING"),
            new("RefreshDataset", "ingestion created meanwhile", refreshInput,
                Answer("QuickSight GET", _ => NotFound(), "QuickSight PUT", _ => QuickSightError(409, "ResourceExistsException")), State: "INITIALIZED"),
            new("GetRefreshStatus", "ingestion running", statusInput, Answer("QuickSight GET", Ok(Ingestion("RUNNING"))), State: "RUNNING"),
            new("GetRefreshStatus", "ingestion completed", statusInput, Answer("QuickSight GET", Ok(Ingestion("COMPLETED"))), State: "COMPLETED"),
            new("GetRefreshStatus", "ingestion failed", statusInput, Answer("QuickSight GET", Ok(Ingestion("FAILED"))), State: "FAILED"),
        ];
    }

    private static Dictionary<string, Func<RecordedRequest, ScriptedResponse>> Answer(params (string Call, Func<RecordedRequest, ScriptedResponse> Respond)[] answers) =>
        answers.ToDictionary(answer => answer.Call, answer => answer.Respond, StringComparer.Ordinal);

    /// <summary>StartEtlJob's input for the sample manifest's object, with its Object Created event (key, etag, time) as the execution's input.</summary>
    private static JsonObject ObjectInput(string job, RunManifest sample)
    {
        var file = sample.Files[0];
        return new JsonObject
        {
            ["jobName"] = job,
            ["object"] = new JsonObject { ["bucket"] = "raw-bucket", ["key"] = file.Key },
            ["executionInput"] = new JsonObject
            {
                ["time"] = sample.StartedAt.AddMinutes(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                ["detail"] = new JsonObject { ["object"] = new JsonObject { ["key"] = file.Key, ["etag"] = file.ETag.Trim('"') } },
            },
        };
    }

    private static string JobRuns(string state, DateTimeOffset startedOn) =>
        $$"""{"JobRuns":[{"Id":"{{JobRunId}}","JobRunState":"{{state}}","StartedOn":{{startedOn.ToUnixTimeSeconds()}},"CompletedOn":{{startedOn.AddMinutes(5).ToUnixTimeSeconds()}}}]}""";

    private static Dictionary<string, Func<RecordedRequest, ScriptedResponse>> Answer(string call, Func<RecordedRequest, ScriptedResponse> respond) =>
        new(StringComparer.Ordinal) { [call] = respond };

    private static Dictionary<string, Func<RecordedRequest, ScriptedResponse>> Answer(
        string call, Func<RecordedRequest, ScriptedResponse> respond, string then, Func<RecordedRequest, ScriptedResponse> respondThen) =>
        new(StringComparer.Ordinal) { [call] = respond, [then] = respondThen };

    private static Func<RecordedRequest, ScriptedResponse> Ok(string body) => _ => ScriptedResponse.Ok(body);

    private static string Crawler(string name, string state, string? lastCrawl) =>
        $$$"""{"Crawler":{"Name":"{{{name}}}","State":"{{{state}}}"{{{(lastCrawl is null ? "" : ",\"LastCrawl\":" + lastCrawl)}}}}}""";

    private static string JobRun(string state, string? error = null) =>
        $$$"""{"JobRun":{"Id":"{{{JobRunId}}}","JobRunState":"{{{state}}}"{{{(error is null ? "" : $",\"ErrorMessage\":\"{error}\"")}}}}}""";

    private static Func<RecordedRequest, ScriptedResponse> QueryState(Func<string, string> stateOf) => request =>
    {
        var id = (string)JsonNode.Parse(request.BodyText)!["QueryExecutionId"]!;
        return ScriptedResponse.Ok($$$$"""{"QueryExecution":{"QueryExecutionId":"{{{{id}}}}","Status":{"State":"{{{{stateOf(id)}}}}"}}}""");
    };

    private static string Offending(int count) =>
        $$$"""{"ResultSet":{"Rows":[{"Data":[{"VarCharValue":"offending"}]},{"Data":[{"VarCharValue":"{{{count}}}"}]}]}}""";

    private static string Ingestion(string state) =>
        $$"""{"Ingestion":{"IngestionId":"{{IngestionId}}","IngestionStatus":"{{state}}"},"Status":200}""";

    private static ScriptedResponse Created() => new(201, $$"""{"IngestionId":"{{IngestionId}}","IngestionStatus":"INITIALIZED","Status":201}""");

    private static ScriptedResponse NotFound() => QuickSightError(404, "ResourceNotFoundException");

    /// <summary>A REST-JSON error as QuickSight sends it: the code in x-amzn-ErrorType.</summary>
    private static ScriptedResponse QuickSightError(int status, string code) =>
        new(status, $$"""{"Message":"{{code}}"}""", new Dictionary<string, string> { ["x-amzn-ErrorType"] = code });
}
