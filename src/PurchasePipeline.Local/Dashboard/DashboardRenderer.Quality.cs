namespace PurchasePipeline.Local.Dashboard;

/// <summary>The data-quality cards: rejected rows by reason and the recent runs.</summary>
internal static partial class DashboardRenderer
{
    /// <summary>Bars in the reasons chart; rarer reasons share the last bar (the table lists them all).</summary>
    private const int MostReasonBars = 8;

    private static readonly string[] RunColumns =
        ["Object", "Status", "Completed", "Duration", "Rows in", "Clean", "Rejected", "Duplicates", "Re-delivered"];

    private static TrustedHtml Rejects(IReadOnlyList<RejectCount> reasons, DashboardKpis kpis)
    {
        const string Id = "rejects";
        const string Title = "Rejected rows by reason";
        if (reasons.Count == 0)
        {
            var hint = kpis.Runs == 0 ? AfterFirstRun : "Every row read so far passed the rules.";
            return NoData(Id, "span-4", Title, hint);
        }

        var total = reasons.Sum(r => r.Rows);
        var bars = reasons
            .Take(reasons.Count > MostReasonBars ? MostReasonBars - 1 : MostReasonBars)
            .Select(r => ReasonBar(r.Reason, r.Rows, total))
            .ToList();
        if (reasons.Count > MostReasonBars)
        {
            var rest = reasons.Skip(MostReasonBars - 1).ToList();
            bars.Add(ReasonBar($"{Figures.Count(rest.Count)} other reasons", rest.Sum(r => r.Rows), total));
        }

        var content = new HtmlBuilder();
        content.Add(BarChart.Render(Id + "-chart", Title, "tone-rose", bars));
        content.Add(DataTable.Folded(
            Title,
            ["Reason", "Rows", "Share"],
            reasons.Select(r => (IReadOnlyList<string>)[r.Reason, Figures.Count(r.Rows), Figures.Percent((decimal)r.Rows / total)])));
        return Card(Id, "span-4", Title, $"{Figures.Count(total)} rows kept under lake/rejected", content.ToTrusted());
    }

    private static Bar ReasonBar(string reason, long rows, long total) =>
        new(reason, rows, Figures.Count(rows), $"{reason}: {Figures.Count(rows)} rows ({Figures.Percent((decimal)rows / total)} of rejected)");

    private static TrustedHtml Runs(IReadOnlyList<RunRow> runs, int allRuns, int unreadable)
    {
        const string Id = "runs";
        const string Title = "Recent runs";
        var warning = unreadable == 0
            ? TrustedHtml.Empty
            : Paragraph("warning", $"{Figures.Count(unreadable)} manifest file(s) under lake/manifests could not be read and are left out.");
        if (runs.Count == 0)
        {
            var empty = new HtmlBuilder();
            empty.Add(warning);
            empty.Add($"<div class=\"empty\"><strong>No runs yet</strong><span>Each pipeline run adds a row here.</span></div>");
            return Card(Id, "span-12", Title, "Nothing to show", empty.ToTrusted());
        }

        var content = new HtmlBuilder();
        content.Add(warning);
        content.Add(DataTable.Table(
            "Recent ETL runs, newest first: the objects each read and the status of the execution that started it",
            RunColumns,
            runs.Select(r => (IReadOnlyList<string>)
            [
                Objects(r.Objects),
                r.Status ?? Figures.None,
                Figures.Utc(r.CompletedAt),
                Figures.Duration(r.CompletedAt - r.StartedAt),
                Figures.Count(r.RowsIn),
                Figures.Count(r.RowsClean),
                Figures.Count(r.RowsRejected),
                Figures.Count(r.RowsDuplicate),
                Figures.Count(r.RowsRedelivered),
            ]),
            textColumns: 3));
        var subtitle = $"The last {Figures.Count(runs.Count)} of {Figures.Count(allRuns)} runs, newest first · rows in = clean + rejected + duplicates + re-delivered (rows of an object read again that the lake already held)";
        return Card(Id, "span-12", Title, subtitle, content.ToTrusted());
    }

    /// <summary>The objects a run read, by file name: the first, and how many more.</summary>
    private static string Objects(IReadOnlyList<string> keys) => keys.Count switch
    {
        0 => "(no new object)",
        1 => ObjectName(keys[0]),
        _ => $"{ObjectName(keys[0])} +{Figures.Count(keys.Count - 1)} more",
    };

    private static TrustedHtml Paragraph(string cssClass, string text)
    {
        var html = new HtmlBuilder();
        html.Add($"<p class=\"{cssClass}\">{text}</p>");
        return html.ToTrusted();
    }
}
