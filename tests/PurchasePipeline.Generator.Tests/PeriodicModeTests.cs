using PurchasePipeline.Generator.Tests.Support;

namespace PurchasePipeline.Generator.Tests;

public sealed class PeriodicModeTests
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task RunAsync_Every_WritesTheNextBatchOnlyOnceTheIntervalHasPassed()
    {
        var time = new ObservedTimeProvider();
        var start = time.GetUtcNow();
        var sink = new CollectingSink();
        var progress = new CollectingProgress<BatchSummary>();
        var run = GeneratorRunner.RunAsync(Some.Options() with { Files = 3, Every = Every }, sink, time, progress, CancellationToken.None);

        var first = await sink.NextPutAsync();
        Assert.Equal(Every, await time.NextTimerAsync());
        time.Advance(Every - TimeSpan.FromSeconds(1));
        Assert.False(sink.HasPendingPut);
        Assert.False(run.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        var second = await sink.NextPutAsync();
        Assert.Equal(Every, await time.NextTimerAsync());
        time.Advance(Every);
        var third = await sink.NextPutAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([first, second, third], result.Batches.Select(b => b.Key));
        Assert.Equal(result.Batches, progress.Reports);
        Assert.False(time.HasPendingTimer);
        Assert.Equal(2 * Every, time.GetUtcNow() - start);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWaiting_ThrowsAndKeepsTheBatchesWritten()
    {
        var time = new ObservedTimeProvider();
        var sink = new CollectingSink();
        using var cancellation = new CancellationTokenSource();
        var run = GeneratorRunner.RunAsync(Some.Options() with { Files = 5, Every = Every }, sink, time, null, cancellation.Token);
        await sink.NextPutAsync();
        await time.NextTimerAsync();
        time.Advance(Every);
        await sink.NextPutAsync();
        await time.NextTimerAsync();

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, sink.Objects.Count);
    }

    [Fact]
    public async Task RunAsync_WithoutEvery_WritesAllBatchesWithoutWaiting()
    {
        var time = new ObservedTimeProvider();
        var start = time.GetUtcNow();
        var sink = new CollectingSink();

        var result = await GeneratorRunner.RunAsync(Some.Options() with { Files = 4 }, sink, time, null, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(4, result.Batches.Count);
        Assert.False(time.HasPendingTimer);
        Assert.Equal(start, time.GetUtcNow());
    }
}
