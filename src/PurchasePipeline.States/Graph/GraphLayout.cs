namespace PurchasePipeline.States.Graph;

/// <summary>
/// A layered layout of a graph (Sugiyama-style, simplified): edges that close a loop (a poll back to its
/// Wait) are set aside, every node goes on the layer of its longest path from StartAt, an edge that spans
/// layers gets a waypoint on each layer between, and a few barycentre sweeps order each layer to reduce crossings.
/// </summary>
public sealed class GraphLayout
{
    private const int Sweeps = 4;

    private GraphLayout(IReadOnlyList<IReadOnlyList<LayoutSlot>> layers, IReadOnlySet<GraphEdge> backEdges)
    {
        Layers = layers;
        BackEdges = backEdges;
    }

    /// <summary>The layers from StartAt down, each in its left-to-right order.</summary>
    public IReadOnlyList<IReadOnlyList<LayoutSlot>> Layers { get; }

    /// <summary>The edges that go back up (loops): drawn beside the layers, not through them.</summary>
    public IReadOnlySet<GraphEdge> BackEdges { get; }

    public static GraphLayout Of(StateGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var back = BackEdgesOf(graph);
        var forward = graph.Edges.Where(e => !back.Contains(e) && e.From != e.To).ToList();
        var layer = LongestPathLayers(graph, forward);

        var layers = Enumerable.Range(0, layer.Values.Max() + 1).Select(_ => new List<LayoutSlot>()).ToList();
        foreach (var node in graph.Nodes)
        {
            layers[layer[node.Id]].Add(new LayoutSlot(node, null, 0));
        }

        // A waypoint per layer crossed, so a long edge is ordered (and drawn) like a chain of short ones.
        var below = new Dictionary<LayoutSlot, List<LayoutSlot>>();
        var slotOf = layers.SelectMany(l => l).ToDictionary(s => s.Node!.Id);
        foreach (var edge in forward)
        {
            var previous = slotOf[edge.From];
            for (var l = layer[edge.From] + 1; l <= layer[edge.To]; l++)
            {
                var slot = l == layer[edge.To] ? slotOf[edge.To] : new LayoutSlot(null, edge, l);
                if (slot.Node is null)
                {
                    layers[l].Add(slot);
                }

                Links(below, previous).Add(slot);
                previous = slot;
            }
        }

        var above = below.SelectMany(pair => pair.Value.Select(to => (From: pair.Key, To: to))).ToLookup(p => p.To, p => p.From);
        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            for (var l = 1; l < layers.Count; l++)
            {
                Order(layers[l], layers[l - 1], slot => above[slot]);
            }

            for (var l = layers.Count - 2; l >= 0; l--)
            {
                Order(layers[l], layers[l + 1], slot => below.GetValueOrDefault(slot) ?? []);
            }
        }

