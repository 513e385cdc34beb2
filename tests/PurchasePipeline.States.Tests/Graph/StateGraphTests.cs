using System.Text.Json.Nodes;
using PurchasePipeline.States.Graph;

namespace PurchasePipeline.States.Tests.Graph;

/// <summary>StateGraph: every state a node, every transition an edge, as the Step Functions console draws a definition.</summary>
public sealed class StateGraphTests
{
    [Fact]
    public void Of_PipelineDefinition_HasEveryStateAndEveryTransition()
    {
        var graph = StateGraph.Of(StateMachine.Parse(Graphs.PipelineJson));

        var states = Graphs.StatesOf(JsonNode.Parse(Graphs.PipelineJson)!).Select(s => s.Name).Order(StringComparer.Ordinal);
        Assert.Equal(states, graph.Nodes.Select(n => n.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            Graphs.Transitions(Graphs.PipelineJson).Order(),
            graph.Edges.Select(e => (graph.Node(e.From).Name, graph.Node(e.To).Name, e.Kind.ToString())).Order());
        Assert.Equal("CheckInput", graph.Node(graph.StartAt).Name);
    }

    [Fact]
    public void Of_ParallelState_PutsEachBranchInItsClusterWithAnEdgeToItsStart()
    {
        var graph = StateGraph.Of(StateMachine.Parse(Graphs.EveryKind));

        Assert.Equal(7, graph.Nodes.Count);
        Assert.Equal(Graphs.Transitions(Graphs.EveryKind).Order(), graph.Edges.Select(e => (graph.Node(e.From).Name, graph.Node(e.To).Name, e.Kind.ToString())).Order());
        var both = graph.Nodes.Single(n => n.Name == "Both");
        Assert.Equal(["Both: branch 1", "Both: branch 2"], graph.Clusters.Select(c => c.Label));
        Assert.All(graph.Clusters, c => Assert.Equal(both.Id, c.Owner));
        Assert.Equal(graph.Clusters[0].Id, graph.Nodes.Single(n => n.Name == "Left").Cluster);
        Assert.True(graph.Nodes.Single(n => n.Name == "Right").IsEnd);
    }

    [Fact]
    public void Of_RetryAndChoiceRules_AreDescribedInWords()
    {
        var graph = StateGraph.Of(StateMachine.Parse(Graphs.EveryKind));

        Assert.Equal(["States.Timeout: up to 2 ×, 1s × 2"], graph.Nodes.Single(n => n.Name == "Work").Retry);
        Assert.Equal(
            ["$.n > 10", "$.s == \"a\\\"<b>\" && $.t is present", "Default", "Catch States.ALL"],
            graph.Edges.Where(e => e.Label is not null).Select(e => e.Label));
    }

    [Fact]
    public void Of_LongChoiceRule_IsShortenedWithAnEllipsis()
    {
        var graph = StateGraph.Of(StateMachine.Parse("""
            { "StartAt": "C", "States": { "C": { "Type": "Choice", "Default": "D", "Choices": [
              { "Variable": "$.a.very.long.path.to.a.field", "StringEquals": "a long value to compare with", "Next": "D" } ] },
              "D": { "Type": "Succeed" } } }
            """));

        var label = graph.Edges[0].Label!;
        Assert.Equal(40, label.Length);
        Assert.EndsWith("…", label, StringComparison.Ordinal);
    }

    [Fact]
    public void ExecutionPath_CountsVisitsTakenTransitionsAndTheFailedState()
    {
        var path = ExecutionPath.Of(["Decide", "Work", "Broken"], failed: true);

        Assert.Equal("Broken", path.FailedState);
        Assert.True(path.Took("Decide", "Work"));
        Assert.True(path.Took("Work", "Broken"));
        Assert.False(path.Took("Decide", "Broken"));
        Assert.Null(ExecutionPath.Of(["Decide", "Work", "Done"], failed: false).FailedState);
        Assert.Equal(3, ExecutionPath.Of(["W", "P", "W", "P", "W"], failed: false).Visits["W"]);
    }
}
