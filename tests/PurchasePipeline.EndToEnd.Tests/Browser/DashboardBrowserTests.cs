using System.Globalization;
using System.Text.Json.Nodes;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Browser;

/// <summary>
/// The dashboard as people see it: rendered by headless Chromium after a demo, a re-delivered cumulative object,
/// an object with a hostile name and a --reset-bookmark rerun, its numbers compared with the lake's Parquet files.
/// Needs Debian's chromium (tests/run-tests.sh installs it).
/// </summary>
[Trait("Requires", "chromium")]
public sealed class DashboardBrowserTests : IDisposable
{
    /// <summary>An object name that is markup: were it copied into the page as such, its handler would log an error (and break the CSP).</summary>
    private const string HostileName = "<svg onload=console.error(7)>.csv";

    /// <summary>The smallest rendered chart text, in CSS pixels, we call legible.</summary>
    private const double LegibleTextPixels = 9;

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Dashboard_InHeadlessChromium_ShowsTheLakesNumbersLogsNoErrorAndFitsA430PixelScreen()
    {
        var home = new LocalHome(temp.Combine("home"));
        await LandAsync(home);
        var expected = Expected(home);
        var url = new Uri(home.Dashboard).AbsoluteUri;
        using var cancel = new CancellationTokenSource();
        await using var browser = await HeadlessChromium.StartAsync(cancel.Token);

        await browser.SetViewportAsync(1280, 1000, cancel.Token);
        await browser.NavigateAsync(url, cancel.Token);

        var page = (await browser.EvaluateAsync(PageFigures, cancel.Token))!.AsObject();
        Assert.Equal(Figure(expected.Orders), Kpi(page, "Orders"));
        Assert.Equal(Money(expected.Revenue) + " USD", KpiDetail(page, "Net revenue (USD)"));
        Assert.Equal(Figure(expected.Duplicates), Kpi(page, "Duplicates"));
        Assert.Contains($"{Figure(expected.Redelivered)} re-delivered rows not counted", KpiDetail(page, "Duplicates"), StringComparison.Ordinal);
        Assert.Equal(expected.ByCategory, Bars(page["category"]!));
        Assert.Equal(expected.ByDate, Bars(page["revenue"]!));
        Assert.Equal(expected.Rejects, Bars(page["rejects"]!));
        Assert.All(page["categoryWidths"]!.AsArray(), width => Assert.True((double)width! > 0, "a category bar is drawn with no width"));
        Assert.Equal(page["categoryWidths"]!.AsArray().Select(w => (double)w!).OrderDescending(), page["categoryWidths"]!.AsArray().Select(w => (double)w!));
        Assert.Equal(6, (int)page["runs"]!);
        Assert.Equal(["RUNNING", .. Enumerable.Repeat("SUCCEEDED", 5)], page["runStatuses"]!.AsArray().Select(s => (string?)s));
        Assert.Contains(HostileName, page["runObjects"]!.AsArray().Select(o => (string?)o), StringComparer.Ordinal);
        Assert.Equal(0, (int)page["liveHostileMarkup"]!);
        Assert.NotEmpty(page["rules"]!.AsArray());
        Assert.All(page["rules"]!.AsArray(), result => Assert.Equal("passed", (string?)result));
        Assert.Empty(browser.Errors);

        await browser.SetViewportAsync(430, 900, cancel.Token);
        await browser.NavigateAsync(url, cancel.Token);

        var phone = (await browser.EvaluateAsync(PhoneLayout, cancel.Token))!.AsObject();
        Assert.True((int)phone["scrollWidth"]! <= 430, $"the page is {phone["scrollWidth"]} px wide at 430 px");
        Assert.Equal(["revenue-chart-n", "brands-chart-n", "segments-chart-n"], phone["narrowShown"]!.AsArray().Select(n => (string?)n));
        Assert.True((double)phone["smallestText"]! >= LegibleTextPixels, $"chart text as small as {phone["smallestText"]} px ({phone["smallestTextIn"]})");
        Assert.Equal(expected.ByDate, Bars(phone["revenue"]!));
        Assert.Empty(browser.Errors);
        await SaveScreenshotAsync(browser, (double)phone["height"]!, cancel.Token);
    }

