using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.States.Graph;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// Regenerates the local dashboard, <c>&lt;home&gt;/dashboard/index.html</c>: one self-contained offline HTML
/// page (inline CSS and SVG, no script, no external resource). Each call works out the figures of the runs
/// committed since the last one (dashboard/figures/RUN.json, from those runs' rows only) and sums every run's
/// figures, so its cost does not grow with the lake. The local plane's stand-in for the QuickSight dashboard;
/// call it after each pipeline run.
/// </summary>
public static class DashboardPublisher
{
    /// <summary>Reads the lake, renders the page and replaces the dashboard file atomically.</summary>
    /// <param name="home">The local plane's home; missing lake folders give "no data yet" sections.</param>
    /// <param name="time">The clock for the page's "generated" time.</param>
    /// <param name="cancellationToken">Stops the work; the previous page then stays as it was.</param>
    /// <returns>The full path of the written page.</returns>
    /// <remarks>
    /// The page is written to a temporary file beside the target and then moved over it, so a browser
    /// or a reader never sees a half-written page. Throws <see cref="IOException"/> when the dashboard
    /// folder cannot be written and DuckDB's exception when a Parquet file of the lake cannot be read;
    /// the previous page then stays in place. An unreadable run manifest is reported on the page instead.
    /// </remarks>
    public static Task<string> PublishAsync(LocalHome home, TimeProvider time, CancellationToken cancellationToken) =>
        PublishAsync(home, time, machine: null, cancellationToken);

    /// <summary>As <see cref="PublishAsync(LocalHome, TimeProvider, CancellationToken)"/>, with a section drawing <paramref name="machine"/> and the last finished execution's path.</summary>
    public static async Task<string> PublishAsync(LocalHome home, TimeProvider time, StateGraph? machine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(time);

        var data = await DashboardQueries.LoadAsync(home, DashboardCurrency.Default, cancellationToken).ConfigureAwait(false);
        var html = DashboardRenderer.Render(data, time, machine is null ? null : new MachineView(machine, data.Health.LastFinished, data.Health.LastFinishedPath));
        await AtomicFile.WriteAllTextAsync(home.Dashboard, html, cancellationToken).ConfigureAwait(false);
        return home.Dashboard;
    }
}
