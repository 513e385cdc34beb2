using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using PurchasePipeline.Infra.Settings;

namespace PurchasePipeline.Infra.Functions;

/// <summary>
/// The code package of the task Lambdas, shared by all eight: the Native AOT build of
/// src/PurchasePipeline.Functions.Bootstrap (one native <c>bootstrap</c> that serves the function its Handler
/// names) on the OS-only runtime <see cref="Runtime"/>. Either a folder that already holds that build (context
/// <c>functionsPath</c>, what CI builds once), or the repository's source, published at synth time by
/// <see cref="PublishCommand"/> (Docker with the .NET SDK's AOT image when dotnet is not on the PATH).
/// </summary>
/// <remarks>
/// Why Native AOT: a cold start (process start to the first response) took about 11-50 ms against 0.5-1.2 s for the
/// JIT and ReadyToRun builds the managed dotnet runtime would load (tests/PurchasePipeline.Benchmarks -- startup,
/// results/startup.md, measured for linux-x64). Compiling for linux-arm64 on an x64 machine needs a cross
/// toolchain (clang, lld or the aarch64 binutils, an arm64 C library): see infra/README.md.
/// </remarks>
public sealed class FunctionCode
{
    /// <summary>The build, without its output folder (appended).</summary>
    public const string PublishCommand = "dotnet publish src/PurchasePipeline.Functions.Bootstrap/PurchasePipeline.Functions.Bootstrap.csproj -c Release -r linux-arm64 -p:PublishAot=true -o";

    /// <summary>The file the OS-only runtime starts; a functionsPath folder must hold it.</summary>
    public const string Bootstrap = "bootstrap";

    private FunctionCode(Code code, string description)
    {
        Code = code;
        Description = description;
    }

    /// <summary>Amazon Linux 2023, the OS-only runtime the native bootstrap runs on.</summary>
    public static Runtime Runtime => Runtime.PROVIDED_AL2023;

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

        return new FunctionCode(
            Code.FromAsset(files.Root, new Amazon.CDK.AWS.S3.Assets.AssetOptions
            {
                // The package depends only on these; everything else (tests, infra, build output) is left out of the hash.
                Exclude = [".git", "**/bin", "**/obj", "**/cdk.out", "**/node_modules", "tests", "infra", ".purchase-pipeline", "**/.tools"],
                Bundling = new BundlingOptions
                {
                    Local = new DotnetPublish(files.Root, PublishCommand),
                    // The SDK image with the Native AOT prerequisites (clang, the linker); on an x64 Docker host it also needs the arm64 ones.
                    Image = DockerImage.FromRegistry("mcr.microsoft.com/dotnet/sdk:10.0-noble-aot"),
                    Command = ["bash", "-c", PublishCommand + " /asset-output"],
                    User = "root",
                },
            }),
            "bundled: " + PublishCommand);
    }
}