        return new GraphLayout(layers, back);
    }

    /// <summary>The waypoints of a forward edge, one per layer it crosses, top down.</summary>
    public IEnumerable<(int Layer, int Index)> Waypoints(GraphEdge edge) =>
        Layers.SelectMany((slots, l) => slots.Select((slot, i) => (slot, l, i))).Where(s => ReferenceEquals(s.slot.Edge, edge)).Select(s => (s.l, s.i));

    /// <summary>Edges found closing a cycle by a depth-first walk from StartAt (then from any state it does not reach).</summary>
    private static HashSet<GraphEdge> BackEdgesOf(StateGraph graph)
    {
        var outgoing = graph.Edges.ToLookup(e => e.From);
        var state = new Dictionary<string, bool>(); // false: on the stack; true: done
        var back = new HashSet<GraphEdge>();
        foreach (var root in graph.Nodes.Select(n => n.Id).Prepend(graph.StartAt))
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            var stack = new Stack<(string Node, IEnumerator<GraphEdge> Edges)>();
            state[root] = false;
            stack.Push((root, outgoing[root].GetEnumerator()));
            while (stack.Count > 0)
            {
                var (node, edges) = stack.Peek();
                if (!edges.MoveNext())
                {
                    state[node] = true;
                    stack.Pop();
                    continue;
                }

                var edge = edges.Current;
                if (!state.TryGetValue(edge.To, out var done))
                {
                    state[edge.To] = false;
                    stack.Push((edge.To, outgoing[edge.To].GetEnumerator()));
                }
                else if (!done)
                {
                    back.Add(edge);
                }
            }
        }

        return back;
    }

    /// <summary>
    /// Each node's layer: the longest path to it over the forward edges (Kahn's order from the nodes nothing reaches).
    /// The state after a Parallel or Map comes below every state of its branches, which run before it.
    /// </summary>
    private static Dictionary<string, int> LongestPathLayers(StateGraph graph, List<GraphEdge> forward)
    {
        forward = [.. forward, .. AfterBranches(graph, forward)];
        var layer = graph.Nodes.ToDictionary(n => n.Id, _ => 0);
        var incoming = graph.Nodes.ToDictionary(n => n.Id, n => forward.Count(e => e.To == n.Id));
        var outgoing = forward.ToLookup(e => e.From);
        var ready = new Queue<string>(graph.Nodes.Where(n => incoming[n.Id] == 0).Select(n => n.Id));
        while (ready.Count > 0)
        {
            var node = ready.Dequeue();
            foreach (var edge in outgoing[node])
            {
                layer[edge.To] = Math.Max(layer[edge.To], layer[node] + 1);
                if (--incoming[edge.To] == 0)
                {
                    ready.Enqueue(edge.To);
                }
            }
        }

        return layer;
    }

    /// <summary>Ordering-only edges from each state of a Parallel's or Map's clusters (nested ones included) to the states after it.</summary>
    private static IEnumerable<GraphEdge> AfterBranches(StateGraph graph, List<GraphEdge> forward)
    {
        foreach (var owner in graph.Clusters.Select(c => c.Owner).Distinct())
        {
            var clusters = graph.Clusters.Where(c => c.Owner == owner).Select(c => c.Id).ToHashSet();
            // Clusters are listed after the cluster that holds them, so one pass takes in every nested one.
            foreach (var nested in graph.Clusters.Where(c => c.Parent is not null && clusters.Contains(c.Parent)))
            {
                clusters.Add(nested.Id);
            }

            var inside = graph.Nodes.Where(n => n.Cluster is not null && clusters.Contains(n.Cluster)).Select(n => n.Id).ToList();
            foreach (var after in forward.Where(e => e.From == owner && e.Kind != GraphEdgeKind.Branch))
            {
                foreach (var node in inside)
                {
                    yield return new GraphEdge(node, after.To, GraphEdgeKind.Next, null);
                }
            }
        }
    }

    private static List<LayoutSlot> Links(Dictionary<LayoutSlot, List<LayoutSlot>> links, LayoutSlot from)
    {
        if (!links.TryGetValue(from, out var list))
        {
            links[from] = list = [];
        }

        return list;
    }

    /// <summary>Sorts a layer by the mean position of each slot's neighbours on the fixed layer (stable: slots without neighbours keep their place).</summary>
    private static void Order(List<LayoutSlot> layer, List<LayoutSlot> fixedLayer, Func<LayoutSlot, IEnumerable<LayoutSlot>> neighbours)
    {
        var position = fixedLayer.Select((slot, i) => (slot, i)).ToDictionary(p => p.slot, p => (double)p.i);
        var keys = layer.Select((slot, i) =>
        {
            var at = neighbours(slot).Where(position.ContainsKey).Select(n => position[n]).ToList();
            return (slot, key: at.Count > 0 ? at.Average() : i * (fixedLayer.Count / (double)Math.Max(1, layer.Count)));
        }).OrderBy(p => p.key).Select(p => p.slot).ToList();
        layer.Clear();
        layer.AddRange(keys);
    }
}

/// <summary>A place on a layer: a state's node, or a waypoint of an edge that crosses the layer.</summary>
/// <param name="Node">The state, for a node.</param>
/// <param name="Edge">The edge, for a waypoint.</param>
/// <param name="Layer">The waypoint's layer (keeps two waypoints of one edge apart; 0 for nodes).</param>
public sealed record LayoutSlot(GraphNode? Node, GraphEdge? Edge, int Layer);
