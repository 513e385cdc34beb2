using System.Globalization;
using System.Text;

namespace PurchasePipeline.States.Graph;

/// <summary>A graph in Graphviz DOT (a digraph, top down): clusters as <c>subgraph cluster_…</c>, an execution's path as colours.</summary>
/// <remarks>Syntax: https://graphviz.org/doc/info/lang.html (double-quoted IDs escape only <c>"</c>; a backslash starts an escape in labels).</remarks>
public static class DotGraph
{
    public static string Render(StateGraph graph, ExecutionPath? path = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var text = new StringBuilder("digraph \"state machine\" {\n");
        text.Append("  rankdir=TB;\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
        text.Append("  start_ [label=\"Start\", shape=circle];\n");
        var ends = GraphText.Endings(graph);
        if (ends.Count > 0)
        {
            text.Append("  end_ [label=\"End\", shape=doublecircle];\n");
        }

        WriteNodes(text, graph, path, cluster: null, indent: "  ");
        text.Append(CultureInfo.InvariantCulture, $"  start_ -> {graph.StartAt}{Style(null, path is not null)};\n");
        foreach (var edge in graph.Edges)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {edge.From} -> {edge.To}{Style(edge, GraphText.Taken(graph, edge, path))};\n");
        }

        foreach (var node in ends)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {node.Id} -> end_{Style(null, GraphText.EndedAt(node, path))};\n");
        }

        return text.Append("}\n").ToString();
    }

    private static void WriteNodes(StringBuilder text, StateGraph graph, ExecutionPath? path, string? cluster, string indent)
    {
        foreach (var node in graph.Nodes.Where(n => n.Cluster == cluster))
        {
            var label = GraphText.NodeLabel(node, path) + (GraphText.RetryBadge(node) is { } badge ? "\n" + badge : string.Empty);
            var shape = node.Type switch { "Choice" => "diamond", "Succeed" or "Fail" => "oval", "Wait" => "parallelogram", _ => "box" };
            var fill = GraphText.Mark(node, path) switch
            {
                "failed" => ", fillcolor=\"#fee2e2\", color=\"#b91c1c\", penwidth=3",
                "visited" => ", fillcolor=\"#dcfce7\", color=\"#15803d\"",
                "unvisited" => ", fontcolor=\"#64748b\", color=\"#cbd5e1\"",
                _ => string.Empty,
            };
            text.Append(CultureInfo.InvariantCulture, $"{indent}{node.Id} [label={Quote(label)}, shape={shape}{fill}];\n");
        }

        foreach (var inner in graph.Clusters.Where(c => c.Parent == cluster))
        {
            text.Append(CultureInfo.InvariantCulture, $"{indent}subgraph cluster_{inner.Id} {{\n{indent}  label={Quote(inner.Label)};\n{indent}  style=dashed;\n");
            WriteNodes(text, graph, path, inner.Id, indent + "  ");
            text.Append(indent).Append("}\n");
        }
    }

    private static string Style(GraphEdge? edge, bool taken)
    {
        var attributes = new List<string>();
        if (edge?.Label is { } label)
        {
            attributes.Add("label=" + Quote(label));
        }

        if (edge?.Kind == GraphEdgeKind.Catch)
        {
            attributes.Add("style=dashed");
        }

        if (taken)
        {
            attributes.Add("color=\"#15803d\", penwidth=2.5");
        }

        return attributes.Count == 0 ? string.Empty : " [" + string.Join(", ", attributes) + "]";
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).ReplaceLineEndings("\\n") + "\"";
}
