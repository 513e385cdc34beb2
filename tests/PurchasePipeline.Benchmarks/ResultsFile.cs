namespace PurchasePipeline.Benchmarks;

/// <summary>
/// Where the report is written: results/latest.md in this project's folder for the full benchmark, and
/// results/quick.md (not committed) for a smoke run, so a smoke run never overwrites measured figures.
/// </summary>
internal static class ResultsFile
{
    public static string Write(BenchmarkScale scale, string markdown) => Write(scale == BenchmarkScale.Full ? "latest.md" : "quick.md", markdown);

    /// <summary>Writes results/<paramref name="name"/>.</summary>
    public static string Write(string name, string markdown)
    {
        var folder = Path.Combine(ProjectFolder(), "results");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, markdown);
        return path;
    }

    /// <summary>The folder holding the .csproj: the build output lives below it (bin/Release/net10.0).</summary>
    private static string ProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PurchasePipeline.Benchmarks.csproj")))
            {
                return folder.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
