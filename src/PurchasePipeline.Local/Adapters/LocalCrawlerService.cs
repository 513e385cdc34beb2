using System.Text.Json;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.Local.Crawler;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Adapters;

/// <summary>
/// The crawler port on the local plane, shared by every process on one home as Glue's crawler is shared by
/// every execution. A crawl runs to the end inside StartCrawler while holding catalog/.crawler.lock; a start
/// while any process crawls is refused with CrawlerRunningException (the execution joins that crawl, as on
/// Glue), and GetCrawler reports RUNNING while the lock is held, after waiting up to <see cref="WaitForCrawl"/> for the
/// crawl to end: the local CLI scales the state machine's Wait states to nothing, so its polls alone would spend
/// their limit before another process's crawl ends. catalog/crawler.json keeps the last crawl's
/// outcome for every process; a crawl whose process died leaves it saying RUNNING with the lock free, which
/// GetCrawler reports as a FAILED crawl naming the cause (the next start crawls again).
/// </summary>
public sealed class LocalCrawlerService(LocalHome home) : ICrawlerService
{
    private static readonly CrawlerStatus Fresh = new("READY", null, null);

    /// <summary>How long one GetCrawler waits, in real time, for a crawl in progress (of any process) to end.</summary>
    public TimeSpan WaitForCrawl { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The last crawl's result, for progress display.</summary>
    public CrawlResult? LastResult { get; private set; }

    /// <summary>The lock a crawl holds, in catalog/.</summary>
    internal string LockPath => Path.Combine(Path.GetDirectoryName(home.Catalog)!, ".crawler.lock");

    /// <summary>The last crawl's state and outcome, in catalog/.</summary>
    internal string StatePath => Path.Combine(Path.GetDirectoryName(home.Catalog)!, "crawler.json");

    public Task StartCrawlerAsync(string crawlerName, CancellationToken cancellationToken)
    {
        using var held = FileLock.TryAcquire(LockPath) ?? throw new CrawlerRunningException(crawlerName);
        var last = ReadState();
        Save(last with { State = "RUNNING" });
        try
        {
            LastResult = new LocalCrawler(home).Crawl();
            Save(new CrawlerStatus("READY", "SUCCEEDED", null));
        }
        catch (Exception e) when (e is IOException or DuckDB.NET.Data.DuckDBException)
        {
            Save(new CrawlerStatus("READY", "FAILED", e.Message.Split('\n')[0]));
        }

        return Task.CompletedTask;
    }

    public Task<CrawlerStatus> GetCrawlerAsync(string crawlerName, CancellationToken cancellationToken)
    {
        // Probing the lock holds it for an instant: a start in that instant joins and polls like any joiner.
        using var probe = FileLock.Acquire(LockPath, WaitForCrawl, cancellationToken);
        if (probe is null)
        {
            return Task.FromResult(ReadState() with { State = "RUNNING" });
        }

        var state = ReadState();
        return Task.FromResult(state.State == "RUNNING"
            ? new CrawlerStatus("READY", "FAILED", "the process that ran the last crawl ended before it did (killed or crashed); the next start crawls again")
            : state);
    }

    private CrawlerStatus ReadState()
    {
        try
        {
            return File.Exists(StatePath)
                ? JsonSerializer.Deserialize(File.ReadAllText(StatePath), LocalJson.Default.CrawlerStatus) ?? Fresh
                : Fresh;
        }
        catch (JsonException)
        {
            // Written atomically, so only a hand edit damages it; it holds nothing a crawl does not rewrite.
            return Fresh;
        }
    }

    private void Save(CrawlerStatus status) =>
        AtomicFile.WriteAllText(StatePath, JsonSerializer.Serialize(status, LocalJson.Default.CrawlerStatus));
}
