using PurchasePipeline.Functions;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Etl;

/// <summary>One run of the job at a time.</summary>
public sealed class JobLockTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public JobLockTests() => home = new LocalHome(temp.Path);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Acquire_WhileHeld_ThrowsConcurrentRunsExceeded()
    {
        using var held = JobLock.Acquire(home.Lake, LocalEtlJob.JobName);

        var error = Assert.Throws<ConcurrentRunsExceededException>(() => JobLock.Acquire(home.Lake, LocalEtlJob.JobName));

        Assert.Equal(LocalEtlJob.JobName, error.JobName);
    }

    [Fact]
    public void Acquire_AfterRelease_Succeeds()
    {
        JobLock.Acquire(home.Lake, LocalEtlJob.JobName).Dispose();

        using var again = JobLock.Acquire(home.Lake, LocalEtlJob.JobName);
    }

    [Fact]
    public void Run_WhileAnotherRunHoldsTheJob_ThrowsAndLeavesTheObjectNew()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));
        var sut = new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles());
        using (JobLock.Acquire(home.Lake, LocalEtlJob.JobName))
        {
            var error = Assert.Throws<ConcurrentRunsExceededException>(() => sut.Run());
            Assert.Equal(LocalEtlJob.JobName, error.JobName);
        }

        Assert.Equal(1, sut.Run().RowsClean);
    }
}
