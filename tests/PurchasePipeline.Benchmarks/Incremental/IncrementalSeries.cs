using PurchasePipeline.Generator;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Benchmarks.Incremental;

/// <summary>
/// Benchmark (d): what an execution costs as the lake's history grows. Starting from an empty home (the user
/// dimension landed first), runs `purchase-pipeline run FILE` for each generated batch in turn, as a user or a
/// scheduler would: a new process per file, each execution processing exactly that one new file, the whole
/// pipeline (crawler, job, validation, dashboard) and the process's start-up included.
/// </summary>
internal sealed class IncrementalSeries(string sourceLanding, GenerationResult generated)
{
    public int Length => generated.Batches.Count;

    /// <summary>One series in <paramref name="home"/>, emptied first; a measurement per execution, in order.</summary>
    /// <param name="home">The home to run in; emptied first.</param>
    /// <param name="runs">How many batches to run, by default all of them.</param>
    public IReadOnlyList<ExecutionSample> Run(LocalHome home, int? runs = null)
    {
        BenchmarkWorkspace.DeleteFolder(home.Root);
        if (generated.UsersKey is { } usersKey)
        {
            var target = home.PathOf(usersKey);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(sourceLanding, usersKey), target);
        }

        return [.. generated.Batches.Take(runs ?? Length)
            .Select(batch => CliExecution.Run(Path.Combine(sourceLanding, batch.Key), home.Root, batch.Rows))];
    }
}
