using PurchasePipeline.States.Graph;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// A state machine drawn as SVG on its <see cref="GraphLayout"/>, with no script and no external resource
/// (the dashboard's CSP allows neither): one <c>g.state</c> per state, one <c>path.edge</c> per transition,
/// loops drawn beside the layers, Retry as a ↻ badge, and an execution's path in green with the failed state in red.
/// </summary>
public static class StateGraphSvg
{
    private const double NodeHeight = 38;
    private const double LayerGap = 62;
    private const double SlotGap = 26;
    private const double WaypointWidth = 2;

    /// <summary>Waypoints side by side are packed close, so long edges run as a bundle rather than spread over the page.</summary>
    private const double WaypointGap = 5;
    private const double Margin = 24;
    private const double StartRadius = 9;
    private const double LoopRoom = 90;
    private const int MaxLabel = 32;
    private const string Grey = "#64748b";
    private const string Green = "#15803d";

    /// <summary>The picture: a <paramref name="standalone"/> SVG document, or an element for inline use in HTML; <paramref name="id"/> prefixes its element ids, unique on a page.</summary>
    public static string Render(StateGraph graph, ExecutionPath? path = null, string id = "graph", bool standalone = true) =>
        Draw(graph, path, id, standalone).Svg;

    /// <summary>As <see cref="Render"/>, with the drawing's width in SVG units (the page keeps it legible on a phone).</summary>
    internal static (string Svg, double Width) Draw(StateGraph graph, ExecutionPath? path, string id, bool standalone)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var layout = GraphLayout.Of(graph);
        var place = Place(layout, path);
        var body = new HtmlBuilder();
        foreach (var (suffix, colour) in new[] { (string.Empty, Grey), ("-taken", Green) })
        {
            body.Add($"<defs><marker id=\"{id}-arrow{suffix}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{colour}\"/></marker></defs>");
        }

        body.Add(Clusters(graph, place));
        var start = place.Nodes[graph.Node(graph.StartAt)];
        body.Add($"<circle class=\"start\" cx=\"{start.CenterX:0.#}\" cy=\"{Margin + StartRadius:0.#}\" r=\"{StartRadius:0.#}\" fill=\"#334155\"><title>Start</title></circle>");
        body.Add(EdgePath($"M{start.CenterX:0.#},{Margin + 2 * StartRadius:0.#} L{start.CenterX:0.#},{start.Y:0.#}", null, path is not null, id));
        var labels = new HtmlBuilder();
        foreach (var edge in graph.Edges)
        {
            var taken = GraphText.Taken(graph, edge, path);
            var (d, labelX, labelY) = layout.BackEdges.Contains(edge) || edge.From == edge.To ? Loop(place, graph, edge) : Forward(place, layout, graph, edge);
            body.Add(EdgePath(d, edge, taken, id));
            if (edge.Label is { } label)
            {
                var text = SvgFrame.Shorten(label, MaxLabel);
                labels.Add($"<g class=\"edge-label\"><rect x=\"{labelX - text.Length * 2.9 - 3:0.#}\" y=\"{labelY - 8:0.#}\" width=\"{text.Length * 5.8 + 6:0.#}\" height=\"13\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.9\"/>");
                labels.Add($"<text x=\"{labelX:0.#}\" y=\"{labelY + 2:0.#}\" text-anchor=\"middle\" font-size=\"9.5\" fill=\"{(taken ? Green : "#475569")}\">{text}<title>{label}</title></text></g>");
            }
        }

        body.Add(labels.ToTrusted());
        foreach (var node in graph.Nodes)
        {
            body.Add(Node(node, place.Nodes[node], path));
        }

        var what = path is null ? "every state and transition" : "the path an execution took: visited states in green" + (path.FailedState is null ? string.Empty : $", the failed state {path.FailedState} in red");
        return (SvgFrame.Wrap(id, place.Width, place.Height, "State machine", $"{graph.Nodes.Count} states and {graph.Edges.Count} transitions, starting at {graph.Node(graph.StartAt).Name}; {what}.", body.ToTrusted(), standalone).Value, place.Width);
    }

