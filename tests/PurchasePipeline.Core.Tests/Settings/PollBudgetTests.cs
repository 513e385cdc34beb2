using System.Text.Json.Nodes;
using PurchasePipeline.Core.Settings;

namespace PurchasePipeline.Core.Tests.Settings;

public sealed class PollBudgetTests
{
    private static PollBudget CreateSut(int jobPollSeconds = 60, int jobTimeoutMinutes = 60) =>
        PollBudget.Deployed with { JobPollSeconds = jobPollSeconds, JobTimeoutMinutes = jobTimeoutMinutes };

    [Theory]
    [InlineData(60, 60, 61)]
    [InlineData(45, 60, 81)]
    [InlineData(7, 1, 10)]
    public void JobMaxPolls_OutlastsTheJobTimeoutByOnePoll(int pollSeconds, int timeoutMinutes, int expected)
    {
        var budget = CreateSut(pollSeconds, timeoutMinutes);

        Assert.Equal(expected, budget.JobMaxPolls);
        Assert.True((budget.JobMaxPolls - 1) * pollSeconds >= timeoutMinutes * 60);
    }

    [Fact]
    public void Substitutions_FillEveryPollPlaceholderOfTheDefinition()
    {
        var text = File.ReadAllText(TestUtils.RepoPaths.Combine("statemachine", "purchase-pipeline.asl.json"));
        var substitutions = CreateSut().Substitutions();

        Assert.All(substitutions.Keys, name => Assert.Contains("${" + name + "}", text, StringComparison.Ordinal));
        Assert.Equal("61", substitutions["JobMaxPolls"]);
        Assert.Equal("120", substitutions["MaxPolls"]);
    }

    [Fact]
    public void ProblemWith_DeployedAndLocalDefaultsUnderTheDefinitionsTimeout_None()
    {
        var timeout = (int)JsonNode.Parse(File.ReadAllText(TestUtils.RepoPaths.Combine("statemachine", "purchase-pipeline.asl.json")))!["TimeoutSeconds"]!;

        Assert.Null(PollBudget.Deployed.ProblemWith(timeout));
        Assert.Null(PollBudget.Local.ProblemWith(timeout));
    }

    [Fact]
    public void ProblemWith_TimeoutAtTheWorstCase_OneLineNamingBoth()
    {
        var budget = CreateSut();

        var problem = budget.ProblemWith(budget.WorstCaseSeconds);

        Assert.NotNull(problem);
        Assert.Contains($"can take {budget.WorstCaseSeconds} s", problem, StringComparison.Ordinal);
        Assert.Contains($"TimeoutSeconds ({budget.WorstCaseSeconds})", problem, StringComparison.Ordinal);
        Assert.Null(budget.ProblemWith(budget.WorstCaseSeconds + 1));
    }
}
