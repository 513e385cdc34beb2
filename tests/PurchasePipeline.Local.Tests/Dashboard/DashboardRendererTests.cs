using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using PurchasePipeline.Local.Dashboard;

namespace PurchasePipeline.Local.Tests.Dashboard;

public sealed partial class DashboardRendererTests
{
    private static readonly FixedTimeProvider Time = FixedTimeProvider.At(2026, 11, 25, 17, 52, 3);

    public static TheoryData<string> Pages => new() { "full", "empty", "machine" };

    public static TheoryData<string> EdgeCases => new() { "one day", "zero revenue", "losses", "long names" };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Render_AnyData_ReferencesNoExternalResource(string page)
    {
        var html = Render(page);

        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ExternalAttribute(), html);
        Assert.DoesNotMatch(ExternalUrl(), html);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Render_AnyData_IsAWellFormedPageWithAnAccessibleTitleOnEveryChart(string page)
    {
        var html = Render(page);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        var document = Parse(html);
        Assert.Equal("Purchases dashboard", document.Descendants("title").First().Value);
        Assert.All(document.Descendants("svg"), svg =>
        {
            Assert.Equal("img", (string?)svg.Attribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(svg.Element("title")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(svg.Element("desc")?.Value));
        });
    }

    [Fact]
    public void Render_FullData_DrawsEveryChartWithItsDataTable()
    {
        var document = Parse(Render("full"));

        // Revenue over time, top brands and segments are drawn twice (wide and narrow), the others once.
        Assert.Equal(10, document.Descendants("svg").Count());
        Assert.Equal(3, document.Descendants("div").Count(d => (string?)d.Attribute("class") == "chart-narrow"));
        Assert.Equal(7, document.Descendants("details").Count());
        Assert.DoesNotContain(document.Descendants(), e => (string?)e.Attribute("class") == "empty");
    }

    [Fact]
    public void Render_FullData_ShowsEveryCategoryAndRunsByObjectNameWithStatus()
    {
        var runs = Parse(Render("full")).Descendants("section").Single(s => (string?)s.Attribute("id") == "runs");

        Assert.All(SomeDashboard.Categories, category => Assert.Contains(category, Parse(Render("full")).Root!.Value, StringComparison.Ordinal));
        var rows = runs.Descendants("tbody").Single().Elements("tr").Select(tr => tr.Elements("td").Select(td => td.Value).ToList()).ToList();
        Assert.Equal(["second.csv", "RUNNING"], rows[0][..2]);
        Assert.Equal(["first.csv +1 more", "SUCCEEDED"], rows[1][..2]);
        Assert.Equal(["2", "1"], rows[1][^2..]);
        Assert.DoesNotContain("jr_first", runs.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FullData_NamesTheCurrencyOnEveryMoneyFigure()
    {
        var document = Parse(DashboardRenderer.Render(SomeDashboard.Full() with { Currency = "EUR" }, Time));

        Assert.Contains("Net revenue (EUR)", document.Root!.Value, StringComparison.Ordinal);
        Assert.Contains("3,400.30 EUR", document.Root.Value, StringComparison.Ordinal);
        Assert.All(
            document.Descendants("th").Where(th => th.Value.StartsWith("Revenue", StringComparison.Ordinal) || th.Value.StartsWith("Margin", StringComparison.Ordinal)),
            th => Assert.EndsWith("(EUR)", th.Value, StringComparison.Ordinal));
        Assert.All(
            document.Descendants("svg").Where(svg => svg.Element("title")!.Value.Contains("evenue", StringComparison.Ordinal)),
            svg => Assert.Contains("(EUR)", svg.Element("title")!.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("USD", document.Root.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FullData_ShowsFreshnessRuleResultsAndFailedExecutions()
    {
        var health = Parse(Render("full")).Descendants("section").Single(s => (string?)s.Attribute("id") == "health");

        var stats = health.Descendants("div").Where(d => ((string?)d.Attribute("class"))?.StartsWith("stat stat-", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(
            ["9 h 50 min", "0 of 2 succeeded", "5 of 5 passed", "1"],
            stats.Select(s => s.Elements("div").Single(d => (string?)d.Attribute("class") == "stat-value").Value));
        var rules = health.Descendants("table").Single(t => (string?)t.Attribute("id") == "rules").Descendants("tbody").Single().Elements("tr").ToList();
        Assert.Equal(["no_negative_amounts", "passed", "0", "1 of 2"], rules[1].Elements("td").Select(td => td.Value));
        var failed = Assert.Single(health.Descendants("table").Single(t => (string?)t.Attribute("id") == "failed").Descendants("tbody").Single().Elements("tr"));
        Assert.Equal(["<svg onload=alert(2)>.csv", "FAILED"], failed.Elements("td").Take(2).Select(td => td.Value));
    }

    [Fact]
    public void Render_DataOlderThanADay_IsMarkedStale()
    {
        var html = DashboardRenderer.Render(SomeDashboard.Full(), FixedTimeProvider.At(2026, 11, 27, 9, 0, 0));

        var freshness = Parse(html).Descendants("div").First(d => ((string?)d.Attribute("class"))?.StartsWith("stat stat-", StringComparison.Ordinal) == true);
        Assert.Equal("stat stat-bad", (string?)freshness.Attribute("class"));
        Assert.Equal("Freshness2 dayssince the last successful run, 2026-11-25 08:01:04 UTC · stale", freshness.Value);
    }

    [Fact]
    public void Render_HostileBrandName_IsShownAsTextNotMarkup()
    {
        var html = Render("full");

        Assert.DoesNotContain(SomeDashboard.HostileBrand, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg onload", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;svg onload=alert(2)&gt;.csv", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains(SomeDashboard.HostileBrand, Parse(html).Root!.Value, StringComparison.Ordinal);
        Assert.Contains("o&#39;neill &quot;pro&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FullData_FormatsNumbersWithTheInvariantCulture()
    {
        var html = Render("full");

        Assert.Contains(">1,234.50<", html, StringComparison.Ordinal);
        Assert.Contains(">3.4k<", html, StringComparison.Ordinal);
        Assert.Contains(">17.6%<", html, StringComparison.Ordinal);
        Assert.Contains(">4.5 s<", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmptyData_SaysNoDataYetInEverySection()
    {
        var document = Parse(Render("empty"));

        Assert.Empty(document.Descendants("svg"));
        Assert.Equal(8, document.Descendants().Count(e => (string?)e.Attribute("class") == "empty"));
        Assert.Contains("no data yet", document.Root!.Value, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Render_EdgeCaseData_DrawsOnlyFiniteCoordinates(string name)
    {
        var html = DashboardRenderer.Render(EdgeCase(name), Time);

        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", html, StringComparison.Ordinal);
        _ = Parse(html);
    }

    [Fact]
    public void Render_ManyRejectReasons_GroupsTheRarestInOneBarAndListsAllInTheTable()
    {
        var reasons = Enumerable.Range(1, 12).Select(i => new RejectCount($"reason_{i:00}", 100 - i)).ToList();

        var document = Parse(DashboardRenderer.Render(SomeDashboard.Full() with { RejectsByReason = reasons }, Time));

        var card = document.Descendants("section").Single(s => (string?)s.Attribute("id") == "rejects");
        var labels = card.Descendants("text").Where(t => (string?)t.Attribute("class") == "label").Select(t => t.Value).ToList();
        Assert.Equal(8, labels.Count);
        Assert.Equal("5 other reasons", labels[^1]);
        Assert.Equal(12, card.Descendants("tbody").Single().Elements("tr").Count());
    }

    [Fact]
    public void Render_SameDataAndTime_GivesTheSameText()
    {
        Assert.Equal(Render("full"), DashboardRenderer.Render(SomeDashboard.Full(), Time));
    }

    [Fact]
    public void Render_Always_StampsTheTimeProvidersTime()
    {
        var html = Render("empty");

        Assert.Contains("<time datetime=\"2026-11-25T17:52:03Z\">2026-11-25 17:52:03 UTC</time>", html, StringComparison.Ordinal);
    }

    private static DashboardData EdgeCase(string name)
    {
        var day = new DateOnly(2026, 11, 25);
        var longName = new string('x', 60) + "\U0001F600" + new string('y', 20);
        return name switch
        {
            "one day" => SomeDashboard.Full() with { Daily = [new DailyRevenue(day, 1, 10m, 2m)] },
            "zero revenue" => SomeDashboard.Full() with
            {
                Daily = [new DailyRevenue(day, 1, 0m, 0m), new DailyRevenue(day.AddDays(1), 1, 0m, 0m)],
                ByCategory = [new RevenueShare("free", 1, 0m, 0m)],
                Segments = [new SegmentRevenue("female", "18-24", 1, 0m)],
            },
            "losses" => SomeDashboard.Full() with
            {
                Daily = [new DailyRevenue(day, 1, 10m, -25m), new DailyRevenue(day.AddDays(3), 1, 5m, -1m)],
                ByDevice = [new RevenueShare("mobile", 1, 10m, -25m)],
            },
            _ => SomeDashboard.Full() with
            {
                TopBrands = [new BrandRevenue(longName, longName, 1, 1m, 1m)],
                RejectsByReason = [new RejectCount(longName, 1)],
            },
        };
    }

    /// <summary>"machine": the full page with the pipeline's state machine and a failed execution's path, so every page check covers it too.</summary>
    private static string Render(string page) => page switch
    {
        "full" => DashboardRenderer.Render(SomeDashboard.Full(), Time),
        "machine" => DashboardRenderer.Render(SomeDashboard.Full(), Time, new MachineView(StateGraphSvgTests.Pipeline, null, StateGraphSvgTests.FailedPath)),
        _ => DashboardRenderer.Render(DashboardData.Empty, Time),
    };

    [Fact]
    public void Render_WithMachine_DrawsEveryStateInlineInItsSection()
    {
        var section = Parse(Render("machine")).Descendants("section").Single(s => (string?)s.Attribute("id") == "machine");

        Assert.Equal(StateGraphSvgTests.Pipeline.Nodes.Count, section.Descendants("g").Count(g => (string?)g.Attribute("class") == "state"));
        Assert.Equal("CrawlerFailed", (string?)section.Descendants("g").Single(g => (string?)g.Attribute("data-mark") == "failed").Attribute("data-state"));
    }

    /// <summary>The page parsed as XML: it is written well-formed, so any unbalanced tag fails here.</summary>
    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    [GeneratedRegex(@"\b(src|href|action|srcset|xlink:href)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAttribute();

    [GeneratedRegex(@"url\((?!#)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();
}
