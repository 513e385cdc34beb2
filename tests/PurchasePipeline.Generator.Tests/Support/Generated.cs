using Microsoft.Extensions.Time.Testing;
using PurchasePipeline.Generator.Batches;

namespace PurchasePipeline.Generator.Tests.Support;

/// <summary>Runs the generator in memory.</summary>
internal static class Generated
{
    public static async Task<(CollectingSink Sink, GenerationResult Result)> RunAsync(GenerateOptions options)
    {
        var sink = new CollectingSink();
        var result = await GeneratorRunner.RunAsync(options, sink, new FakeTimeProvider(), null, CancellationToken.None);
        return (sink, result);
    }

    /// <summary>The batches with their labelled rows, straight from the internal generator.</summary>
    public static List<GeneratedBatch> Batches(GenerateOptions options)
    {
        var generator = new BatchGenerator(options);
        return [.. Enumerable.Range(1, options.Files).Select(generator.Next)];
    }

    /// <summary>Every row of every batch, read back from the bytes.</summary>
    public static List<RawRow> ReadAll(CollectingSink sink) =>
        [.. sink.Objects.Where(o => o.Key.StartsWith("raw/", StringComparison.Ordinal)).OrderBy(o => o.Key, StringComparer.Ordinal)
            .SelectMany(o => RawFiles.Read(o.Key, o.Value))];
}
