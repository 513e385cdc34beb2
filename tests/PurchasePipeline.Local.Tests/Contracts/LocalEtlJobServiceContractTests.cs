using PurchasePipeline.Functions;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.Local.Adapters;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;
using PurchasePipeline.TestUtils.Contracts;

namespace PurchasePipeline.Local.Tests.Contracts;

/// <summary>The job contract on the local plane (the DuckDB job over an empty landing zone; its lock file is the concurrency limit).</summary>
public sealed class LocalEtlJobServiceContractTests : EtlJobServiceContract, IDisposable
{
    private readonly TempDirectory temp = new();
    private JobLock? otherRun;

    protected override string JobName => LocalEtlJob.JobName;

    protected override bool QueuesRuns => false;

    public void Dispose()
    {
        otherRun?.Dispose();
        temp.Dispose();
    }

    // Refused at once: the contract is about the refusal; waiting for the job is LocalEtlJobServiceTests'.
    protected override IEtlJobService CreateSut() => new LocalEtlJobService(new LocalHome(temp.Path), TimeProvider.System, new ValidationRuleFiles()) { WaitForJob = TimeSpan.Zero };

    protected override Task HoldTheJobAsync(IEtlJobService sut)
    {
        // A local run holds the job's lock from start to commit (another process's run, say).
        otherRun = JobLock.Acquire(new LocalHome(temp.Path).Lake, LocalEtlJob.JobName);
        return Task.CompletedTask;
    }
}
