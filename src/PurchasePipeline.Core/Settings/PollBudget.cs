using System.Globalization;

namespace PurchasePipeline.Core.Settings;

/// <summary>
/// The definition's poll settings (its <c>${…PollSeconds}</c>, <c>${MaxPolls}</c> and <c>${JobMaxPolls}</c>
/// placeholders), with the one rule that keeps them inside the execution's TimeoutSeconds, so that a thing
/// that never finishes ends in its …PollLimitReached state and pages on-call before the execution times out
/// (a timed-out execution runs no alert of its own). CDK (infra) and the local hosts (PurchasePipeline.Cli)
/// both substitute from here, starting from <see cref="Deployed"/> or <see cref="Local"/>.
/// </summary>
/// <param name="CrawlerPollSeconds">Wait between crawler polls.</param>
/// <param name="JobPollSeconds">Wait between job run polls.</param>
/// <param name="ValidationPollSeconds">Wait between validation polls.</param>
/// <param name="RefreshPollSeconds">Wait between dataset refresh polls.</param>
/// <param name="MaxPolls">Polls of the crawler, the validation and the refresh before the run fails with a timeout error.</param>
/// <param name="JobTimeoutMinutes">The Glue job's own timeout: the job's polls outlast it, so Glue's TIMEOUT state is read and reported as such.</param>
public sealed record PollBudget(
    int CrawlerPollSeconds, int JobPollSeconds, int ValidationPollSeconds, int RefreshPollSeconds, int MaxPolls, int JobTimeoutMinutes)
{
    /// <summary>What one poll's task call (a Get… Lambda making one API call) is allowed on top of its Wait.</summary>
    public const int PollTaskAllowanceSeconds = 10;

    /// <summary>
    /// The rest of a run that polls nothing: the Start… tasks with their retries (StartEtlJob's
    /// ConcurrentRunsExceeded backoff alone may wait about 18 minutes).
    /// </summary>
    public const int FixedAllowanceSeconds = 1800;

    /// <summary>
    /// A deployment's defaults (infra's PipelineSettings, and <c>run --plane aws</c> against the deployed
    /// crawler, job and dataset), the Glue job's 60-minute timeout among them.
    /// </summary>
    public static PollBudget Deployed { get; } = new(
        CrawlerPollSeconds: 30, JobPollSeconds: 60, ValidationPollSeconds: 5, RefreshPollSeconds: 30, MaxPolls: 120, JobTimeoutMinutes: 60);

    /// <summary>
    /// The local plane's shorter waits. The local job has no timeout of its own: its poll limit is set as if
    /// it had a 10-minute one.
    /// </summary>
    public static PollBudget Local { get; } = new(
        CrawlerPollSeconds: 5, JobPollSeconds: 10, ValidationPollSeconds: 3, RefreshPollSeconds: 5, MaxPolls: 60, JobTimeoutMinutes: 10);

    /// <summary>Polls of the job run: enough to outlast the Glue job's timeout by one poll.</summary>
    public int JobMaxPolls => ((JobTimeoutMinutes * 60) + JobPollSeconds - 1) / JobPollSeconds + 1;

    /// <summary>The longest a run can take to reach its last poll limit (RefreshPollLimitReached) and page: every thing polled to its limit.</summary>
    public int WorstCaseSeconds =>
        Polling(MaxPolls, CrawlerPollSeconds) + Polling(JobMaxPolls, JobPollSeconds) + Polling(MaxPolls, ValidationPollSeconds)
        + Polling(MaxPolls, RefreshPollSeconds) + FixedAllowanceSeconds;

    /// <summary>The placeholders' values, numbers as text (the definition turns them into numbers).</summary>
    public IReadOnlyDictionary<string, string> Substitutions() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CrawlerPollSeconds"] = Text(CrawlerPollSeconds),
        ["JobPollSeconds"] = Text(JobPollSeconds),
        ["ValidationPollSeconds"] = Text(ValidationPollSeconds),
        ["RefreshPollSeconds"] = Text(RefreshPollSeconds),
        ["MaxPolls"] = Text(MaxPolls),
        ["JobMaxPolls"] = Text(JobMaxPolls),
    };

    /// <summary>Null when every poll limit is reached before <paramref name="executionTimeoutSeconds"/>; otherwise one line saying by how much it is not.</summary>
    public string? ProblemWith(int executionTimeoutSeconds) =>
        WorstCaseSeconds < executionTimeoutSeconds
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"polling every step to its limit ({MaxPolls} polls; the job {JobMaxPolls}, to outlast its {JobTimeoutMinutes}-minute timeout) can take {WorstCaseSeconds} s, not less than the definition's TimeoutSeconds ({executionTimeoutSeconds}): the execution would time out before the poll limit pages on-call");

    private static int Polling(int polls, int waitSeconds) => polls * (waitSeconds + PollTaskAllowanceSeconds);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
