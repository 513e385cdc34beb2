using System.Globalization;

namespace PurchasePipeline.States.Graph;

/// <summary>The words every renderer puts on the picture, so Mermaid, DOT and SVG say the same.</summary>
public static class GraphText
{
    /// <summary>A node's label: its name, and how often the execution entered it when more than once (a polled state).</summary>
    public static string NodeLabel(GraphNode node, ExecutionPath? path)
    {
        ArgumentNullException.ThrowIfNull(node);
        return path?.Visits.GetValueOrDefault(node.Name) is > 1 and var visits
            ? string.Create(CultureInfo.InvariantCulture, $"{node.Name} ×{visits}")
            : node.Name;
    }

    /// <summary>A node's Retry badge, or null without Retry (the policies themselves are in <see cref="GraphNode.Retry"/>).</summary>
    public static string? RetryBadge(GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Retry.Count == 0 ? null : "↻ retry";
    }

    /// <summary>How the execution treated a node: failed, visited, or not reached (null without an execution).</summary>
    public static string? Mark(GraphNode node, ExecutionPath? path)
    {
        ArgumentNullException.ThrowIfNull(node);
        return path is null ? null
            : path.FailedState == node.Name ? "failed"
            : path.Visits.ContainsKey(node.Name) ? "visited"
            : "unvisited";
    }

    /// <summary>The top-level states that end the machine successfully (End, Succeed): drawn with an edge to an End marker.</summary>
    public static IReadOnlyList<GraphNode> Endings(StateGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.Nodes.Where(n => n.IsEnd && n.Cluster is null && n.Type != "Fail").ToList();
    }

    /// <summary>Whether the execution ended successfully at this state.</summary>
    public static bool EndedAt(GraphNode node, ExecutionPath? path)
    {
        ArgumentNullException.ThrowIfNull(node);
        return path?.Visits.ContainsKey(node.Name) == true && path.FailedState is null;
    }

    /// <summary>Whether the execution took this edge.</summary>
    public static bool Taken(StateGraph graph, GraphEdge edge, ExecutionPath? path)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(edge);
        return path is not null && path.Took(graph.Node(edge.From).Name, graph.Node(edge.To).Name);
    }
}
