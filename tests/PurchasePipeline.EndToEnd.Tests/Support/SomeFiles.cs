using PurchasePipeline.Generator;

namespace PurchasePipeline.EndToEnd.Tests.Support;

/// <summary>Generated purchase files (the generator knows how many rows the transform keeps), and broken copies of them.</summary>
internal static class SomeFiles
{
    /// <summary>The purchases' first day, so every file lands under raw/2026/11/25/ and after.</summary>
    public static readonly DateOnly Day = new(2026, 11, 25);

    /// <summary>Writes <paramref name="files"/> CSV batches under <paramref name="folder"/>/raw/yyyy/MM/dd/.</summary>
    public static Task<GenerationResult> GenerateAsync(string folder, int files = 1, int rows = 300, int seed = 11) =>
        GeneratorRunner.RunAsync(new GenerateOptions { Out = folder, Files = files, Rows = rows, Seed = seed, StartDate = Day }, progress: null, CancellationToken.None);

    /// <summary>The file of a batch under the folder it was generated into.</summary>
    public static string PathOf(string folder, BatchSummary batch) => Path.Combine(folder, batch.Key.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The header with its category column misnamed: the job cannot read the file ("header lacks column category").</summary>
    public static string WithBadHeader(string csv)
    {
        var newline = csv.IndexOf('\n', StringComparison.Ordinal);
        return csv[..newline].Replace("category", "kategory", StringComparison.Ordinal) + csv[newline..];
    }
}
