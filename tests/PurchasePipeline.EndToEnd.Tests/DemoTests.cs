using System.Globalization;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Generator;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests;

public sealed class DemoTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Demo_GeneratedFiles_LakeHoldsExactlyTheGeneratedValidRows()
    {
        var home = new LocalHome(temp.Combine("home"));
        var expected = await GeneratorRunner.RunAsync(
            new GenerateOptions { Out = temp.Combine("expected"), Files = 4, Rows = 800, Seed = 7, StartDate = new DateOnly(2026, 11, 22), IncludeUsers = true },
            progress: null,
            CancellationToken.None);

        var result = await CliHarness.RunAsync("demo", "--home", home.Root, "--files", "4", "--rows", "800", "--seed", "7");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var manifests = Directory.GetFiles(home.Manifests, "*.json").Select(f => RunManifestJson.Deserialize(File.ReadAllText(f))).ToList();
        Assert.Equal(4, manifests.Count);
        Assert.Equal(expected.Rows, manifests.Sum(m => m.RowsIn));
        Assert.Equal(expected.ValidUnique, manifests.Sum(m => m.RowsClean));
        Assert.Equal(expected.Rejected, manifests.Sum(m => m.RowsRejected));
        Assert.Equal(expected.Duplicates, manifests.Sum(m => m.RowsDeduplicated));
        foreach (var reason in expected.Batches.SelectMany(b => b.RejectedByReason).GroupBy(p => p.Key, p => p.Value))
        {
            Assert.Equal(reason.Sum(), manifests.Sum(m => m.RejectedByReason.GetValueOrDefault(reason.Key)));
        }

        Assert.Equal(expected.ValidUnique, Lake.Count(home, "clean_purchases"));
        Assert.Equal(expected.Rejected, Lake.Count(home, "rejected_purchases"));
        Assert.Equal(4, Directory.GetDirectories(home.CleanPurchases).Length);
        var dashboard = File.ReadAllText(home.Dashboard);
        Assert.DoesNotContain("<script src", dashboard, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Path.GetFileName(manifests[0].Files[0].Key), dashboard, StringComparison.Ordinal);
        Assert.Contains("Dashboard: " + home.Dashboard, result.Output, StringComparison.Ordinal);
        Assert.Contains(expected.ValidUnique.ToString("N0", CultureInfo.InvariantCulture), result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_RunTwice_AddsNoDuplicateRows()
    {
        var home = temp.Combine("home");
        await CliHarness.RunAsync("demo", "--home", home, "--files", "2", "--rows", "300");

        var second = await CliHarness.RunAsync("demo", "--home", home, "--files", "2", "--rows", "300");

        Assert.Equal(0, second.ExitCode);
        var lake = new LocalHome(home);
        Assert.Equal(Lake.Count(lake, "clean_purchases"), Lake.CountDistinct(lake, "clean_purchases", "purchase_id"));
    }

    [Fact]
    public async Task Demo_BadOption_ExitsTwoWithOneLine()
    {
        var result = await CliHarness.RunAsync("demo", "--home", temp.Path, "--rows", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("--rows", result.Error, StringComparison.Ordinal);
    }
}
