using System.Xml.Linq;
using PurchasePipeline.Local.Dashboard;
using PurchasePipeline.States;
using PurchasePipeline.States.Graph;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Dashboard;

/// <summary>The state machine as SVG: well-formed XML, one node element per state, an execution's path marked.</summary>
public sealed class StateGraphSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    internal static readonly StateGraph Pipeline =
        StateGraph.Of(StateMachine.Parse(File.ReadAllText(RepoPaths.Combine("statemachine", "purchase-pipeline.asl.json"))));

    /// <summary>A crawler that failed after two polls, as its execution's StateEntered events name the states.</summary>
    internal static readonly ExecutionPath FailedPath = ExecutionPath.Of(
        ["CheckInput", "Initialize", "Crawl", "StartCrawler", "WaitForCrawler", "GetCrawlerState", "IsCrawlerReady", "WaitForCrawler", "GetCrawlerState", "IsCrawlerReady", "CrawlerFailed"],
        failed: true);

    [Fact]
    public void Render_Pipeline_IsWellFormedWithOneNodePerStateAndOneEdgePerTransition()
    {
        var svg = XDocument.Parse(StateGraphSvg.Render(Pipeline));

        var states = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "state").Select(g => (string)g.Attribute("data-state")!).ToList();
        Assert.Equal(Pipeline.Nodes.Select(n => n.Name).Order(StringComparer.Ordinal), states.Order(StringComparer.Ordinal));
        Assert.Equal(Pipeline.Edges.Count, svg.Descendants(Svg + "path").Count(p => (string?)p.Attribute("class") == "edge" && p.Attribute("data-from") is not null));
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "foreignObject" or "image");
    }

    [Fact]
    public void Render_NamesWithMarkup_AreEscaped()
    {
        var graph = StateGraph.Of(StateMachine.Parse("""{ "StartAt": "<script>&\"", "States": { "<script>&\"": { "Type": "Succeed" } } }"""));

        var svg = XDocument.Parse(StateGraphSvg.Render(graph));

        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.Equal("<script>&\"", (string)svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "state").Attribute("data-state")!);
    }

    [Fact]
    public void Render_WithExecution_MarksExactlyTheVisitedStatesTheFailedOneAndTheTakenEdges()
    {
        var svg = XDocument.Parse(StateGraphSvg.Render(Pipeline, FailedPath));

        var marks = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "state")
            .ToLookup(g => (string?)g.Attribute("data-mark"), g => (string)g.Attribute("data-state")!);
        Assert.Equal(["CheckInput", "Crawl", "GetCrawlerState", "Initialize", "IsCrawlerReady", "StartCrawler", "WaitForCrawler"], marks["visited"].Order(StringComparer.Ordinal));
        Assert.Equal(["CrawlerFailed"], marks["failed"]);
        Assert.Equal(Pipeline.Nodes.Count - 8, marks["unvisited"].Count());
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "WaitForCrawler ×2");
        var taken = svg.Descendants(Svg + "path").Where(p => (string?)p.Attribute("data-taken") == "true" && p.Attribute("data-from") is not null)
            .Select(p => (Pipeline.Node((string)p.Attribute("data-from")!).Name, Pipeline.Node((string)p.Attribute("data-to")!).Name)).ToHashSet();
        Assert.Equal(8, taken.Count); // 10 transitions, of which the poll loop's two repeat
        Assert.Contains(("IsCrawlerReady", "WaitForCrawler"), taken);
    }
}
