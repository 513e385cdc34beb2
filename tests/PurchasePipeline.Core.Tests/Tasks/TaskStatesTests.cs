using System.Text.Json.Nodes;
using PurchasePipeline.Core.Tasks;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Core.Tests.Tasks;

/// <summary>The unsuccessful end states the tasks know are the ones the definition's Choice states send to a failure.</summary>
public class TaskStatesTests
{
    /// <summary>Every state of the definition by name, those of its Parallel units' branches included.</summary>
    private static readonly JsonObject States = StatesOf(JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("statemachine", "purchase-pipeline.asl.json")))!, []);

    [Fact]
    public void JobEndedUnsuccessfully_IsWhatIsJobDoneSendsToJobFailed() =>
        Assert.Equal(ChoiceValues("IsJobDone", "JobFailed"), TaskStates.JobEndedUnsuccessfully.Order(StringComparer.Ordinal));

    [Fact]
    public void IngestionEndedUnsuccessfully_IsWhatIsRefreshDoneSendsToRefreshFailed() =>
        Assert.Equal(ChoiceValues("IsRefreshDone", "RefreshFailed"), TaskStates.IngestionEndedUnsuccessfully.Order(StringComparer.Ordinal));

    [Fact]
    public void ErrorMessage_ServiceGaveOne_KeepsIt() =>
        Assert.Equal("boom", TaskStates.ErrorMessage("boom", "FAILED", TaskStates.JobEndedUnsuccessfully, "the ETL job"));

    [Fact]
    public void ErrorMessage_StillRunning_StaysNull() =>
        Assert.Null(TaskStates.ErrorMessage(null, "RUNNING", TaskStates.JobEndedUnsuccessfully, "the ETL job"));

    private static IEnumerable<string> ChoiceValues(string choiceState, string next) =>
        States[choiceState]!["Choices"]!.AsArray()
            .Single(rule => (string?)rule!["Next"] == next)!["Or"]!.AsArray()
            .Select(rule => (string)rule!["StringEquals"]!)
            .Order(StringComparer.Ordinal);

    private static JsonObject StatesOf(JsonNode machine, JsonObject into)
    {
        foreach (var (name, state) in machine["States"]!.AsObject())
        {
            into[name] = state!.DeepClone();
            foreach (var branch in state["Branches"]?.AsArray() ?? [])
            {
                StatesOf(branch!, into);
            }
        }

        return into;
    }
}
