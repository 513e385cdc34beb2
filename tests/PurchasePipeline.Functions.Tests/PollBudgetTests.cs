using PurchasePipeline.Functions.Tests.Support;

namespace PurchasePipeline.Functions.Tests;

public sealed class PollBudgetTests
{
    private static PollBudget CreateSut(int jobPollSeconds = 60, int jobTimeoutMinutes = 60) =>
        new(CrawlerPollSeconds: 30, JobPollSeconds: jobPollSeconds, ValidationPollSeconds: 5, RefreshPollSeconds: 30, MaxPolls: 120, JobTimeoutMinutes: jobTimeoutMinutes);

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
    public void ProblemWith_DefaultsUnderTheDefinitionsTimeout_None()
    {
        Assert.Null(CreateSut().ProblemWith((int)Asl.Definition["TimeoutSeconds"]!));
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
