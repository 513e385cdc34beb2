using PurchasePipeline.Functions;
using PurchasePipeline.Benchmarks.Measuring;
using PurchasePipeline.Generator;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Benchmarks.Incremental;

/// <summary>
/// Benchmark (d): what a run costs as the lake's history grows. Starting from an empty home, lands the
/// generated batches one at a time (the user dimension first) and runs the job after each, as a
/// scheduler would: a new job per run, each run processing exactly the one new file.
/// </summary>
internal sealed class IncrementalSeries(string sourceLanding, GenerationResult generated)
{
    public int Length => generated.Batches.Count;

    /// <summary>One series in <paramref name="home"/>, emptied first; a measurement per run, in order.</summary>
    /// <param name="home">The home to land in and run the job in; emptied first.</param>
    /// <param name="runs">How many batches to land, by default all of them.</param>
    public IReadOnlyList<RunSample> Run(LocalHome home, int? runs = null)
    {
        BenchmarkWorkspace.DeleteFolder(home.Root);
        if (generated.UsersKey is { } usersKey)
        {
            Land(home, usersKey);
        }

        var measurements = new List<RunSample>(Length);
        foreach (var batch in generated.Batches.Take(runs ?? Length))
        {
            Land(home, batch.Key);
            var files = 0;
            var rowsIn = 0L;
            measurements.Add(RunSample.Of(() =>
            {
                var manifest = new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles()).Run();
                files = manifest.Files.Count;
                rowsIn = manifest.RowsIn;
            }));
            if (files != 1 || rowsIn != batch.Rows)
            {
                throw new InvalidOperationException($"run after landing {batch.Key} processed {files} file(s) and {rowsIn} row(s); expected 1 and {batch.Rows}");
            }
        }

        return measurements;
    }

    private void Land(LocalHome home, string key)
    {
        var target = home.PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(sourceLanding, key), target);
    }
}
