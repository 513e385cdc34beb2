using System.Text.Json.Nodes;
using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.Core.Trigger;
using PurchasePipeline.States;

namespace PurchasePipeline.EndToEnd.Tests.Asl;

/// <summary>
/// The real definition on the engine API with the mock config's test cases: the states it visits, the
/// transitions it costs, the delays it asks for (at full wait scale, on an instant clock) and how often it calls each task.
/// </summary>
public sealed class MockedExecutionTests
{
    /// <summary>
    /// Keep state transitions per run small: they are what a run costs (src/README.md, "Why the tasks poll through
    /// Lambdas"). 27 since the start-and-poll steps became redrivable units (statemachine/README.md, "Failures, alerts
    /// and redrive"): each unit's Parallel state and the Succeed state that ends its branch cost two transitions, and
    /// IsRefreshConfigured one, where the alert path at the end of the run is gone.
    /// </summary>
    private const int TransitionBudget = 30;

    private const int HappyPathTransitions = 27;

    private static readonly string[] HappyPathStates =
    [
        "CheckInput", "Initialize",
        "Crawl", "StartCrawler", "WaitForCrawler", "GetCrawlerState", "IsCrawlerReady", "CrawlerReady",
        "Transform", "StartEtlJob", "WaitForJob", "GetJobRun", "IsJobDone", "JobSucceeded",
        "Validate", "StartValidation", "WaitForValidation", "GetValidationResult", "IsDataValid", "DataValid",
        "IsRefreshConfigured",
        "Refresh", "RefreshDataset", "WaitForRefresh", "GetRefreshStatus", "IsRefreshDone", "RefreshCompleted",
    ];

    /// <summary>Each Task state's retrier for Lambda.ServiceException allows 6 retries.</summary>
    private const int LambdaMaxAttempts = 6;

    public static TheoryData<string> TaskStates =>
        ["StartCrawler", "GetCrawlerState", "StartEtlJob", "GetJobRun", "StartValidation", "GetValidationResult", "RefreshDataset", "GetRefreshStatus"];

    [Fact]
    public async Task RunAsync_HappyPath_VisitsEveryStepOnceInTwentySevenTransitions()
    {
        var run = await MockedPipeline.RunAsync("HappyPath");

        Assert.Equal(ExecutionStatus.Succeeded, run.Result.Status);
        Assert.True(JsonNode.DeepEquals(Fixtures.Read(Fixtures.HappyPathOutput), run.Result.Output), run.Result.Output?.ToJsonString());
        Assert.Equal(HappyPathStates, run.History.StatesEntered);
        Assert.Equal(HappyPathTransitions, run.Result.StateTransitions);
        Assert.InRange(run.Result.StateTransitions, 1, TransitionBudget);
        Assert.All(run.Tasks.Invocations, i => Assert.Equal(0, i.Attempt));
        Assert.Empty(run.Topic.Published);
    }

    /// <summary>
    /// EventBridge starts executions for hidden objects too (the pattern cannot exclude them): they used to run the
    /// whole pipeline and end SUCCEEDED with 0 rows, saying nothing (issue 9, finding 1). Expected: SUCCEEDED at once,
    /// the output says the object is ignored by design and why, no task runs, nobody is paged.
    /// </summary>
    [Theory]
    [InlineData("raw/2026/11/25/_SUCCESS")]
    [InlineData("raw/2026/11/25/.purchases.csv.swp")]
    [InlineData("raw/_temporary/0/part-0001.csv")]
    public async Task RunAsync_HiddenObject_EndsSucceededSayingItIsIgnoredWithoutATaskOrAPage(string key)
    {
        var run = await MockedPipeline.RunAsync("HappyPath", EventFor(key));

        Assert.Equal(ExecutionStatus.Succeeded, run.Result.Status);
        Assert.Equal(["CheckInput", "ObjectIgnored"], run.History.StatesEntered);
        Assert.Equal(
            $"ignored by design: {key} has a file or folder name starting with _ or ., a hidden file that Spark and Glue never read; rename it to process it",
            (string?)run.Result.Output!["ignored"]);
        Assert.Equal(key, (string?)run.Result.Output!["object"]!["key"]);
        Assert.Empty(run.Tasks.Invocations);
        Assert.Empty(run.Topic.Published);
    }