    /// <summary>demo (3 objects), the first object re-delivered with more rows, a hostile-named object, a --reset-bookmark rerun: each an hour apart.</summary>
    private async Task LandAsync(LocalHome home)
    {
        await RunAsync(CliHarness.Now, "demo", "--home", home.Root, "--files", "3", "--rows", "300", "--seed", "5");
        var more = temp.Combine("more");
        await RunAsync(CliHarness.Now, "generate", "--out", more, "--files", "1", "--rows", "80", "--seed", "99");
        var newRows = File.ReadAllLines(Directory.GetFiles(more, "*.csv", SearchOption.AllDirectories).Single());
        var first = Directory.GetFiles(Path.Combine(home.Root, "generated"), "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var cumulative = temp.Combine("redelivered", Path.GetRelativePath(Path.Combine(home.Root, "generated"), first));
        Directory.CreateDirectory(Path.GetDirectoryName(cumulative)!);
        File.WriteAllLines(cumulative, [.. File.ReadAllLines(first), .. newRows[1..41]]);
        await RunAsync(CliHarness.Now.AddHours(1), "run", cumulative, "--home", home.Root);
        var hostile = temp.Combine("hostile", "raw", "2026", "11", "25", HostileName);
        Directory.CreateDirectory(Path.GetDirectoryName(hostile)!);
        File.WriteAllLines(hostile, [newRows[0], .. newRows[41..]]);
        await RunAsync(CliHarness.Now.AddHours(2), "run", hostile, "--home", home.Root);
        var oldest = new ExecutionStore(home).List(limit: 100)[^1];
        await RunAsync(CliHarness.Now.AddHours(3), "rerun", oldest.Name, "--reset-bookmark", "--home", home.Root);
    }

    private static async Task RunAsync(DateTimeOffset now, params string[] args)
    {
        var result = await CliHarness.RunAtAsync(now, args);
        Assert.True(result.ExitCode == 0, string.Join(' ', args) + ": " + result.Output + result.Error);
    }

    /// <summary>
    /// What the page must show, from the lake's Parquet files; duplicates and re-deliveries from the manifests of the
    /// runs that read new objects (at Now and Now + 2 h) and of those that read objects again (Now + 1 h, Now + 3 h).
    /// </summary>
    private static ExpectedFigures Expected(LocalHome home)
    {
        string Dropped(params int[] hours) =>
            $"SELECT coalesce(CAST(sum(rows_deduplicated) AS BIGINT), 0) FROM run_manifests WHERE completed_at IN ({string.Join(", ", hours.Select(h => $"TIMESTAMPTZ '{CliHarness.Now.AddHours(h):yyyy-MM-dd HH:mm:ss}+00'"))})";
        return new ExpectedFigures(
            Orders: Lake.Count(home, "clean_purchases"),
            Revenue: Lake.Scalar(home, "SELECT CAST(sum(net_revenue) * 100 AS BIGINT) FROM clean_purchases") / 100m,
            Duplicates: Lake.Scalar(home, Dropped(0, 2)),
            Redelivered: Lake.Scalar(home, Dropped(1, 3)),
            ByCategory: Lake.Pairs(home, "SELECT category, CAST(sum(net_revenue) AS VARCHAR) AS v FROM clean_purchases GROUP BY 1 ORDER BY sum(net_revenue) DESC, 1"),
            ByDate: Lake.Pairs(home, "SELECT strftime(CAST(purchase_date AS DATE), '%Y-%m-%d'), CAST(sum(net_revenue) AS VARCHAR) FROM clean_purchases GROUP BY 1 ORDER BY 1"),
            Rejects: Lake.Pairs(home, "SELECT reject_reason, CAST(count(*) AS VARCHAR) AS n FROM rejected_purchases GROUP BY 1 ORDER BY count(*) DESC, 1"));
    }

    private static List<(string, decimal)> Bars(JsonNode bars) =>
        [.. bars.AsArray().Select(b => ((string)b!["label"]!, decimal.Parse((string)b["value"]!, CultureInfo.InvariantCulture)))];

    private static string Kpi(JsonObject page, string label) => (string)page["kpis"]![label]!["value"]!;

    private static string KpiDetail(JsonObject page, string label) => (string)page["kpis"]![label]!["detail"]!;

    private static string Figure(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>When DASHBOARD_SCREENSHOTS names a folder, the 430 px page is saved there to be looked at.</summary>
    private static async Task SaveScreenshotAsync(HeadlessChromium browser, double height, CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, "dashboard-430.png"), await browser.ScreenshotAsync(0, 0, 430, height, cancellationToken), cancellationToken);
        }
    }

    /// <summary>The numbers as the page renders them: KPI texts, the visible charts' bars and days, the tables.</summary>
    private const string PageFigures = """
        (() => {
          const visible = e => e.getBoundingClientRect().width > 0;
          const kpis = {};
          for (const k of document.querySelectorAll('.kpi')) {
            kpis[k.querySelector('.kpi-label').textContent] = { value: k.querySelector('.kpi-value').textContent, detail: k.querySelector('.kpi-sub').textContent };
          }
          const rows = sel => [...document.querySelectorAll(sel)].filter(visible);
          const bars = sel => rows(sel).map(g => ({ label: g.dataset.label, value: g.dataset.value }));
          return {
            kpis,
            category: bars('#category .bar-row'),
            categoryWidths: rows('#category .bar-row rect.bar').map(r => r.getBoundingClientRect().width),
            revenue: rows('#revenue rect.hit').map(r => ({ label: r.dataset.date, value: r.dataset.revenue })),
            rejects: [...document.querySelectorAll('#rejects tbody tr')].map(tr => ({ label: tr.cells[0].textContent, value: tr.cells[1].textContent.replaceAll(',', '') })),
            runs: document.querySelectorAll('#runs tbody tr').length,
            runObjects: [...document.querySelectorAll('#runs tbody tr')].map(tr => tr.cells[0].textContent),
            runStatuses: [...document.querySelectorAll('#runs tbody tr')].map(tr => tr.cells[1].textContent),
            liveHostileMarkup: document.querySelectorAll('main svg[onload], main img').length,
            rules: [...document.querySelectorAll('#rules tbody tr')].map(tr => tr.cells[1].textContent),
          };
        })()
        """;

    /// <summary>At phone width: the page's width, which charts show their narrow drawing, and the smallest chart text as rendered.</summary>
    private const string PhoneLayout = """
        (() => {
          const visible = e => e.getBoundingClientRect().width > 0;
          let smallest = Infinity, where = '';
          for (const svg of [...document.querySelectorAll('main svg.chart')].filter(visible)) {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            for (const t of svg.querySelectorAll('text')) {
              const px = parseFloat(getComputedStyle(t).fontSize) * scale;
              if (px < smallest) { smallest = px; where = svg.id || svg.closest('section').id; }
            }
          }
          return {
            scrollWidth: document.documentElement.scrollWidth,
            height: document.documentElement.scrollHeight,
            narrowShown: [...document.querySelectorAll('.chart-narrow svg')].filter(visible).map(s => s.getAttribute('aria-labelledby').split('-title')[0]),
            smallestText: smallest,
            smallestTextIn: where,
            revenue: [...document.querySelectorAll('#revenue rect.hit')].filter(visible).map(r => ({ label: r.dataset.date, value: r.dataset.revenue })),
          };
        })()
        """;

    private sealed record ExpectedFigures(
        long Orders,
        decimal Revenue,
        long Duplicates,
        long Redelivered,
        List<(string, decimal)> ByCategory,
        List<(string, decimal)> ByDate,
        List<(string, decimal)> Rejects);
}
