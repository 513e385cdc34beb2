using PurchasePipeline.Cli.Control;
using PurchasePipeline.Generator;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>
/// A local home under the temp folder with one generated purchase file (and the user dimension) landed,
/// for whole local runs. Resetting the job's lake and bookmark before each run makes every run process
/// the file, as the first run after it lands does; the catalog and the executions database stay.
/// </summary>
internal sealed class LocalRunWorkspace : IDisposable
{
    private readonly string root;

    private LocalRunWorkspace(string root, LocalHome home, string key, int rows)
    {
        this.root = root;
        Home = home;
        Key = key;
        Rows = rows;
    }

    public LocalHome Home { get; }

    /// <summary>Where BenchmarkDotNet writes its logs and exports, deleted with the workspace.</summary>
    public string Artifacts => Path.Combine(root, "BenchmarkDotNet.Artifacts");

    /// <summary>The landed file's object key (raw/yyyy/MM/dd/…).</summary>
    public string Key { get; }

    public int Rows { get; }

    public static async Task<LocalRunWorkspace> CreateAsync(string scaleName, int rows, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), "purchase-pipeline-benchmarks", "engine-" + scaleName);
        BenchmarkWorkspace.DeleteFolder(root);
        var home = new LocalHome(Path.Combine(root, "home"));
        var generated = await GeneratorRunner.RunAsync(
            new GenerateOptions { Out = home.Landing, Files = 1, Rows = rows, Seed = BenchmarkScale.Seed, IncludeUsers = true },
            progress: null,
            cancellationToken).ConfigureAwait(false);
        return new LocalRunWorkspace(root, home, generated.Batches[0].Key, rows);
    }

    /// <summary>The host the CLI's run command builds: instant waits, nothing shown.</summary>
    public PipelineHost CreateHost() => new(Home, TimeProvider.System, waitScale: 0, show: null);

    public void ResetJob()
    {
        BenchmarkWorkspace.DeleteFolder(Home.Lake);
        BenchmarkWorkspace.DeleteFolder(Home.Bookmarks);
    }

    public void Dispose() => BenchmarkWorkspace.DeleteFolder(root);
}
