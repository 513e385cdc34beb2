using System.Text.RegularExpressions;
using PurchasePipeline.States.Graph;

namespace PurchasePipeline.States.Tests.Graph;

/// <summary>
/// Mermaid and DOT output, parsed back structurally: balanced blocks, every edge between declared nodes,
/// the execution's path as classes/colours on exactly the states it visited.
/// </summary>
/// <remarks>Syntax read from https://mermaid.js.org/syntax/flowchart.html and https://graphviz.org/doc/info/lang.html.</remarks>
public sealed partial class GraphRenderTests
{
    private static readonly StateGraph Pipeline = StateGraph.Of(StateMachine.Parse(Graphs.PipelineJson));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Mermaid_EveryEdgeJoinsDeclaredNodesAndSubgraphsAreBalanced(bool pipeline)
    {
        var graph = pipeline ? Pipeline : StateGraph.Of(StateMachine.Parse(Graphs.EveryKind));

        var lines = MermaidGraph.Render(graph).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();

        Assert.Equal("flowchart TD", lines[0]);
        var declared = lines.Select(l => MermaidNode().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        var edges = lines.Select(l => MermaidEdge().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(graph.Edges.Count + 1 + GraphText.Endings(graph).Count, edges.Count);
        Assert.All(edges, e => Assert.Contains(e.Groups[1].Value, declared));
        Assert.All(edges, e => Assert.Contains(e.Groups[2].Value, declared));
        Assert.Equal(graph.Nodes.Count + 1 + (declared.Contains("end_") ? 1 : 0), declared.Count);
        Assert.Equal(graph.Clusters.Count, lines.Count(l => l.StartsWith("subgraph ", StringComparison.Ordinal)));
        Assert.Equal(graph.Clusters.Count, lines.Count(l => l == "end"));
        Assert.All(lines, l => Assert.Equal(0, l.Count(c => c == '"') % 2));
    }

    [Fact]
    public void Mermaid_TextThatWouldEndALabel_IsEscaped()
    {
        var text = MermaidGraph.Render(StateGraph.Of(StateMachine.Parse("""{ "StartAt": "a\"]<b>|c", "States": { "a\"]<b>|c": { "Type": "Succeed" } } }""")));

        Assert.Contains("s0([\"a#quot;]#lt;b#gt;#124;c\"])", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_WithExecution_ClassesExactlyTheVisitedStatesAndTheFailedOne()
    {
        var path = ExecutionPath.Of(["CheckInput", "Initialize", "Crawl", "StartCrawler"], failed: true);

        var text = MermaidGraph.Render(Pipeline, path);

        Assert.Equal(["CheckInput", "Crawl", "Initialize"], ClassMembers(text, "visited").Order(StringComparer.Ordinal));
        Assert.Equal(["StartCrawler"], ClassMembers(text, "failed"));
        Assert.Equal(Pipeline.Nodes.Count - 4, ClassMembers(text, "unvisited").Count);
        var styled = MermaidLinkStyle().Match(text).Groups[1].Value.Split(',').Select(int.Parse).ToList();
        Assert.Equal(4, styled.Count); // Start → CheckInput and the three transitions taken (Crawl → StartCrawler enters its branch)
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Dot_IsBalancedAndEveryEdgeJoinsDeclaredNodes(bool pipeline)
    {
        var graph = pipeline ? Pipeline : StateGraph.Of(StateMachine.Parse(Graphs.EveryKind));

        var text = DotGraph.Render(graph);

        Assert.StartsWith("digraph ", text, StringComparison.Ordinal);
        var outside = DotString().Replace(text, "\"\"");
        Assert.Equal(outside.Count(c => c == '{'), outside.Count(c => c == '}'));
        var declared = DotNode().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
        var edges = DotEdge().Matches(text).ToList();
        Assert.Equal(graph.Nodes.Count + 1 + (declared.Contains("end_") ? 1 : 0), declared.Count);
        Assert.All(edges, e => Assert.Contains(e.Groups[1].Value, declared));
        Assert.All(edges, e => Assert.Contains(e.Groups[2].Value, declared));
        Assert.Equal(graph.Clusters.Count, Regex.Count(text, "subgraph cluster_"));
    }

    [Fact]
    public void Dot_WithExecution_ColoursTheFailedStateRedAndTheTakenEdgesGreen()
    {
        var path = ExecutionPath.Of(["CheckInput", "Initialize", "Crawl", "StartCrawler", "WaitForCrawler", "GetCrawlerState", "IsCrawlerReady", "CrawlerFailed"], failed: true);

        var text = DotGraph.Render(Pipeline, path);

        var failed = text.Split('\n').Where(l => l.Contains("#b91c1c", StringComparison.Ordinal)).ToList();
        Assert.Contains("label=\"CrawlerFailed\"", Assert.Single(failed), StringComparison.Ordinal);
        Assert.Equal(8, text.Split('\n').Count(l => l.Contains("->", StringComparison.Ordinal) && l.Contains("#15803d", StringComparison.Ordinal)));
    }

    private static List<string> ClassMembers(string mermaid, string name) =>
        mermaid.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("class ", StringComparison.Ordinal) && l.EndsWith(" " + name, StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ')[1].Split(',')).Select(id => Pipeline.Node(id).Name).ToList();

    [GeneratedRegex("""^(\w+)(\[|\{|\(|\[/)""")]
    private static partial Regex MermaidNode();

    [GeneratedRegex("""^(\w+) (?:-->|-\.->)(?:\|"[^"]*"\|)? (\w+)$""")]
    private static partial Regex MermaidEdge();

    [GeneratedRegex("""linkStyle ([\d,]+) """)]
    private static partial Regex MermaidLinkStyle();

    [GeneratedRegex("""(?m)^\s*(\w+) \[label=""")]
    private static partial Regex DotNode();

    [GeneratedRegex("""(?m)^\s*(\w+) -> (\w+)""")]
    private static partial Regex DotEdge();

    [GeneratedRegex("""
        "(?:\\.|[^"\\])*"
        """)]
    private static partial Regex DotString();
}