    /// <summary>
    /// The definition ignores exactly the keys with a name that ObjectNames (the one definition) calls hidden: starting
    /// with '_' or '.', which Spark skips (apache/spark, core/src/main/scala/org/apache/spark/util/HadoopFSUtils.scala,
    /// shouldFilterOutPathName). '~' and '.tmp' names are refused only by the local plane's writers and watcher: in S3
    /// the Glue job reads a '~x.csv' and quarantines an 'x.tmp' (not a purchase file), so neither is skipped silently.
    /// </summary>
    [Theory]
    [InlineData("raw/2026/11/25/_purchases.csv")]
    [InlineData("raw/.hidden/purchases.csv")]
    [InlineData("raw/2026/11/25/purchases_2.csv")]
    [InlineData("raw/2026/11/25/purchases.v2.csv")]
    [InlineData("raw/2026/11/25/~purchases.csv")]
    public async Task RunAsync_AnyKey_IgnoredExactlyWhenObjectNamesCallsANameHidden(string key)
    {
        var hidden = key.Split('/').Any(name => ObjectNames.WhyIgnored(name) is not null && name[0] is '_' or '.');

        var run = await MockedPipeline.RunAsync("HappyPath", EventFor(key));

        Assert.Equal(hidden ? "ObjectIgnored" : "Initialize", run.History.StatesEntered[1]);
    }

    [Fact]
    public async Task RunAsync_HappyPath_PollsWithWaitStatesOfTheConfiguredSeconds()
    {
        var run = await MockedPipeline.RunAsync("HappyPath");

        // CrawlerPollSeconds, JobPollSeconds, ValidationPollSeconds, RefreshPollSeconds of LocalSettings; nothing else waits.
        Assert.Equal([5.0, 10.0, 3.0, 5.0], run.Clock.DelaySeconds);
    }

    [Fact]
    public async Task RunAsync_HappyPath_PassesEachTaskTheParametersOfTheReadme()
    {
        var run = await MockedPipeline.RunAsync("HappyPath");

        var byState = run.Tasks.Invocations.ToDictionary(i => i.StateName, i => i.Parameters!);
        Assert.Equal("purchase-pipeline-raw", (string?)byState["StartCrawler"]["crawlerName"]);
        Assert.Equal(1L, (long?)byState["GetCrawlerState"]["poll"]);
        Assert.Equal("clean_purchases", (string?)byState["StartEtlJob"]["jobName"]);
        Assert.Equal(Fixtures.EventKey, (string?)byState["StartEtlJob"]["object"]!["key"]);
        Assert.True(JsonNode.DeepEquals(Fixtures.Read(Fixtures.ObjectCreatedEvent), byState["StartEtlJob"]["executionInput"]));
        Assert.Equal("jr_20261125T120000_0a1b2c3d", (string?)byState["GetJobRun"]["jobRunId"]);
        Assert.Equal(5, byState["GetValidationResult"]["queries"]!.AsArray().Count);
        Assert.Equal("local-dashboard", (string?)byState["RefreshDataset"]["datasetId"]);
        Assert.Equal("pp-jr_20261125T120000_0a1b2c3d", (string?)byState["GetRefreshStatus"]["ingestionId"]);
    }

    [Fact]
    public async Task RunAsync_NoDatasetConfigured_SkipsTheRefreshInTwentyTwoTransitions()
    {
        var run = await MockedPipeline.RunAsync("NoDatasetConfigured", overrides: new Dictionary<string, string> { ["QuickSightDatasetId"] = string.Empty });

        Assert.Equal(ExecutionStatus.Succeeded, run.Result.Status);
        Assert.Equal([.. HappyPathStates.TakeWhile(s => s != "Refresh"), "PipelineSucceeded"], run.History.StatesEntered);
        Assert.Equal(22, run.Result.StateTransitions);
        Assert.Null(run.Result.Output!["refresh"]);
        Assert.Equal(0, run.Tasks.CountOf("RefreshDataset"));
    }

    [Fact]
    public async Task RunAsync_CrawlerAlreadyRunning_JoinsAndPollsUntilReady()
    {
        var run = await MockedPipeline.RunAsync("CrawlerAlreadyRunning");

        Assert.Equal(ExecutionStatus.Succeeded, run.Result.Status);
        Assert.Equal(
            ["StartCrawler", "WaitForCrawler", "GetCrawlerState", "IsCrawlerReady", "WaitForCrawler", "GetCrawlerState", "IsCrawlerReady", "CrawlerReady"],
            run.History.StatesEntered.Skip(3).Take(8));
        Assert.Equal([1L, 2L], run.Tasks.Invocations.Where(i => i.StateName == "GetCrawlerState").Select(i => (long)i.Parameters!["poll"]!));
        Assert.Equal(HappyPathTransitions + 3, run.Result.StateTransitions);
    }

