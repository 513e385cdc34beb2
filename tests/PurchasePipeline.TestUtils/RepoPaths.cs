namespace PurchasePipeline.TestUtils;

/// <summary>Locates files of this repository (glue/, statemachine/) from a test's output folder.</summary>
public static class RepoPaths
{
    /// <summary>The repository root: the nearest parent folder holding StateMachine.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StateMachine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("StateMachine.sln not found above " + AppContext.BaseDirectory);
    }
}
