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
        var html = new HtmlBuilder();
        html.Add($"<div class=\"machine\">");
        html.Add(new TrustedHtml(StateGraphSvg.Render(view.Graph, view.Path, "machine", standalone: false)));
        html.Add($"</div>");
        return Card("machine", "span-12", "State machine", subtitle, html.ToTrusted());
    }
}

/// <summary>The state machine to draw, and the execution whose path to draw on it.</summary>
internal sealed record MachineView(StateGraph Graph, ExecutionRecord? Last, ExecutionPath? Path);
