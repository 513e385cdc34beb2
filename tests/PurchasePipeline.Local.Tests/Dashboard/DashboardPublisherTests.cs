using PurchasePipeline.Functions;
using PurchasePipeline.Local.Dashboard;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Dashboard;

public sealed class DashboardPublisherTests : IDisposable
{
    private static readonly FixedTimeProvider Time = FixedTimeProvider.At(2026, 11, 25, 18, 0, 0);

    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public DashboardPublisherTests()
    {
        home = new LocalHome(temp.Path);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task PublishAsync_EmptyHome_WritesAnEmptyDashboardAndReturnsItsPath()
    {
        var path = await DashboardPublisher.PublishAsync(home, Time, CancellationToken.None);

        Assert.Equal(home.Dashboard, path);
        var html = await File.ReadAllTextAsync(path);
        Assert.Contains("No data yet", html, StringComparison.Ordinal);
        Assert.Contains("2026-11-25 18:00:00 UTC", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_OverAnOlderPage_ReplacesItAndLeavesNoTempFiles()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(home.Dashboard)!);
        await File.WriteAllTextAsync(home.Dashboard, "old page");
        Some.Land(home, "raw/2024/05/01/first-delivery.csv", Some.Csv([Some.Row(1)]));
        new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles()).Run();

        await DashboardPublisher.PublishAsync(home, Time, CancellationToken.None);

        var html = await File.ReadAllTextAsync(home.Dashboard);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("smartphones", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("first-delivery.csv", html, StringComparison.Ordinal);
        Assert.Equal([home.Dashboard], Directory.GetFiles(Path.GetDirectoryName(home.Dashboard)!));
    }

    [Fact]
    public async Task PublishAsync_CancelledToken_KeepsThePreviousPage()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(home.Dashboard)!);
        await File.WriteAllTextAsync(home.Dashboard, "previous page");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => DashboardPublisher.PublishAsync(home, Time, cancelled.Token));

        Assert.Equal("previous page", await File.ReadAllTextAsync(home.Dashboard));
        Assert.Equal([home.Dashboard], Directory.GetFiles(Path.GetDirectoryName(home.Dashboard)!));
    }
}
