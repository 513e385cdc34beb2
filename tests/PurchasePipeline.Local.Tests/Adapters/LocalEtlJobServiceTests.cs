using PurchasePipeline.Local.Adapters;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Adapters;

/// <summary>
/// The local plane's runs outlive the process that ran them: `watch` and `run` are separate processes, and an
/// execution of one must find (StartEtlJob) and read (GetJobRun) the run of the other that read its object.
/// </summary>
public sealed class LocalEtlJobServiceTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task GetJobRuns_ARunCommittedByAnotherProcess_IsListedAndKnownAsSucceeded()
    {
        var home = new LocalHome(temp.Path);
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));
        var other = new LocalEtlJobService(home, TimeProvider.System);
        var runId = await other.StartJobRunAsync(LocalEtlJob.JobName, CancellationToken.None);
        var sut = new LocalEtlJobService(home, TimeProvider.System);

        var listed = Assert.Single(await sut.GetJobRunsAsync(LocalEtlJob.JobName, TimeProvider.System.GetUtcNow(), CancellationToken.None));
        var status = await sut.GetJobRunAsync(LocalEtlJob.JobName, runId, CancellationToken.None);

        Assert.Equal((runId, "SUCCEEDED"), (listed.JobRunId, listed.State));
        Assert.Equal(listed, status);
        Assert.NotNull(status.StartedOn);
        Assert.NotNull(status.CompletedOn);
    }
}
