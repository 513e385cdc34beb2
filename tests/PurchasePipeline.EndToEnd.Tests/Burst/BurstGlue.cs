using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.EndToEnd.Tests.Burst;

/// <summary>
/// Glue's bookmarked job and the lake's manifests over virtual time, as a burst meets them: one run at a time
/// (MaxConcurrentRuns 1); a start while a run holds the job is queued (WAITING, first in first out) when
/// <see cref="Queuing"/>, else refused (ConcurrentRunsExceededException). A run that gets the job is STARTING
/// for <see cref="StartingFor"/>, then reads every object landed and not yet bookmarked at that instant and
/// is RUNNING for <see cref="RunningFor"/>, then commits its bookmark and manifest and SUCCEEDED. StartedOn is
/// when the run was asked for. States are worked out from the clock whenever the fake is called.
/// </summary>
/// <remarks>
/// Glue's statuses and queuing: https://docs.aws.amazon.com/glue/latest/dg/job-run-statuses.html (WAITING when
/// job run queuing is on and the job is at MaxConcurrentRuns); the Glue job itself lists raw/ once, when its
/// script begins (glue/jobs/clean_purchases.py), and commits its bookmark with its output.
/// </remarks>
internal sealed class BurstGlue(TimeProvider time) : IEtlJobService, IRunManifestStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (string ETag, DateTimeOffset LandedAt)> objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> bookmark = new(StringComparer.Ordinal);
    private readonly List<Run> runs = [];

    public bool Queuing { get; init; } = true;

    public TimeSpan StartingFor { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan RunningFor { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Every run asked for, in order, with what it read.</summary>
    public IReadOnlyList<Run> Runs
    {
        get
        {
            lock (gate)
            {
                Advance();
                return [.. runs];
            }
        }
    }

    /// <summary>An object lands in raw/ now.</summary>
    public void Land(string key, string etag)
    {
        lock (gate)
        {
            Advance();
            objects[key] = (etag, time.GetUtcNow());
        }
    }

    public Task ResetBookmarkAsync(string jobName, CancellationToken cancellationToken) =>
        throw new NotSupportedException("a burst never resets the bookmark");

    public Task<string> StartJobRunAsync(string jobName, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Advance();
            var busy = runs.Any(run => run.CompletedOn is null);
            if (busy && !Queuing)
            {
                throw new ConcurrentRunsExceededException(jobName, "the fake job is at MaxConcurrentRuns 1");
            }

            var run = new Run($"jr_burst_{runs.Count + 1:D3}", time.GetUtcNow());
            runs.Add(run);
            Advance();
            return Task.FromResult(run.Id);
        }
    }

    public Task<JobRunStatus> GetJobRunAsync(string jobName, string jobRunId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Advance();
            var run = runs.FirstOrDefault(run => run.Id == jobRunId) ?? throw new EntityNotFoundException($"job {jobName} has no run {jobRunId}");
            return Task.FromResult(run.Status(time.GetUtcNow()));
        }
    }

    public Task<IReadOnlyList<JobRunStatus>> GetJobRunsAsync(string jobName, DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Advance();
            var now = time.GetUtcNow();
            return Task.FromResult<IReadOnlyList<JobRunStatus>>([.. runs.Where(run => !(run.CompletedOn < since)).Select(run => run.Status(now))]);
        }
    }

    public Task<RunManifest?> GetAsync(string jobRunId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Advance();
            var run = runs.FirstOrDefault(run => run.Id == jobRunId && run.CompletedOn <= time.GetUtcNow());
            return Task.FromResult(run is null ? null : FakeRunManifestStore.SampleManifest(run.Id) with
            {
                Files = [.. run.Read.Select(read => new ProcessedObject(read.Key, read.ETag, 10))],
            });
        }
    }

    /// <summary>Plays the job's schedule up to now: each run in turn gets the job when the one before completes.</summary>
    private void Advance()
    {
        var now = time.GetUtcNow();
        DateTimeOffset? free = null;
        foreach (var run in runs)
        {
            if (run.ReadOn is null)
            {
                run.HoldsSince = free is { } f && f > run.StartedOn ? f : run.StartedOn;
                if (run.HoldsSince + StartingFor > now)
                {
                    return;
                }

                run.ReadOn = run.HoldsSince + StartingFor;
                run.Read = [.. objects
                    .Where(o => o.Value.LandedAt <= run.ReadOn && (!bookmark.TryGetValue(o.Key, out var etag) || etag != o.Value.ETag))
                    .Select(o => (o.Key, o.Value.ETag))];
            }

            if (run.CompletedOn is null)
            {
                if (run.ReadOn + RunningFor > now)
                {
                    return;
                }

                run.CompletedOn = run.ReadOn + RunningFor;
                foreach (var (key, etag) in run.Read)
                {
                    bookmark[key] = etag;
                }
            }

            free = run.CompletedOn;
        }
    }

    /// <summary>One job run: when it was asked for, began reading and completed, and the objects it read.</summary>
    internal sealed class Run(string id, DateTimeOffset startedOn)
    {
        public string Id { get; } = id;

        public DateTimeOffset StartedOn { get; } = startedOn;

        public DateTimeOffset? ReadOn { get; set; }

        public DateTimeOffset? CompletedOn { get; set; }

        public IReadOnlyList<(string Key, string ETag)> Read { get; set; } = [];

        /// <summary>Since when the run holds the job (set once the run before it completed).</summary>
        public DateTimeOffset? HoldsSince { get; set; }

        public JobRunStatus Status(DateTimeOffset now)
        {
            var state = CompletedOn is not null ? "SUCCEEDED"
                : ReadOn is not null ? "RUNNING"
                : HoldsSince <= now ? "STARTING"
                : "WAITING";
            return new JobRunStatus(Id, state, null, StartedOn, CompletedOn);
        }
    }
}
