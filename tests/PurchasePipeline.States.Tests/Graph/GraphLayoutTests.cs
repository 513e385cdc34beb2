using PurchasePipeline.States.Graph;

namespace PurchasePipeline.States.Tests.Graph;

/// <summary>GraphLayout: layers from StartAt down, loops set aside, long edges through waypoints.</summary>
public sealed class GraphLayoutTests
{
    [Fact]
    public void Of_PipelineDefinition_PlacesEveryStateOnceAndEveryForwardEdgeDownwards()
    {
        var graph = StateGraph.Of(StateMachine.Parse(Graphs.PipelineJson));

        var layout = GraphLayout.Of(graph);

        var layerOf = layout.Layers.SelectMany((slots, l) => slots.Where(s => s.Node is not null).Select(s => (s.Node!.Id, l))).ToList();
        Assert.Equal(graph.Nodes.Select(n => n.Id).Order(), layerOf.Select(p => p.Id).Order());
        var layer = layerOf.ToDictionary(p => p.Id, p => p.l);
        Assert.Equal(0, layer[graph.StartAt]);
        foreach (var edge in graph.Edges.Where(e => !layout.BackEdges.Contains(e)))
        {
            Assert.True(layer[edge.From] < layer[edge.To], $"{graph.Node(edge.From).Name} → {graph.Node(edge.To).Name}");
            Assert.Equal(layer[edge.To] - layer[edge.From] - 1, layout.Waypoints(edge).Count());
        }
    }

    [Fact]
    public void Of_StateAfterAParallel_IsBelowEveryStateOfItsBranches()
    {
        // Regression: the pipeline's units (Crawl, Transform, …) had their Next drawn beside their first branch state.
        var graph = StateGraph.Of(StateMachine.Parse(Graphs.PipelineJson));

        var layout = GraphLayout.Of(graph);

        var layer = layout.Layers.SelectMany((slots, l) => slots.Where(s => s.Node is not null).Select(s => (s.Node!.Name, l))).ToDictionary(p => p.Name, p => p.l);
        Assert.True(layer["Transform"] > layer["CrawlerPollLimitReached"], $"Transform on layer {layer["Transform"]}");
        Assert.True(layer["Validate"] > layer["ObjectNotRead"], $"Validate on layer {layer["Validate"]}");
        Assert.True(layer["IsRefreshConfigured"] > layer["ValidationPollLimitReached"], $"IsRefreshConfigured on layer {layer["IsRefreshConfigured"]}");
    }

    [Fact]
    public void Of_PollLoops_AreTheBackEdges()
    {
        var graph = StateGraph.Of(StateMachine.Parse(Graphs.PipelineJson));

        var back = GraphLayout.Of(graph).BackEdges.Select(e => (graph.Node(e.From).Name, graph.Node(e.To).Name)).Order();

        // Each poll's Choice returns to its Wait, and a round left restarts the job (IsRoundLeft's Default).
        Assert.Equal(
            [("IsCrawlerReady", "WaitForCrawler"), ("IsDataValid", "WaitForValidation"), ("IsJobDone", "WaitForJob"), ("IsRefreshDone", "WaitForRefresh"), ("IsRoundLeft", "StartEtlJob")],
            back);
    }
}
