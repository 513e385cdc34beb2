using System.Collections.Concurrent;
using System.Threading.Channels;
using PurchasePipeline.Generator.Sinks;

namespace PurchasePipeline.Generator.Tests.Support;

/// <summary>An in-memory sink that keeps every object and lets a test await each put.</summary>
internal sealed class CollectingSink : IObjectSink
{
    private readonly Channel<string> puts = Channel.CreateUnbounded<string>();

    public ConcurrentDictionary<string, byte[]> Objects { get; } = new(StringComparer.Ordinal);

    public Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        Objects[key] = content.ToArray();
        puts.Writer.TryWrite(key);
        return Task.CompletedTask;
    }

    /// <summary>The key of the next put; fails the test if none comes within a few seconds of real time.</summary>
    public async Task<string> NextPutAsync() =>
        await puts.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public bool HasPendingPut => puts.Reader.TryPeek(out _);
}
