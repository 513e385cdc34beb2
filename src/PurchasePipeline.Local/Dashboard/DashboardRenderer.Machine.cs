using PurchasePipeline.Local.Executions;
using PurchasePipeline.States.Graph;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>The state machine section: the definition as a graph, with the last finished execution's path.</summary>
internal static partial class DashboardRenderer
{
    private static TrustedHtml StateMachine(MachineView view)
    {
        var subtitle = view.Last is { } last
            ? $"Last finished execution {last.Name} ({last.Status}{(last.ObjectKey is { } key ? ", " + key : string.Empty)}): visited states in green" + (view.Path?.FailedState is { } failed ? $", {failed} in red" : string.Empty)
            : "No execution has finished yet";
        var (svg, width) = StateGraphSvg.Draw(view.Graph, view.Path, "machine", standalone: false);
        var html = new HtmlBuilder();
        // On a phone the graph keeps 80 % of its drawn size and scrolls sideways in its card, so its labels stay legible.
        html.Add($"<div class=\"machine\" style=\"--phone-width: {width * 0.8:0}px\">");
        html.Add(new TrustedHtml(svg));
        html.Add($"</div>");
        return Card("machine", "span-12", "State machine", subtitle, html.ToTrusted());
    }
}

/// <summary>The state machine to draw, and the execution whose path to draw on it.</summary>
internal sealed record MachineView(StateGraph Graph, ExecutionRecord? Last, ExecutionPath? Path);
