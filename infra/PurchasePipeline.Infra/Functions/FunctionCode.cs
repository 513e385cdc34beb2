using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using PurchasePipeline.Infra.Settings;

namespace PurchasePipeline.Infra.Functions;

/// <summary>
/// The code package of the task Lambdas, shared by all eight: either a folder that already holds
/// <c>dotnet publish</c> output (context <c>functionsPath</c>, what CI builds once), or the repository's
/// source, published at synth time by a local <c>dotnet publish</c> (Docker with the .NET SDK image when
/// dotnet is not on the PATH).
/// </summary>
public sealed class FunctionCode
{
    private const string Runtime = "linux-arm64";

    private FunctionCode(Code code, string description)
    {
        Code = code;
        Description = description;
    }

    public Code Code { get; }

    /// <summary>Where the package comes from, for humans.</summary>
    public string Description { get; }

    public static FunctionCode From(PipelineSettings settings, RepositoryFiles files)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(files);
        if (settings.FunctionsPath is { } folder)
        {
            return new FunctionCode(Code.FromAsset(folder), folder);
        }

        var publish = $"dotnet publish src/PurchasePipeline.Functions/PurchasePipeline.Functions.csproj -c Release -r {Runtime} --self-contained false -o";
        return new FunctionCode(
            Code.FromAsset(files.Root, new Amazon.CDK.AWS.S3.Assets.AssetOptions
            {
                // The package depends only on these; everything else (tests, infra, build output) is left out of the hash.
                Exclude = [".git", "**/bin", "**/obj", "**/cdk.out", "**/node_modules", "tests", "infra", ".purchase-pipeline", "**/.tools"],
                Bundling = new BundlingOptions
                {
                    Local = new DotnetPublish(files.Root, publish),
                    Image = DockerImage.FromRegistry("mcr.microsoft.com/dotnet/sdk:10.0"),
                    Command = ["bash", "-c", publish + " /asset-output"],
                    User = "root",
                },
            }),
            "bundled: " + publish);
    }
}
