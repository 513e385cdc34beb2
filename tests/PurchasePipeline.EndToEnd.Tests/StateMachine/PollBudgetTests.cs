using PurchasePipeline.Cli.Control;
using PurchasePipeline.EndToEnd.Tests.Support;

namespace PurchasePipeline.EndToEnd.Tests.StateMachine;

/// <summary>The local hosts' poll settings follow the rule CDK's do (PollBudget): every poll limit pages before the execution times out.</summary>
public sealed class PollBudgetTests
{
    [Fact]
    public void LocalAndAwsPlaneSettings_PollLimitsComeBeforeTheDefinitionsTimeout()
    {
        var timeout = (int)PipelineDefinition.Parse().Timeout!.Value.TotalSeconds;

        Assert.Null(LocalSettings.Polls.ProblemWith(timeout));
        Assert.Null(AwsPlane.Polls.ProblemWith(timeout));
    }

    [Fact]
    public void LocalSubstitutions_AreThePollBudgets()
    {
        Assert.All(LocalSettings.Polls.Substitutions(), pair => Assert.Equal(pair.Value, PipelineDefinition.LocalValues[pair.Key]));
    }
}
