namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>
/// Files the engine benchmark reads from the repository itself rather than copying them: the Step
/// Functions Local mock config and the Object Created event of the EndToEnd tests, and the results folder.
/// </summary>
internal static class RepoFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder holding StateMachine.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    public static string MockConfig => Path.Combine(Root.Value, "tests", "PurchasePipeline.EndToEnd.Tests", "Fixtures", "purchase-pipeline.mock.json");

    public static string ObjectCreatedEvent => Path.Combine(Root.Value, "tests", "PurchasePipeline.EndToEnd.Tests", "Fixtures", "object-created.event.json");

    public static string Results => Path.Combine(Root.Value, "tests", "PurchasePipeline.Benchmarks", "results");

    /// <summary>The folder holding StateMachine.sln, above the build output (bin/Release/net10.0).</summary>
    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StateMachine.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no StateMachine.sln above {AppContext.BaseDirectory}: run the benchmark from its build output in the repository");
    }
}
