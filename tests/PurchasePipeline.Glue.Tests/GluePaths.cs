using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>The repository files these tests check, and the Python scripts that check them.</summary>
internal static class GluePaths
{
    public static string JobScript { get; } = RepoPaths.Combine("glue", "jobs", "clean_purchases.py");

    public static string SqlFolder { get; } = RepoPaths.Combine("glue", "sql");

    public static string ValidationFolder { get; } = RepoPaths.Combine("glue", "validation");

    public static string Script(string name) => RepoPaths.Combine("tests", "PurchasePipeline.Glue.Tests", "scripts", name);
}
