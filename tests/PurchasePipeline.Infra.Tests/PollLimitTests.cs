using System.Globalization;
using System.Text.Json.Nodes;
using PurchasePipeline.Core.Settings;
using PurchasePipeline.Infra.Settings;
using PurchasePipeline.Infra.Tests.Support;

namespace PurchasePipeline.Infra.Tests;

/// <summary>
/// A step that never finishes must end in its …PollLimitReached state, which pages on-call, before the
/// execution's TimeoutSeconds ends the run without an alert; and the Glue job's own timeout must come before
/// the job's poll limit, so a job Glue stopped is reported as TIMEOUT, not as still running. Read from the
/// synthesized template: the definition's TimeoutSeconds, the substituted poll settings, the Glue job.
/// </summary>
[Trait("Requires", "node")]
public sealed class PollLimitTests(DefaultDeployment shared) : IClassFixture<DefaultDeployment>
{
    /// <summary>The poll loops in the order a run goes through them: Wait placeholder, poll-limit placeholder.</summary>
    private static readonly (string Wait, string Limit)[] Loops =
    [
        ("CrawlerPollSeconds", "MaxPolls"), ("JobPollSeconds", "JobMaxPolls"), ("ValidationPollSeconds", "MaxPolls"), ("RefreshPollSeconds", "MaxPolls"),
    ];

    [Fact]
    public void DefaultDeployment_EveryPollLimitIsReachedBeforeTheExecutionTimesOut() =>
        AssertPollLimitsFit(shared.Json);

    [Fact]
    public void LongerGlueTimeout_RaisesTheJobsPollLimit_StillWithinTheExecution()
    {
        var (_, template) = Synth.Stack(new() { ["glueJobTimeoutMinutes"] = "180" });

        AssertPollLimitsFit(template.Json());
    }

    [Fact]
    public void GlueTimeoutBeyondTheExecution_SynthFailsWithOneLine()
    {
        var error = Assert.Throws<InfraSettingsException>(() => Synth.Stack(new() { ["glueJobTimeoutMinutes"] = "600" }));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("glueJobTimeoutMinutes", error.Message, StringComparison.Ordinal);
        Assert.Contains("TimeoutSeconds (28800)", error.Message, StringComparison.Ordinal);
        Assert.Contains("purchase-pipeline.asl.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartRetries_FitTheFixedAllowance()
    {
        // Retry delays are at most IntervalSeconds × BackoffRate^n, capped by MaxDelaySeconds (ASL spec,
        // "Retrying after error"; FULL jitter only shortens them). The states outside the poll loops may wait
        // that long before the run goes on or pages.
        // The start-and-poll steps are one-branch Parallel units: their states are in the branches.
        var states = new JsonObject([.. Definition(shared.Json)["States"]!.AsObject()
            .SelectMany(s => s.Value!["Branches"] is JsonArray branches ? branches.SelectMany(b => b!["States"]!.AsObject()) : [s])
            .Select(s => KeyValuePair.Create(s.Key, s.Value?.DeepClone()))]);
        string[] outsideLoops = ["StartCrawler", "StartEtlJob", "StartValidation", "RefreshDataset"];

        var waits = outsideLoops.Sum(name => RetryDelaySeconds(states[name]!.AsObject()));

        Assert.True(waits < PollBudget.FixedAllowanceSeconds, $"the retries outside the poll loops may wait {waits} s, more than PollBudget.FixedAllowanceSeconds");
    }

    private static void AssertPollLimitsFit(JsonObject template)
    {
        var machine = template.Single("AWS::StepFunctions::StateMachine");
        var substitutions = machine["DefinitionSubstitutions"]!.AsObject();
        int Number(string name) => int.Parse((string)substitutions[name]!, CultureInfo.InvariantCulture);
        var timeout = (int)Definition(template)["TimeoutSeconds"]!;
        var glueTimeoutSeconds = (int)template.Single("AWS::Glue::Job")["Timeout"]! * 60;

        // Glue's TIMEOUT is read by a poll after the job's timeout, not cut off by the poll limit.
        Assert.True(Number("JobMaxPolls") * Number("JobPollSeconds") > glueTimeoutSeconds,
            $"{Number("JobMaxPolls")} job polls of {Number("JobPollSeconds")} s end before the Glue job's timeout ({glueTimeoutSeconds} s)");

        // Reaching the last loop's limit means every loop before it went to its limit too.
        var elapsed = PollBudget.FixedAllowanceSeconds;
        foreach (var (wait, limit) in Loops)
        {
            elapsed += Number(limit) * (Number(wait) + PollBudget.PollTaskAllowanceSeconds);
            Assert.True(elapsed < timeout, $"the {limit} limit of the {wait} loop is reached after up to {elapsed} s, not before the execution's TimeoutSeconds ({timeout})");
        }
    }

    private static JsonObject Definition(JsonObject template) =>
        JsonNode.Parse((string)template.Single("AWS::StepFunctions::StateMachine")["DefinitionString"]!)!.AsObject();

    private static double RetryDelaySeconds(JsonObject state) =>
        (state["Retry"]?.AsArray() ?? []).Sum(retrier =>
        {
            var interval = (double?)retrier!["IntervalSeconds"] ?? 1;
            var backoff = (double?)retrier["BackoffRate"] ?? 2;
            var attempts = (int?)retrier["MaxAttempts"] ?? 3;
            var cap = (double?)retrier["MaxDelaySeconds"] ?? double.MaxValue;
            return Enumerable.Range(0, attempts).Sum(n => Math.Min(interval * Math.Pow(backoff, n), cap));
        });
}
