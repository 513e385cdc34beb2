using System.Diagnostics;
using System.Runtime.InteropServices;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// The CLI as users install it: `dotnet pack` of src/PurchasePipeline.Cli, then `dotnet tool install --tool-path`
/// from that folder alone (a nuget.config that clears every source: no registry is asked), then the installed
/// `purchase-pipeline` command. Packs only this machine's platform package, the Native AOT one (packed elsewhere, the
/// others are ReadyToRun).
/// </summary>
public sealed class ToolInstallTests : IClassFixture<ToolInstallTests.InstalledTool>
{
    private readonly InstalledTool tool;

    public ToolInstallTests(InstalledTool tool) => this.tool = tool;

    [Fact]
    public async Task Version_FromTheInstalledTool_PrintsThePackageVersion()
    {
        var (exitCode, output) = await tool.RunAsync("--version");

        Assert.Equal(0, exitCode);
        Assert.StartsWith(tool.PackageVersion, output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_FromTheInstalledTool_ListsTheCommands()
    {
        var (exitCode, output) = await tool.RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("purchase-pipeline", output, StringComparison.Ordinal);
        Assert.Contains("demo", output, StringComparison.Ordinal);
        Assert.Contains("run", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_FromTheInstalledTool_RunsThePipelineWithTheShippedDefinitionAndDuckDb()
    {
        using var home = new TempDirectory();

        var (exitCode, output) = await tool.RunAsync("demo", "--files", "1", "--rows", "20", "--home", home.Path);

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCEEDED", output, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.EnumerateFiles(home.Combine("lake", "clean"), "*.parquet", SearchOption.AllDirectories));
    }

    [Fact]
    public void InstalledCommand_IsNativeAot()
    {
        var files = Directory.EnumerateFiles(Path.Combine(tool.Folder, ".store"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();

        // One native executable: none of our assemblies, nor the runtime's, for a runtime to load and compile.
        Assert.Contains(OperatingSystem.IsWindows() ? "purchase-pipeline.exe" : "purchase-pipeline", files);
        Assert.DoesNotContain(files, name => name!.EndsWith(".dll", StringComparison.Ordinal) && (name.StartsWith("PurchasePipeline.", StringComparison.Ordinal) || name.StartsWith("purchase-pipeline", StringComparison.Ordinal) || name.StartsWith("System.", StringComparison.Ordinal)));
        Assert.DoesNotContain("purchase-pipeline.runtimeconfig.json", files);

        // Nor its native debug file: twice the binary's size, of no use to a user (PurchasePipeline.Cli.csproj).
        Assert.DoesNotContain(files, name => name!.EndsWith(".dbg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Query_FromTheInstalledTool_PrintsNestedValuesAsTheInProcessCliDoes()
    {
        using var home = new TempDirectory();

        var (exitCode, output) = await tool.RunAsync("query", NestedValues.Sql, "--json", "--home", home.Path);

        Assert.True(exitCode == 0, output);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(NestedValues.Json), System.Text.Json.Nodes.JsonNode.Parse(output)), output);
    }

    /// <summary>Packs and installs the tool once for the class (a pack takes a while).</summary>
    public sealed class InstalledTool : IAsyncLifetime, IDisposable
    {
        private readonly TempDirectory temp = new();

        public string Folder => temp.Combine("tools");

        /// <summary>The version the package was packed with (the project's Version).</summary>
        public string PackageVersion { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            var packages = temp.Combine("packages");
            var config = temp.Combine("nuget.config");
            await File.WriteAllTextAsync(config, "<configuration><packageSources><clear /></packageSources></configuration>");
            // As for any Native AOT tool: the package that points to the platform packages, then this platform's.
            await DotnetAsync("pack", RepoPaths.Combine("src", "PurchasePipeline.Cli"), "-c", "Release", "-o", packages, $"-p:ToolPackageRuntimeIdentifiers={RuntimeInformation.RuntimeIdentifier}");
            await DotnetAsync("pack", RepoPaths.Combine("src", "PurchasePipeline.Cli"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", packages, $"-p:ToolPackageRuntimeIdentifiers={RuntimeInformation.RuntimeIdentifier}");
            var outer = Directory.EnumerateFiles(packages, "purchase-pipeline.*.nupkg").Select(Path.GetFileNameWithoutExtension)
                .Single(name => !name!.Contains(RuntimeInformation.RuntimeIdentifier, StringComparison.Ordinal))!;
            PackageVersion = outer["purchase-pipeline.".Length..];
            await DotnetAsync("tool", "install", "--tool-path", Folder, "--configfile", config, "--add-source", packages, "purchase-pipeline");
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => temp.Dispose();

        public async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) =>
            await ProcessAsync(Path.Combine(Folder, "purchase-pipeline"), arguments);

        private static async Task DotnetAsync(params string[] arguments)
        {
            var (exitCode, output) = await ProcessAsync("dotnet", arguments);
            Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
        }

        private static async Task<(int ExitCode, string Output)> ProcessAsync(string file, string[] arguments)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await error);
        }
    }
}
