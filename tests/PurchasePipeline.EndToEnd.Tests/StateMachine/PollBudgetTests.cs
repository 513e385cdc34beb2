using PurchasePipeline.Core.Settings;
using PurchasePipeline.EndToEnd.Tests.Support;

namespace PurchasePipeline.EndToEnd.Tests.StateMachine;

/// <summary>The local host substitutes the local poll budget, whose limits come before the definition's timeout (Core.Tests' PollBudgetTests).</summary>
public sealed class PollBudgetTests
{
    [Fact]
    public void LocalSubstitutions_AreThePollBudgets()
    {
        Assert.All(PollBudget.Local.Substitutions(), pair => Assert.Equal(pair.Value, PipelineDefinition.LocalValues[pair.Key]));
    }
}
