namespace PurchasePipeline.Infra.Settings;

/// <summary>
/// The repository files the stack deploys, read in place (never copied into infra/): the ASL definition,
/// the event pattern, the Glue job and its SQL. Found by walking up from the working directory (cdk runs
/// the app from infra/) or from the assembly's folder (tests).
/// </summary>
public sealed class RepositoryFiles
{
    private const string Marker = "StateMachine.sln";

    public RepositoryFiles(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string Definition => Path.Combine(Root, "statemachine", "purchase-pipeline.asl.json");

    public string EventPattern => Path.Combine(Root, "statemachine", "event-pattern.json");

    /// <summary>The EventBridge rule that pages on an execution's failure, and its input transformer.</summary>
    public string AlertRule => Path.Combine(Root, "statemachine", "alert-rule.json");

    public string GlueJobScript => Path.Combine(Root, "glue", "jobs", "clean_purchases.py");

    /// <summary>The job's package folder (purchase_job/ inside), zipped for --extra-py-files.</summary>
    public string GlueJobPackage => Path.Combine(Root, "glue", "jobs", "lib");

    public string GlueSqlFolder => Path.Combine(Root, "glue", "sql");

    public string GlueValidationFolder => Path.Combine(Root, "glue", "validation");

    public string FunctionsProject => Path.Combine(Root, "src", "PurchasePipeline.Functions", "PurchasePipeline.Functions.csproj");

    /// <summary>The transform SQL files (glue/sql/NN_name.sql), in name order.</summary>
    public IReadOnlyList<string> GlueSqlFiles =>
        [.. Directory.GetFiles(GlueSqlFolder, "*.sql").Order(StringComparer.Ordinal)];

    /// <summary>The data-quality rules (glue/validation/NAME.sql), in name order.</summary>
    public IReadOnlyList<string> GlueValidationFiles =>
        [.. Directory.GetFiles(GlueValidationFolder, "*.sql").Order(StringComparer.Ordinal)];

    /// <exception cref="InfraSettingsException">No folder above the working directory or the assembly holds StateMachine.sln.</exception>
    public static RepositoryFiles Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, Marker)))
                {
                    return new RepositoryFiles(folder.FullName);
                }
            }
        }

        throw new InfraSettingsException($"no {Marker} above {Directory.GetCurrentDirectory()}: run cdk from the repository's infra/ folder");
    }
}
