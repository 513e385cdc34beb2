using System.Globalization;
using System.Text;

namespace PurchasePipeline.States.Graph;

/// <summary>
/// A graph as a Mermaid flowchart (top down), for Markdown renderers: Choice states as diamonds, terminals
/// as stadiums, Catch transitions dotted, clusters as subgraphs, an execution's path as classes and link styles.
/// </summary>
/// <remarks>Syntax: https://mermaid.js.org/syntax/flowchart.html (quoted labels, <c>#quot;</c> entity codes, linkStyle by edge index).</remarks>
public static class MermaidGraph
{
    public static string Render(StateGraph graph, ExecutionPath? path = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var text = new StringBuilder("flowchart TD\n");
        text.Append("  start_((Start))\n");
        WriteNodes(text, graph, path, cluster: null, indent: "  ");
        var endings = GraphText.Endings(graph);
        if (endings.Count > 0)
        {
            text.Append("  end_((End))\n");
        }

        var edges = new List<(string Line, bool Taken)> { ($"start_ --> {graph.StartAt}", path is not null) };
        edges.AddRange(graph.Edges.Select(e => (
            $"{e.From} {(e.Kind == GraphEdgeKind.Catch ? "-.->" : "-->")}{(e.Label is null ? string.Empty : $"|\"{Escape(e.Label)}\"|")} {e.To}",
            GraphText.Taken(graph, e, path))));
        edges.AddRange(endings.Select(n => ($"{n.Id} --> end_", GraphText.EndedAt(n, path))));
        foreach (var (line, _) in edges)
        {
            text.Append("  ").Append(line).Append('\n');
        }

        if (path is not null)
        {
            text.Append("  classDef visited fill:#dcfce7,stroke:#15803d,color:#14532d\n");
            text.Append("  classDef failed fill:#fee2e2,stroke:#b91c1c,stroke-width:3px,color:#7f1d1d\n");
            text.Append("  classDef unvisited fill:#f8fafc,stroke:#cbd5e1,color:#64748b\n");
            foreach (var group in graph.Nodes.GroupBy(n => GraphText.Mark(n, path)))
            {
                text.Append(CultureInfo.InvariantCulture, $"  class {string.Join(",", group.Select(n => n.Id))} {group.Key}\n");
            }

            var taken = edges.Select((e, i) => (e.Taken, i)).Where(e => e.Taken).Select(e => e.i.ToString(CultureInfo.InvariantCulture)).ToList();
            if (taken.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"  linkStyle {string.Join(",", taken)} stroke:#15803d,stroke-width:3px\n");
            }
        }

        return text.ToString();
    }

    private static void WriteNodes(StringBuilder text, StateGraph graph, ExecutionPath? path, string? cluster, string indent)
    {
        foreach (var node in graph.Nodes.Where(n => n.Cluster == cluster))
        {
            var label = Escape(GraphText.NodeLabel(node, path) + (GraphText.RetryBadge(node) is { } badge ? " " + badge : string.Empty));
            text.Append(indent).Append(node.Id).Append(node.Type switch
            {
                "Choice" => $"{{\"{label}\"}}",
                "Succeed" or "Fail" => $"([\"{label}\"])",
                "Wait" => $"[/\"{label}\"/]",
                _ => $"[\"{label}\"]",
            }).Append('\n');
        }

        foreach (var inner in graph.Clusters.Where(c => c.Parent == cluster))
        {
            text.Append(indent).Append(CultureInfo.InvariantCulture, $"subgraph {inner.Id}[\"{Escape(inner.Label)}\"]\n");
            WriteNodes(text, graph, path, inner.Id, indent + "  ");
            text.Append(indent).Append("end\n");
        }
    }

    /// <summary>Mermaid's entity codes for what would end a quoted label or read as markup.</summary>
    private static string Escape(string text) =>
        text.Replace("#", "#35;", StringComparison.Ordinal).Replace("\"", "#quot;", StringComparison.Ordinal)
            .Replace("<", "#lt;", StringComparison.Ordinal).Replace(">", "#gt;", StringComparison.Ordinal)
            .Replace("|", "#124;", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