    [Fact]
    public async Task RunAsync_JobConcurrentRunsExceededTwice_RetriesWithJitteredBackoffWithinTheCaps()
    {
        var run = await MockedPipeline.RunAsync("JobConcurrentRunsExceeded");

        Assert.Equal(ExecutionStatus.Succeeded, run.Result.Status);
        Assert.Equal([0, 1, 2], run.Tasks.Invocations.Where(i => i.StateName == "StartEtlJob").Select(i => i.Attempt));
        var delays = run.Clock.DelaySeconds;
        Assert.Equal(6, delays.Count);
        Assert.Equal(5.0, delays[0]);
        // FULL jitter: a random delay in [0, IntervalSeconds × BackoffRate^retry] = [0, 30] then [0, 60].
        Assert.InRange(delays[1], 0.0, 30.0);
        Assert.InRange(delays[2], 0.0, 60.0);
        Assert.Equal([10.0, 3.0, 5.0], delays.Skip(3));
        Assert.Equal(HappyPathTransitions + 2, run.Result.StateTransitions);
    }

    [Fact]
    public async Task RunAsync_JobConcurrentRunsExceededSixTimes_DelaysNeverPassMaxDelaySecondsAndAreJittered()
    {
        // Uncapped, the sixth retry would wait up to 30 × 2^5 = 960 s; MaxDelaySeconds holds every retry to 300 s.
        double[] caps = [30, 60, 120, 240, 300, 300];
        var firstDelays = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var run = await MockedPipeline.RunAsync("JobConcurrentRunsExceededSixTimes");

            Assert.Equal(ExecutionStatus.Succeeded, run.Result.Status);
            Assert.Equal(7, run.Tasks.CountOf("StartEtlJob"));
            var retries = run.Clock.DelaySeconds.Skip(1).Take(6).ToList();
            Assert.All(retries.Zip(caps), pair => Assert.InRange(pair.First, 0.0, pair.Second));
            firstDelays.Add(retries[0]);
        }

