using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.TestUtils.Fakes;

/// <summary>An ETL job whose answers a test scripts; records every call in one ordered log.</summary>
public sealed class FakeEtlJobService : IEtlJobService
{
    private readonly Queue<Exception> startFailures = new();
    private readonly Dictionary<string, JobRunStatus> runs = new(StringComparer.Ordinal);
    private int started;

    /// <summary>Every call, in order: "ResetBookmark job", "StartJobRun job", "GetJobRun job jr_…", "GetJobRuns job".</summary>
    public List<string> Calls { get; } = [];

    /// <summary>The id the next started run gets; then jr_fake_2, jr_fake_3, … unless set again.</summary>
    public string? NextJobRunId { get; set; }

    /// <summary>The next StartJobRunAsync calls throw these, one per call, before any run starts.</summary>
    public FakeEtlJobService FailStartsWith(params Exception[] failures)
    {
        foreach (var failure in failures)
        {
            startFailures.Enqueue(failure);
        }

        return this;
    }

    /// <summary>What GetJobRunAsync and GetJobRunsAsync report for a run (a started run is RUNNING until set).</summary>
    public FakeEtlJobService SetRun(string jobRunId, string state, string? errorMessage = null, DateTimeOffset? startedOn = null, DateTimeOffset? completedOn = null)
    {
        runs[jobRunId] = new JobRunStatus(jobRunId, state, errorMessage, startedOn, completedOn);
        return this;
    }

    public Task ResetBookmarkAsync(string jobName, CancellationToken cancellationToken)
    {
        Calls.Add("ResetBookmark " + jobName);
        return Task.CompletedTask;
    }

    public Task<string> StartJobRunAsync(string jobName, CancellationToken cancellationToken)
    {
        Calls.Add("StartJobRun " + jobName);
        if (startFailures.TryDequeue(out var failure))
        {
            return Task.FromException<string>(failure);
        }

        started++;
        var id = NextJobRunId ?? "jr_fake_" + started;
        NextJobRunId = null;
        runs.TryAdd(id, new JobRunStatus(id, "RUNNING", null));
        return Task.FromResult(id);
    }

    public Task<JobRunStatus> GetJobRunAsync(string jobName, string jobRunId, CancellationToken cancellationToken)
    {
        Calls.Add($"GetJobRun {jobName} {jobRunId}");
        return runs.TryGetValue(jobRunId, out var status)
            ? Task.FromResult(status)
            : Task.FromException<JobRunStatus>(new Core.Errors.EntityNotFoundException($"job run {jobRunId} of {jobName} not found"));
    }

    /// <summary>Every run, whatever <paramref name="since"/> (the port allows older runs).</summary>
    public Task<IReadOnlyList<JobRunStatus>> GetJobRunsAsync(string jobName, DateTimeOffset since, CancellationToken cancellationToken)
    {
        Calls.Add("GetJobRuns " + jobName);
        return Task.FromResult<IReadOnlyList<JobRunStatus>>([.. runs.Values]);
    }
}
