namespace PurchasePipeline.Local.Dashboard;

/// <summary>The data-health card: freshness, recent executions, validation rules, failed executions.</summary>
internal static partial class DashboardRenderer
{
    /// <summary>Data older than this is marked stale.</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(24);

    private static TrustedHtml Health(DashboardData data, DateTimeOffset now)
    {
        var health = data.Health;
        var content = new HtmlBuilder();
        content.Add($"<div class=\"stats\">");
        content.Add(Freshness(data.LastRunAt, now));
        var recent = health.Executions;
        var failedRecent = recent.Count(e => e.Failed);
        content.Add(Stat(
            failedRecent == 0 ? "ok" : "bad",
            "Recent executions",
            $"{Figures.Count(recent.Count(e => e.Status == "SUCCEEDED"))} of {Figures.Count(recent.Count)} succeeded",
            recent.Count == 0 ? "none yet" : $"{Figures.Count(failedRecent)} failed, {Figures.Count(recent.Count(e => e.Status == "RUNNING"))} running"));
        var validated = health.LastValidated;
        var broken = validated?.Rules!.Count(r => r.Offending != 0) ?? 0;
        content.Add(Stat(
            validated is null ? "none" : broken == 0 ? "ok" : "bad",
            "Validation rules",
            validated is null ? Figures.None : $"{Figures.Count(validated.Rules!.Count - broken)} of {Figures.Count(validated.Rules!.Count)} passed",
            validated is null ? "no validated execution yet" : $"last checked for {ObjectName(validated.ObjectKey)}"));
        content.Add(Stat(
            health.FailedCount == 0 ? "ok" : "bad",
            "Failed executions",
            Figures.Count(health.FailedCount),
            $"of the last {Figures.Count(health.Considered)} executions" + (health.FailedExecutions.Count == 0 ? string.Empty : $"; last: {ObjectName(health.FailedExecutions[0].ObjectKey)}")));
        content.Add($"</div>");
        content.Add(RuleTable(health));
        content.Add(FailedTable(health.FailedExecutions));
        return Card("health", "span-12", "Data health", "Is the data fresh, did the runs pass their rules, what failed", content.ToTrusted());
    }

    private static TrustedHtml Freshness(DateTimeOffset? lastRunAt, DateTimeOffset now)
    {
        if (lastRunAt is not { } last)
        {
            return Stat("none", "Freshness", Figures.None, "no run has committed yet");
        }

        var age = now - last;
        return Stat(
            age > StaleAfter ? "bad" : "ok",
            "Freshness",
            Figures.Age(age),
            $"since the last successful run, {Figures.Utc(last)}{(age > StaleAfter ? " · stale" : string.Empty)}");
    }

    private static TrustedHtml Stat(string tone, string label, string value, string detail)
    {
        var html = new HtmlBuilder();
        html.Add($"<div class=\"stat stat-{tone}\"><div class=\"kpi-label\">{label}</div><div class=\"stat-value\">{value}</div><div class=\"kpi-sub\">{detail}</div></div>");
        return html.ToTrusted();
    }

    private static TrustedHtml RuleTable(DashboardHealth health)
    {
        if (health.LastValidated is not { } last)
        {
            return TrustedHtml.Empty;
        }

        var validated = health.Executions.Where(e => e.Rules is not null).ToList();
        return DataTable.Table(
            $"Validation rules for {ObjectName(last.ObjectKey)}; passed recently: of the last {validated.Count} validated executions",
            ["Rule", "Result", "Offending rows", "Passed recently"],
            last.Rules!.Select(r => (IReadOnlyList<string>)
            [
                r.Rule,
                r.Offending == 0 ? "passed" : "broken",
                Figures.Count(r.Offending),
                $"{Figures.Count(validated.Count(e => e.Rules!.Any(x => x.Rule == r.Rule && x.Offending == 0)))} of {Figures.Count(validated.Count)}",
            ]),
            textColumns: 2,
            id: "rules");
    }

    private static TrustedHtml FailedTable(IReadOnlyList<ExecutionRow> failed)
    {
        if (failed.Count == 0)
        {
            return TrustedHtml.Empty;
        }

        return DataTable.Table(
            "Failed executions, newest first",
            ["Object", "Status", "Started", "Error", "Cause"],
            failed.Select(e => (IReadOnlyList<string>)[ObjectName(e.ObjectKey), e.Status, Figures.Utc(e.StartedAt), e.Error ?? Figures.None, e.Cause ?? string.Empty]),
            textColumns: 5,
            id: "failed");
    }

    /// <summary>An object as people name it: its file name (the key's date folders are in the run's time already).</summary>
    private static string ObjectName(string? key) => key is null ? "(no object)" : key[(key.LastIndexOf('/') + 1)..];
}
