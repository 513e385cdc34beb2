using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.EndToEnd.Tests.Redrive;

/// <summary>
/// The local plane's ports with faults switched on by name, each where an on-call page comes from in AWS: a
/// service call that fails (the task raises) or a run the service reports as failed (the poll finds it).
/// Clearing <see cref="Broken"/> is "the fix".
/// </summary>
internal sealed class BreakablePorts
{
    /// <summary>A Glue job run that failed without reading or committing anything, as StartJobRun would report it.</summary>
    public const string BrokenRunId = "jr_20261125T120000_broken";

    public HashSet<string> Broken { get; } = [];

    public TaskPorts Wrap(TaskPorts ports) => ports with
    {
        Crawler = new Crawler(this, ports.Crawler),
        EtlJob = new EtlJob(this, ports.EtlJob),
        Query = new Query(this, ports.Query),
        Dataset = new Dataset(this, ports.Dataset),
    };

    private bool Is(string fault) => Broken.Contains(fault);

    private static IOException Unavailable(string what) => new($"{what}: service unavailable (injected)");

    private sealed class Crawler(BreakablePorts faults, ICrawlerService inner) : ICrawlerService
    {
        public Task StartCrawlerAsync(string crawlerName, CancellationToken cancellationToken) =>
            faults.Is("StartCrawler") ? throw Unavailable("StartCrawler") : inner.StartCrawlerAsync(crawlerName, cancellationToken);

        public async Task<CrawlerStatus> GetCrawlerAsync(string crawlerName, CancellationToken cancellationToken) =>
            faults.Is("CrawlerFailed")
                ? new CrawlerStatus("READY", "FAILED", "Internal Service Exception (injected)")
                : await inner.GetCrawlerAsync(crawlerName, cancellationToken).ConfigureAwait(false);
    }

    private sealed class EtlJob(BreakablePorts faults, IEtlJobService inner) : IEtlJobService
    {
        public Task ResetBookmarkAsync(string jobName, CancellationToken cancellationToken) => inner.ResetBookmarkAsync(jobName, cancellationToken);

        public async Task<string> StartJobRunAsync(string jobName, CancellationToken cancellationToken) =>
            faults.Is("StartEtlJob") ? throw Unavailable("StartJobRun")
            : faults.Is("JobFailed") ? BrokenRunId
            : await inner.StartJobRunAsync(jobName, cancellationToken).ConfigureAwait(false);

        public async Task<JobRunStatus> GetJobRunAsync(string jobName, string jobRunId, CancellationToken cancellationToken) =>
            faults.Is("GetJobRun") ? throw Unavailable("GetJobRun")
            : jobRunId == BrokenRunId ? new JobRunStatus(BrokenRunId, "FAILED", "Executor lost (injected)")
            : await inner.GetJobRunAsync(jobName, jobRunId, cancellationToken).ConfigureAwait(false);

        public Task<IReadOnlyList<JobRunStatus>> GetJobRunsAsync(string jobName, DateTimeOffset since, CancellationToken cancellationToken) =>
            inner.GetJobRunsAsync(jobName, since, cancellationToken);
    }

    private sealed class Query(BreakablePorts faults, IQueryService inner) : IQueryService
    {
        public Task<string> StartQueryAsync(string sql, IReadOnlyList<string> parameters, CancellationToken cancellationToken) =>
            faults.Is("StartValidation") ? throw Unavailable("StartQueryExecution") : inner.StartQueryAsync(sql, parameters, cancellationToken);

        public Task<QueryStatus> GetQueryAsync(string queryId, CancellationToken cancellationToken) =>
            faults.Is("GetValidationResult") ? throw Unavailable("GetQueryExecution") : inner.GetQueryAsync(queryId, cancellationToken);

        public Task<IReadOnlyList<IReadOnlyList<string?>>> GetResultsAsync(string queryId, CancellationToken cancellationToken) =>
            inner.GetResultsAsync(queryId, cancellationToken);
    }

    private sealed class Dataset(BreakablePorts faults, IDatasetService inner) : IDatasetService
    {
        public Task CreateIngestionAsync(string datasetId, string ingestionId, CancellationToken cancellationToken) =>
            faults.Is("RefreshDataset") ? throw Unavailable("CreateIngestion") : inner.CreateIngestionAsync(datasetId, ingestionId, cancellationToken);

        public async Task<IngestionStatus> DescribeIngestionAsync(string datasetId, string ingestionId, CancellationToken cancellationToken) =>
            faults.Is("RefreshFailed")
                ? new IngestionStatus(ingestionId, "FAILED", "SPICE capacity exceeded (injected)")
                : await inner.DescribeIngestionAsync(datasetId, ingestionId, cancellationToken).ConfigureAwait(false);
    }
}