    private static TrustedHtml Node(GraphNode node, Box box, ExecutionPath? path)
    {
        var mark = GraphText.Mark(node, path);
        var (fill, stroke, ink, weight) = mark switch
        {
            "failed" => ("#fee2e2", "#b91c1c", "#7f1d1d", 3),
            "visited" => ("#dcfce7", Green, "#14532d", 2),
            "unvisited" => ("#f8fafc", "#cbd5e1", "#94a3b8", 1),
            _ => node.Type switch
            {
                "Task" => ("#eff6ff", "#2563eb", "#1e3a8a", 1.5),
                "Choice" => ("#fffbeb", "#d97706", "#78350f", 1.5),
                "Succeed" => ("#f0fdf4", Green, "#14532d", 2),
                "Fail" => ("#fef2f2", "#dc2626", "#7f1d1d", 2),
                _ => ("#ffffff", Grey, "#1e293b", 1.2),
            },
        };
        var svg = new HtmlBuilder();
        svg.Add($"<g class=\"state\" data-state=\"{node.Name}\" data-type=\"{node.Type}\"{(mark is null ? TrustedHtml.Empty : new TrustedHtml($" data-mark=\"{mark}\""))}>");
        svg.Add($"<title>{node.Name} ({node.Type}){(node.Retry.Count == 0 ? string.Empty : "\nRetry: " + string.Join("\n", node.Retry))}{(path?.Visits.GetValueOrDefault(node.Name) is > 0 and var n ? $"\nentered {n} ×" : string.Empty)}</title>");
        var (x, y, w, h) = (box.X, box.Y, box.Width, NodeHeight);
        if (node.Type == "Choice")
        {
            svg.Add($"<polygon points=\"{x:0.#},{y + h / 2:0.#} {x + 12:0.#},{y:0.#} {x + w - 12:0.#},{y:0.#} {x + w:0.#},{y + h / 2:0.#} {x + w - 12:0.#},{y + h:0.#} {x + 12:0.#},{y + h:0.#}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{weight}\"/>");
        }
        else
        {
            var radius = node.Type is "Succeed" or "Fail" ? h / 2 : 6;
            svg.Add($"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\" rx=\"{radius:0.#}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{weight}\"{(node.Type == "Wait" ? new TrustedHtml(" stroke-dasharray=\"4 3\"") : TrustedHtml.Empty)}/>");
        }

        svg.Add($"<text x=\"{box.CenterX:0.#}\" y=\"{y + h / 2 + 4:0.#}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{ink}\">{SvgFrame.Shorten(GraphText.NodeLabel(node, path), MaxLabel)}</text>");
        if (GraphText.RetryBadge(node) is not null)
        {
            svg.Add($"<circle cx=\"{x + w - 2:0.#}\" cy=\"{y + 2:0.#}\" r=\"8\" fill=\"#ffffff\" stroke=\"{stroke}\"/><text x=\"{x + w - 2:0.#}\" y=\"{y + 6:0.#}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{stroke}\">↻</text>");
        }

        svg.Add($"</g>");
        return svg.ToTrusted();
    }

    private static TrustedHtml EdgePath(string d, GraphEdge? edge, bool taken, string id)
    {
        var svg = new HtmlBuilder();
        svg.Add($"<path class=\"edge\"{(edge is null ? TrustedHtml.Empty : new TrustedHtml($" data-from=\"{edge.From}\" data-to=\"{edge.To}\" data-kind=\"{edge.Kind}\""))}{(taken ? new TrustedHtml(" data-taken=\"true\"") : TrustedHtml.Empty)}");
        svg.Add($" d=\"{d}\" fill=\"none\" stroke=\"{(taken ? Green : Grey)}\" stroke-width=\"{(taken ? 2.5 : 1.2)}\"");
        svg.Add($"{(edge?.Kind == GraphEdgeKind.Catch ? new TrustedHtml(" stroke-dasharray=\"5 4\"") : TrustedHtml.Empty)} marker-end=\"url(#{id}-arrow{(taken ? "-taken" : string.Empty)})\"/>");
        return svg.ToTrusted();
    }

    /// <summary>Down from the source's bottom through each waypoint to the target's top, in vertical S-curves; the label on the first curve.</summary>
    private static (string D, double LabelX, double LabelY) Forward(Placement place, GraphLayout layout, StateGraph graph, GraphEdge edge)
    {
        var from = place.Nodes[graph.Node(edge.From)];
        var to = place.Nodes[graph.Node(edge.To)];
        var points = new List<(double X, double Top, double Bottom)> { (from.CenterX, from.Y, from.Y + NodeHeight) };
        points.AddRange(layout.Waypoints(edge).Select(w => place.Waypoints[layout.Layers[w.Layer][w.Index]]).Select(b => (b.CenterX, b.Y, b.Y + NodeHeight)));
        points.Add((to.CenterX, to.Y, to.Y + NodeHeight));
        var d = new System.Text.StringBuilder(FormattableString.Invariant($"M{points[0].X:0.#},{points[0].Bottom:0.#}"));
        for (var i = 1; i < points.Count; i++)
        {
            var (x0, y0, x1, y1) = (points[i - 1].X, points[i - 1].Bottom, points[i].X, points[i].Top);
            var middle = (y0 + y1) / 2;
            d.Append(FormattableString.Invariant($" C{x0:0.#},{middle:0.#} {x1:0.#},{middle:0.#} {x1:0.#},{y1:0.#}"));
            if (i < points.Count - 1)
            {
                d.Append(FormattableString.Invariant($" L{x1:0.#},{points[i].Bottom:0.#}"));
            }
        }

        var next = points[1];
        return (d.ToString(), (points[0].X + next.X) / 2, (points[0].Bottom + next.Top) / 2);
    }

    /// <summary>A loop back up (a poll returning to its Wait): out of the source's right side and into the target's, bulging right.</summary>
    private static (string D, double LabelX, double LabelY) Loop(Placement place, StateGraph graph, GraphEdge edge)
    {
        var from = place.Nodes[graph.Node(edge.From)];
        var to = place.Nodes[graph.Node(edge.To)];
        var (x0, y0, x1, y1) = (from.X + from.Width, from.Y + NodeHeight / 2, to.X + to.Width, to.Y + NodeHeight / 2);
        var bulge = Math.Max(x0, x1) + 40 + Math.Abs(y0 - y1) / 8;
        var d = FormattableString.Invariant($"M{x0:0.#},{y0:0.#} C{bulge:0.#},{y0:0.#} {bulge:0.#},{y1:0.#} {x1 + 2:0.#},{y1:0.#}");
        return (d, bulge - 8, (y0 + y1) / 2);
    }

    private static TrustedHtml Clusters(StateGraph graph, Placement place)
    {
        var svg = new HtmlBuilder();
        foreach (var cluster in graph.Clusters)
        {
            var members = Members(graph, cluster.Id).Select(n => place.Nodes[n]).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var (left, top) = (members.Min(b => b.X) - 10, members.Min(b => b.Y) - 20);
            var (right, bottom) = (members.Max(b => b.X + b.Width) + 10, members.Max(b => b.Y) + NodeHeight + 10);
            svg.Add($"<g class=\"cluster\"><rect x=\"{left:0.#}\" y=\"{top:0.#}\" width=\"{right - left:0.#}\" height=\"{bottom - top:0.#}\" rx=\"8\" fill=\"#f1f5f9\" fill-opacity=\"0.5\" stroke=\"#94a3b8\" stroke-dasharray=\"6 4\"/>");
            svg.Add($"<text x=\"{left + 6:0.#}\" y=\"{top + 12:0.#}\" font-size=\"10\" fill=\"{Grey}\">{cluster.Label}</text></g>");
        }

        return svg.ToTrusted();
    }

    private static IEnumerable<GraphNode> Members(StateGraph graph, string cluster) =>
        graph.Nodes.Where(n => n.Cluster == cluster).Concat(graph.Clusters.Where(c => c.Parent == cluster).SelectMany(c => Members(graph, c.Id)));

    private static Placement Place(GraphLayout layout, ExecutionPath? path)
    {
        double SlotWidth(LayoutSlot slot) => slot.Node is { } node
            ? Math.Clamp(SvgFrame.Shorten(GraphText.NodeLabel(node, path), MaxLabel).Length * 7.2 + 30, 96, 280)
            : WaypointWidth;

        static double Gap(LayoutSlot left, LayoutSlot right) => left.Node is null && right.Node is null ? WaypointGap : SlotGap;

        var widths = layout.Layers.Select(slots => slots.Sum(SlotWidth) + slots.Zip(slots.Skip(1)).Sum(pair => Gap(pair.First, pair.Second))).ToList();
        var place = new Placement(widths.Max() + 2 * Margin + LoopRoom, Margin * 2 + 3 * StartRadius + layout.Layers.Count * (NodeHeight + LayerGap) - LayerGap);
        for (var l = 0; l < layout.Layers.Count; l++)
        {
            var x = Margin + (widths.Max() - widths[l]) / 2;
            var y = Margin + 3 * StartRadius + l * (NodeHeight + LayerGap);
            LayoutSlot? previous = null;
            foreach (var slot in layout.Layers[l])
            {
                x += previous is null ? 0 : Gap(previous, slot);
                previous = slot;
                var box = new Box(x, y, SlotWidth(slot));
                if (slot.Node is { } node)
                {
                    place.Nodes[node] = box;
                }
                else
                {
                    place.Waypoints[slot] = box;
                }

                x += box.Width;
            }
        }

        return place;
    }

    private sealed record Placement(double Width, double Height)
    {
        public Dictionary<GraphNode, Box> Nodes { get; } = [];

        public Dictionary<LayoutSlot, Box> Waypoints { get; } = [];
    }

    private readonly record struct Box(double X, double Y, double Width)
    {
        public double CenterX => X + Width / 2;
    }
}
