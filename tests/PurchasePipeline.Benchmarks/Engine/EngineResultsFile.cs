namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>
/// results/engine.md for the full run (committed: the figures we quote) and results/engine-quick.md for a
/// smoke run, so a smoke run never overwrites measured figures (as latest.md and quick.md).
/// </summary>
internal static class EngineResultsFile
{
    public static string Write(EngineScale scale, string markdown)
    {
        Directory.CreateDirectory(RepoFiles.Results);
        var path = Path.Combine(RepoFiles.Results, scale == EngineScale.Full ? "engine.md" : "engine-quick.md");
        File.WriteAllText(path, markdown);
        return path;
    }
}