        Assert.True(firstDelays.Distinct().Count() > 1, "FULL jitter spreads the delays: " + string.Join(", ", firstDelays));
    }

    [Fact]
    public async Task RunAsync_CrawlerRunningAtEveryPoll_FailsWithCrawlerTimeoutAfterMaxPolls()
    {
        var run = await MockedPipeline.RunAsync("CrawlerPollLimit", overrides: new Dictionary<string, string> { ["MaxPolls"] = "3" });

        Assert.Equal(ExecutionStatus.Failed, run.Result.Status);
        Assert.Equal("CrawlerTimeout", run.Result.Error);
        Assert.Equal("crawler purchase-pipeline-raw still RUNNING after 3 polls", run.Result.Cause);
        Assert.Equal([1L, 2L, 3L], run.Tasks.Invocations.Where(i => i.StateName == "GetCrawlerState").Select(i => (long)i.Parameters!["poll"]!));
        AssertFailedAt(run, "CrawlerPollLimitReached");
    }

    [Fact]
    public async Task RunAsync_JobRunningAtEveryPoll_FailsWithGlueJobTimeoutAfterJobMaxPolls()
    {
        // The job has a poll limit of its own (it outlasts the Glue job's timeout): MaxPolls does not bound it.
        var run = await MockedPipeline.RunAsync("JobPollLimit", overrides: new Dictionary<string, string> { ["JobMaxPolls"] = "3", ["MaxPolls"] = "1" });

        Assert.Equal(ExecutionStatus.Failed, run.Result.Status);
        Assert.Equal("GlueJobTimeout", run.Result.Error);
        Assert.Equal("job run jr_20261125T120000_0a1b2c3d still RUNNING after 3 polls", run.Result.Cause);
        Assert.Equal(3, run.Tasks.CountOf("GetJobRun"));
        Assert.Equal(0, run.Tasks.CountOf("StartValidation"));
        AssertFailedAt(run, "JobPollLimitReached");
    }

    [Theory]
    [MemberData(nameof(TaskStates))]
    public async Task RunAsync_TaskThrowsServiceExceptionEveryTime_CalledOncePlusMaxAttemptsThenFailsAtIt(string state)
    {
        var run = await MockedPipeline.RunAsync(state + "ServiceException");

        Assert.Equal(ExecutionStatus.Failed, run.Result.Status);
        Assert.Equal("Lambda.ServiceException", run.Result.Error);
        Assert.Equal(1 + LambdaMaxAttempts, run.Tasks.CountOf(state));
        Assert.Equal("Lambda is unable to handle the request (Service: Lambda, Status Code: 500)", run.Result.Cause);
        AssertFailedAt(run, state);
    }

    [Theory]
    [MemberData(nameof(TaskStates))]
    public async Task RunAsync_TaskThrowsAnErrorNoRetrierNames_CalledOnceThenFailsAtIt(string state)
    {
        var run = await MockedPipeline.RunAsync(state + "EntityNotFound");

        Assert.Equal("EntityNotFoundException", run.Result.Error);
        Assert.Equal(1, run.Tasks.CountOf(state));
        AssertFailedAt(run, state);
    }

    [Fact]
    public async Task RunAsync_TaskErrorWithoutCause_FailsWithTheOriginalError()
    {
        // Regression: the error output need not have a Cause; reading $.caught.Cause once failed the run with
        // States.ParameterPathFailure and lost the original error. Nothing reads it now: the task's error ends the run.
        var run = await MockedPipeline.RunAsync("GetJobRunErrorWithoutCause");

        Assert.Equal(ExecutionStatus.Failed, run.Result.Status);
        Assert.Equal("States.TaskFailed", run.Result.Error);
        Assert.Null(run.Result.Cause);
        AssertFailedAt(run, "GetJobRun");
    }

    [Fact]
    public async Task RunAsync_InputWithoutObjectKey_FailsAtOnceSayingWhatItGot()
    {
        var run = await MockedPipeline.RunAsync("InvalidInput", Fixtures.Read(Fixtures.EventWithoutKey));

        Assert.Equal("InvalidExecutionInput", run.Result.Error);
        Assert.StartsWith("expected an S3 Object Created event with detail.bucket.name and detail.object.key, got {", run.Result.Cause, StringComparison.Ordinal);
        Assert.Equal(["CheckInput", "InvalidInput"], run.History.StatesEntered);
        AssertFailedAt(run, "InvalidInput");
    }

    [Fact]
    public async Task RunAsync_JoinedRunSucceededWithoutTheObject_GoesBackToStartEtlJobAndValidatesTheRunThatReadIt()
    {
        var run = await MockedPipeline.RunAsync("JobRunMissedTheObjectOnce");

        Assert.Equal(ExecutionStatus.Succeeded, run.Result.Status);
        string[] jobStates = ["StartEtlJob", "WaitForJob", "GetJobRun", "IsJobDone"];
        Assert.Equal(
            [.. HappyPathStates.TakeWhile(s => s != "StartEtlJob"), .. jobStates, "IsRoundLeft", .. jobStates, .. HappyPathStates.SkipWhile(s => s != "JobSucceeded")],
            run.History.StatesEntered);
        Assert.Equal(HappyPathTransitions + 5, run.Result.StateTransitions);
        Assert.Equal([0L, 1L], run.Tasks.Invocations.Where(i => i.StateName == "StartEtlJob").Select(i => (long?)i.Parameters!["round"]));
        var validated = (string?)Assert.Single(run.Tasks.Invocations, i => i.StateName == "StartValidation").Parameters!["jobRunId"];
        Assert.Equal("jr_20261125T115930_9f8e7d6c", validated);
        Assert.Empty(run.Topic.Published);
    }

    [Fact]
    public async Task RunAsync_JoinedRunsMissTheObjectThreeRounds_FailsWithGlueJobMissedObjectAndAlerts()
    {
        var run = await MockedPipeline.RunAsync("JobRunsMissedTheObjectEveryRound");

        Assert.Equal(ExecutionStatus.Failed, run.Result.Status);
        Assert.Equal("GlueJobMissedObject", run.Result.Error);
        Assert.Equal(3, run.Tasks.CountOf("StartEtlJob"));
        const string cause = "job run jr_20261125T120000_0a1b2c3d succeeded without reading s3://purchase-pipeline-local/" + Fixtures.EventKey + " after 3 rounds of StartEtlJob";
        Assert.Equal(cause, run.Result.Cause);
        AssertFailedAt(run, "ObjectNotRead");
    }

    /// <summary>
    /// The run failed at <paramref name="state"/> (the last state it entered, where a redrive continues from its unit)
    /// and the definition paged nobody itself: the alert rule pages on the execution's status (statemachine/alert-rule.json).
    /// </summary>
    private static void AssertFailedAt(MockedRun run, string state)
    {
        Assert.Equal(ExecutionStatus.Failed, run.Result.Status);
        Assert.Equal(state, run.History.StatesEntered[^1]);
        Assert.Empty(run.Topic.Published);
    }

    private static JsonObject EventFor(string key)
    {
        var input = Fixtures.Read(Fixtures.ObjectCreatedEvent);
        input["detail"]!["object"]!["key"] = key;
        return input;
    }
}
