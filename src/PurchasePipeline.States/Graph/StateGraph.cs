using PurchasePipeline.States.Definition;

namespace PurchasePipeline.States.Graph;

/// <summary>
/// A state machine as a graph, the way the Step Functions console draws it: one node per state (nested
/// Parallel branches and Map processors included, each in its cluster) and one edge per transition (Next,
/// each Choice rule, Default, each Catch, and a Parallel or Map state to the start of each branch).
/// </summary>
/// <remarks>Renderers (<see cref="MermaidGraph"/>, <see cref="DotGraph"/>, the dashboard's SVG) read only this model.</remarks>
public sealed class StateGraph
{
    private StateGraph(string startAt, IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges, IReadOnlyList<GraphCluster> clusters)
    {
        StartAt = startAt;
        Nodes = nodes;
        Edges = edges;
        Clusters = clusters;
    }

    /// <summary>The id of the node the machine starts at.</summary>
    public string StartAt { get; }

    public IReadOnlyList<GraphNode> Nodes { get; }

    public IReadOnlyList<GraphEdge> Edges { get; }

    public IReadOnlyList<GraphCluster> Clusters { get; }

    /// <summary>The node with this id.</summary>
    public GraphNode Node(string id) => Nodes[int.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>The graph of a parsed definition.</summary>
    public static StateGraph Of(StateMachine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var builder = new Builder();
        var start = builder.Add(machine.Definition, cluster: null);
        return new StateGraph(start, builder.Nodes, builder.Edges, builder.Clusters);
    }

    private sealed class Builder
    {
        public List<GraphNode> Nodes { get; } = [];

        public List<GraphEdge> Edges { get; } = [];

        public List<GraphCluster> Clusters { get; } = [];

        /// <summary>Adds a machine's states and transitions; node ids are positional, since state names may hold any character.</summary>
        /// <returns>The id of the machine's StartAt node.</returns>
        public string Add(MachineDefinition machine, string? cluster)
        {
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var state in machine.States.Values)
            {
                ids[state.Name] = "s" + Nodes.Count;
                Nodes.Add(Node(ids[state.Name], state, cluster));
            }

            foreach (var state in machine.States.Values)
            {
                var from = ids[state.Name];
                if (state.Next is { } next)
                {
                    Edges.Add(new GraphEdge(from, ids[next], GraphEdgeKind.Next, null));
                }

                if (state is ChoiceState choice)
                {
                    Edges.AddRange(choice.Choices.Select(branch => new GraphEdge(from, ids[branch.Next], GraphEdgeKind.Choice, ChoiceLabels.Of(branch.Rule))));
                    if (choice.Default is { } fallback)
                    {
                        Edges.Add(new GraphEdge(from, ids[fallback], GraphEdgeKind.Default, "Default"));
                    }
                }

                if (state is ExecutingState executing)
                {
                    Edges.AddRange(executing.Catch.Select(catcher => new GraphEdge(from, ids[catcher.Next], GraphEdgeKind.Catch, "Catch " + string.Join(", ", catcher.ErrorEquals))));
                }

                var branches = state switch
                {
                    ParallelState parallel => parallel.Branches.Select((branch, i) => (Branch: branch, Label: $"{state.Name}: branch {i + 1}")),
                    MapState map => [(map.Processor, $"{state.Name}: item processor")],
                    _ => [],
                };
                foreach (var (branch, label) in branches)
                {
                    var id = "c" + Clusters.Count;
                    Clusters.Add(new GraphCluster(id, label, from, cluster));
                    Edges.Add(new GraphEdge(from, Add(branch, id), GraphEdgeKind.Branch, null));
                }
            }

            return ids[machine.StartAt];
        }

        private static GraphNode Node(string id, StateDefinition state, string? cluster)
        {
            var retry = state is ExecutingState executing
                ? executing.Retry.Select(r => $"{string.Join(", ", r.ErrorEquals)}: up to {r.MaxAttempts} ×, {r.IntervalSeconds}s × {r.BackoffRate}").ToList()
                : [];
            var type = state.GetType().Name[..^"State".Length];
            var ends = state.Next is null && state is not ChoiceState;
            return new GraphNode(id, state.Name, type, cluster, retry, ends);
        }
    }
}

/// <summary>A state.</summary>
/// <param name="Id">The node's id in the graph (s0, s1, …), safe in any output format.</param>
/// <param name="Name">The state's name.</param>
/// <param name="Type">The state's Type (Task, Choice, Pass, Wait, Succeed, Fail, Parallel, Map).</param>
/// <param name="Cluster">The cluster (Parallel branch, Map processor) it belongs to; null at the top level.</param>
/// <param name="Retry">Its Retry policies in words, one per retrier (drawn as a badge, not as edges).</param>
/// <param name="IsEnd">Its machine (or branch) ends here: End, Succeed or Fail.</param>
public sealed record GraphNode(string Id, string Name, string Type, string? Cluster, IReadOnlyList<string> Retry, bool IsEnd);

/// <summary>A transition.</summary>
/// <param name="From">The id of the node it leaves.</param>
/// <param name="To">The id of the node it reaches.</param>
/// <param name="Kind">What makes it.</param>
/// <param name="Label">The Choice rule (shortened), Default, or the errors a Catch handles.</param>
public sealed record GraphEdge(string From, string To, GraphEdgeKind Kind, string? Label);

/// <summary>A Parallel branch or a Map item processor.</summary>
/// <param name="Id">c0, c1, …</param>
/// <param name="Label">The owning state's name and which branch.</param>
/// <param name="Owner">The id of the Parallel or Map node.</param>
/// <param name="Parent">The enclosing cluster, for nested ones.</param>
public sealed record GraphCluster(string Id, string Label, string Owner, string? Parent);

/// <summary>What makes a transition.</summary>
public enum GraphEdgeKind
{
    Next,
    Choice,
    Default,
    Catch,

    /// <summary>A Parallel or Map state to the start of a branch it runs.</summary>
    Branch,
}
