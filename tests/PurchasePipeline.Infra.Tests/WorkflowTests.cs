using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PurchasePipeline.Functions;
using PurchasePipeline.Infra.Tests.Support;

namespace PurchasePipeline.Infra.Tests;

[Trait("Requires", "node")]
public sealed partial class WorkflowTests(DefaultDeployment shared) : IClassFixture<DefaultDeployment>
{
    private JsonObject StateMachine => shared.Json.Single("AWS::StepFunctions::StateMachine");

    [Fact]
    public void DefinitionString_IsTheAslFileVerbatim()
    {
        Assert.Equal(File.ReadAllText(Synth.Files.Definition), (string?)StateMachine["DefinitionString"]);
    }

    [Fact]
    public void DefinitionSubstitutions_FillExactlyThePlaceholdersOfTheFile()
    {
        var used = Placeholder().Matches(File.ReadAllText(Synth.Files.Definition)).Select(match => match.Groups[1].Value).ToHashSet();
        var substituted = StateMachine["DefinitionSubstitutions"]!.AsObject().Select(pair => pair.Key).ToHashSet();

        Assert.Equal(used.Order(StringComparer.Ordinal), substituted.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DefinitionSubstitutions_TaskArnsAreTheCatalogFunctions_SettingsAreText()
    {
        var substitutions = StateMachine["DefinitionSubstitutions"]!.AsObject();

        foreach (var task in FunctionCatalog.All)
        {
            var function = shared.Stack.LogicalId(shared.Stack.Functions[task.Name]);
            Assert.Equal(function, (string?)substitutions[task.ArnPlaceholder]!["Fn::GetAtt"]![0]);
        }

        Assert.Equal("30", (string?)substitutions["CrawlerPollSeconds"]);
        Assert.Equal("120", (string?)substitutions["MaxPolls"]);
        Assert.Equal("", (string?)substitutions["QuickSightDatasetId"]);
    }

    [Fact]
    public void StateMachine_LogsEveryEventWithoutExecutionData_TracesWithXRay_AndTheDefinitionBoundsAnExecution()
    {
        var logging = StateMachine["LoggingConfiguration"]!;

        // Execution data would go to a log group under no key of ours (infra/README.md, "State machine logs");
        // it is in the execution history.
        Assert.Equal("ALL", (string?)logging["Level"]);
        Assert.False((bool)logging["IncludeExecutionData"]!);
        Assert.True((bool)StateMachine["TracingConfiguration"]!["Enabled"]!);
        Assert.True((int)JsonNode.Parse(File.ReadAllText(Synth.Files.Definition))!["TimeoutSeconds"]! > 0);
    }

    [Fact]
    public void Role_InvokesExactlyTheEightFunctions_AndPublishesNothing()
    {
        var role = shared.Stack.LogicalId(shared.Stack.Workflow.StateMachine.Role);
        var statements = Policies.StatementsOfRole(shared.Json, role);

        var invoke = Assert.Single(statements, statement => Policies.Actions(statement).Contains("lambda:InvokeFunction"));
        var resources = Policies.Resources(invoke).Select(resource => (string?)resource["Fn::GetAtt"]![0]).Order(StringComparer.Ordinal);
        Assert.Equal(FunctionCatalog.All.Select(task => shared.Stack.LogicalId(shared.Stack.Functions[task.Name])).Order(StringComparer.Ordinal), resources);
        // The alert rule pages on the execution's status (ExecutionAlertRuleTests); the definition publishes nothing.
        Assert.DoesNotContain(statements, statement => Policies.Actions(statement).Contains("sns:Publish"));
    }

    [GeneratedRegex(@"\$\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
