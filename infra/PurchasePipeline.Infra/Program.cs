using Amazon.CDK;
using PurchasePipeline.Infra.Settings;

namespace PurchasePipeline.Infra;

/// <summary>The CDK app (cdk.json: <c>dotnet run --project PurchasePipeline.Infra</c>).</summary>
public static class Program
{
    public const string StackName = "PurchasePipeline";

    public static int Main()
    {
        var app = new App();
        try
        {
            CreateStack(app);
        }
        catch (InfraSettingsException error)
        {
            // One line naming the bad context value(s), not a stack trace.
            Console.Error.WriteLine(error.Message);
            return 1;
        }

        app.Synth();
        return 0;
    }

    /// <summary>The stack, from the app's context; what the tests synthesize too.</summary>
    /// <exception cref="InfraSettingsException">A context value is malformed.</exception>
    public static PurchasePipelineStack CreateStack(App app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = PipelineSettingsReader.Read(app.Node);
        return new PurchasePipelineStack(app, StackName, new PurchasePipelineStackProps
        {
            Settings = settings,
            Files = RepositoryFiles.Locate(),
            Description = "purchase-pipeline: S3 -> EventBridge -> Step Functions -> Lambda/Glue/Athena/QuickSight, SNS alerts",
            Env = new Amazon.CDK.Environment
            {
                Account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
                Region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION"),
            },
        });
    }
}
