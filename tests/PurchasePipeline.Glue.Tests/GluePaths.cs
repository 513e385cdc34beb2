using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>The repository files these tests check, and the Python scripts that check them.</summary>
internal static class GluePaths
{
    public static string JobScript { get; } = RepoPaths.Combine("glue", "jobs", "clean_purchases.py");

    /// <summary>The folder the stack zips for --extra-py-files: the job's package (purchase_job/) at its root.</summary>
    public static string JobPackage { get; } = RepoPaths.Combine("glue", "jobs", "lib");

    /// <summary>The job's Python files: the entry script and its package's modules.</summary>
    public static IReadOnlyList<string> JobFiles { get; } =
        [JobScript, .. Directory.GetFiles(JobPackage, "*.py", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    public static string SqlFolder { get; } = RepoPaths.Combine("glue", "sql");

    public static string ValidationFolder { get; } = RepoPaths.Combine("glue", "validation");

    public static string Script(string name) => RepoPaths.Combine("tests", "PurchasePipeline.Glue.Tests", "scripts", name);
}
