using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.Generator;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>`demo` end to end, seen through `executions list` and the lake, as a data engineer on a fresh clone sees it.</summary>
public sealed class DemoExecutionsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Demo_ThreeFiles_ThreeSucceededExecutionsAndTheGeneratorsValidRowsInTheLake()
    {
        var home = new LocalHome(temp.Combine("home"));
        // demo generates with its defaults (seed 42, 2000 rows) ending today; the same options here say what it wrote.
        var expected = await GeneratorRunner.RunAsync(
            new GenerateOptions { Out = temp.Combine("expected"), Files = 3, Rows = 2000, Seed = 42, StartDate = DateOnly.FromDateTime(CliHarness.Now.UtcDateTime).AddDays(-2), IncludeUsers = true },
            progress: null,
            CancellationToken.None);

        var demo = await CliHarness.RunAsync("demo", "--files", "3", "--home", home.Root);

        Assert.True(demo.ExitCode == 0, demo.Output + demo.Error);
        var executions = await Executions.ListAsync(home.Root);
        Assert.Equal(3, executions.Count);
        Assert.All(executions, e => Assert.Equal("SUCCEEDED", (string?)e!["status"]));
        Assert.All(executions, e => Assert.Equal(27, (int?)e!["stateTransitions"]));
        Assert.Equal(
            expected.Batches.Select(b => b.Key).Reverse(),
            await Task.WhenAll(executions.Select(async e => (string)(await Executions.ShowAsync(home.Root, (string)e!["name"]!))["input"]!["detail"]!["object"]!["key"]!)));
        Assert.Equal(expected.ValidUnique, Lake.Count(home, "clean_purchases"));
        Assert.Equal(expected.ValidUnique, Lake.CountDistinct(home, "clean_purchases", "purchase_id"));
        Assert.Empty(Alerts.Written(home.Root));
    }
}
