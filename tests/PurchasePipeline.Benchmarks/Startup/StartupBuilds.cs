using System.Runtime.InteropServices;

namespace PurchasePipeline.Benchmarks.Startup;

/// <summary>
/// The builds the start-up benchmark compares, each made by the command a user or the CDK runs: the CLI as a plain
/// framework-dependent publish (JIT), as ReadyToRun, as the build the dotnet tool's platform package holds (Native AOT), and through
/// the README's <c>dotnet run</c>; the task functions' bootstrap as JIT, ReadyToRun and Native AOT.
/// </summary>
internal sealed class StartupBuilds(string root, string work)
{
    public string Cli => Path.Combine(root, "src", "PurchasePipeline.Cli");

    public string CliJit => Path.Combine(work, "cli-jit", "purchase-pipeline");

    public string CliReadyToRun => Path.Combine(work, "cli-r2r", "purchase-pipeline");

    public string CliTool => Path.Combine(work, "tool", "purchase-pipeline");

    public string Lambda(string build) => Path.Combine(work, "lambda-" + build, "bootstrap");

    public static IReadOnlyList<string> LambdaBuilds { get; } = ["jit", "r2r", "aot"];

    public async Task BuildAsync(CancellationToken cancellationToken)
    {
        await DotnetAsync(cancellationToken, "publish", Cli, "-c", "Release", "-p:PublishReadyToRun=false", "-p:PublishAot=false", "-o", Path.GetDirectoryName(CliJit)!).ConfigureAwait(false);
        // What a platform package packed on another platform holds (and this one's did before it was Native AOT).
        await DotnetAsync(cancellationToken, "publish", Cli, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-p:PublishAot=false", "-p:SelfContained=false", "-p:PublishReadyToRun=true", "-o", Path.GetDirectoryName(CliReadyToRun)!).ConfigureAwait(false);
        // What the tool's package for this platform holds (the csproj's PublishAot for the host's RID; ToolInstallTests
        // checks the installed tool is that build): packing it here as well raced two compilations of one folder.
        await DotnetAsync(cancellationToken, "publish", Cli, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", Path.GetDirectoryName(CliTool)!).ConfigureAwait(false);
        // Builds what `dotnet run` then finds up to date, as on a user's second command.
        await DotnetAsync(cancellationToken, "build", Cli).ConfigureAwait(false);

        var bootstrap = Path.Combine(root, "src", "PurchasePipeline.Functions.Bootstrap");
        string[][] lambdaOptions = [[], ["-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true"], ["-r", "linux-x64", "-p:PublishAot=true"]];
        foreach (var (build, options) in LambdaBuilds.Zip(lambdaOptions))
        {
            await DotnetAsync(cancellationToken, ["publish", bootstrap, "-c", "Release", .. options, "-o", Path.GetDirectoryName(Lambda(build))!]).ConfigureAwait(false);
        }
    }

    private static async Task DotnetAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        Console.WriteLine("dotnet " + string.Join(' ', arguments));
        await ChildProcess.RunAsync("dotnet", arguments, environment: null, cancellationToken).ConfigureAwait(false);
    }
}
