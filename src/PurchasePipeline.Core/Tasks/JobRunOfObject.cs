using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Core.Tasks;

/// <summary>
/// Finds the job run that reads an execution's object, so a burst of objects shares a few runs instead of each
/// starting its own: (a) a SUCCEEDED run whose manifest lists the object (another execution's run read it);
/// (a') else a SUCCEEDED run that could not read the object and quarantined it (GetJobRun then fails the execution);
/// (b) a run still to come or going that has not begun reading (WAITING in Glue's queue, STARTING) or started
/// after the object landed. Runs are one at a time and each reads every object landed and not yet bookmarked,
/// so an object is read by exactly one successful run; a run joined by (b) that read it is confirmed by
/// GetJobRun against its manifest, and a miss sends the execution back here, where (a) then finds the reader.
/// </summary>
internal static class JobRunOfObject
{
    public static async Task<JobRunStatus?> FindAsync(
        IEtlJobService jobs, IRunManifestStore manifests, string jobName, LandedObject landed, CancellationToken cancellationToken)
    {
        var runs = (await jobs.GetJobRunsAsync(jobName, landed.EarliestReaderEnd, cancellationToken).ConfigureAwait(false))
            .OrderBy(run => run.StartedOn)
            .ToList();
        JobRunStatus? quarantiner = null;
        foreach (var run in runs.Where(run => run.State == TaskStates.JobSucceeded))
        {
            var manifest = await manifests.GetAsync(run.JobRunId, cancellationToken).ConfigureAwait(false);
            if (manifest is null)
            {
                continue;
            }

            if (landed.ReadBy(manifest, run))
            {
                return run;
            }

            if (quarantiner is null && landed.QuarantinedBy(manifest, run) is not null)
            {
                quarantiner = run;
            }
        }

        // A run that quarantined the object is its outcome (GetJobRun fails the execution for it), unless a run read
        // it after all: the object was uploaded again, fixed, and a later run read that version (returned above).
        return quarantiner ?? runs.FirstOrDefault(run => run.State is TaskStates.JobWaiting or TaskStates.JobStarting
            || (run.State == TaskStates.JobRunning && landed.LandedBefore(run)));
    }
}
