using System.Text.Json.Nodes;
using PurchasePipeline.Aws;
using PurchasePipeline.Functions;
using PurchasePipeline.Infra.Functions;
using PurchasePipeline.Infra.Tests.Support;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Infra.Tests;

[Trait("Requires", "node")]
public sealed class FunctionsTests(DefaultDeployment shared) : IClassFixture<DefaultDeployment>
{
    private JsonObject Function(string name) =>
        shared.Json["Resources"]![shared.Stack.LogicalId(shared.Stack.Functions[name])]!["Properties"]!.AsObject();

    private IReadOnlyList<JsonObject> Statements(string name) =>
        Policies.StatementsOfRole(shared.Json, shared.Stack.LogicalId(shared.Stack.Functions[name].Role!));

    [Fact]
    public void EveryCatalogFunction_IsTheNativeBootstrapOnProvidedAl2023Arm64_WithTheCatalogHandler()
    {
        Assert.Equal(FunctionCatalog.All.Count, shared.Stack.Functions.ByName.Count);
        foreach (var task in FunctionCatalog.All)
        {
            var function = Function(task.Name);
            Assert.Equal("provided.al2023", (string?)function["Runtime"]);
            Assert.Equal("arm64", (string?)Assert.Single(function["Architectures"]!.AsArray()));
            // The bootstrap serves the catalog function whose handler string Lambda passes it as _HANDLER (Functions/Runtime/LambdaRuntime.cs).
            Assert.Equal(task.Handler, (string?)function["Handler"]);
        }
    }

    /// <summary>
    /// What the stack bundles is the build the functions are deployed as: a Native AOT publish (an OS-only runtime
    /// starts a native executable named bootstrap; the managed runtime would need an assembly) of the project whose
    /// output is that bootstrap, for the functions' architecture.
    /// </summary>
    [Fact]
    public void BundledBuild_IsTheNativeAotBootstrapForTheFunctionsArchitecture()
    {
        var arguments = FunctionCode.PublishCommand.Split(' ');
        var architecture = (string?)Assert.Single(Function("StartCrawler")["Architectures"]!.AsArray());

        Assert.Equal(["dotnet", "publish"], arguments[..2]);
        Assert.Equal("linux-" + architecture, arguments[Array.IndexOf(arguments, "-r") + 1]);
        Assert.Contains("-p:PublishAot=true", arguments);
        var project = System.Xml.Linq.XDocument.Load(RepoPaths.Combine(arguments[2]));
        Assert.Equal("Exe", project.Descendants("OutputType").Single().Value);
        Assert.Equal(FunctionCode.Bootstrap, project.Descendants("AssemblyName").Single().Value);
        Assert.Equal("provided.al2023", (string?)Function("StartCrawler")["Runtime"]);
    }

    [Fact]
    public void EveryFunction_HasItsOwnRole()
    {
        var roles = FunctionCatalog.All.Select(task => shared.Stack.LogicalId(shared.Stack.Functions[task.Name].Role!)).ToHashSet();

        Assert.Equal(FunctionCatalog.All.Count, roles.Count);
    }

    [Fact]
    public void IdentityPolicies_HaveNoWildcardActions()
    {
        var wildcards = Policies.All(shared.Json)
            .SelectMany(pair => Policies.Actions(pair.Statement).Where(action => action.Contains('*', StringComparison.Ordinal)).Select(action => $"{pair.Owner}: {action}"))
            .ToList();

        Assert.Empty(wildcards);
    }

    /// <remarks>What each role allows with a dataset, both ways, is TaskRolesTests'; without one the refresh states are skipped.</remarks>
    [Theory]
    [InlineData("RefreshDataset")]
    [InlineData("GetRefreshStatus")]
    public void Role_WithoutQuickSightDataset_AllowsOnlyItsLogs(string task)
    {
        var actions = Statements(task).SelectMany(Policies.Actions).Where(action => !action.StartsWith("logs:", StringComparison.Ordinal));

        Assert.Empty(actions);
    }

    [Theory]
    [InlineData("StartEtlJob")]
    [InlineData("GetJobRun")]
    public void JobTasks_ReadOnlyManifests(string task)
    {
        var read = Assert.Single(Statements(task), statement => Policies.Actions(statement).Contains("s3:GetObject"));

        Assert.EndsWith("/manifests/*", Assert.Single(Policies.Resources(read)).ToJsonString().TrimEnd('"', ']', '}'), StringComparison.Ordinal);
    }

    [Fact]
    public void QuickSightDatasetId_FromContext_AllowsTheIngestionCallsOnThatDataset()
    {
        var (stack, template) = Synth.Stack(new() { ["quickSightDatasetId"] = "sales-1" });
        var json = template.Json();
        var statements = Policies.StatementsOfRole(json, stack.LogicalId(stack.Functions["RefreshDataset"].Role!));

        var create = Assert.Single(statements, statement => Policies.Actions(statement).Contains("quicksight:CreateIngestion"));
        Assert.Contains(":dataset/sales-1\"", string.Join(" ", Policies.Resources(create).Select(resource => resource.ToJsonString())), StringComparison.Ordinal);
        var status = Policies.StatementsOfRole(json, stack.LogicalId(stack.Functions["GetRefreshStatus"].Role!));
        Assert.Contains(status, statement => Policies.Actions(statement).SequenceEqual(["quicksight:DescribeIngestion"]));
    }

    [Fact]
    public void Environment_NamesTheAwsSettingsVariablesOfEachTask()
    {
        var validation = Function("StartValidation")["Environment"]!["Variables"]!.AsObject();

        Assert.NotNull(validation[AwsSettings.AthenaWorkGroupVariable]);
        Assert.Equal("purchase_pipeline", (string?)validation[AwsSettings.AthenaDatabaseVariable]);
        Assert.NotNull(Function("GetJobRun")["Environment"]!["Variables"]![AwsSettings.LakeBucketVariable]);
        Assert.NotNull(Function("StartEtlJob")["Environment"]!["Variables"]![AwsSettings.LakeBucketVariable]);
        Assert.NotNull(Function("RefreshDataset")["Environment"]!["Variables"]![AwsSettings.QuickSightAccountIdVariable]);
    }

    [Fact]
    public void FunctionsPath_FromContext_IsTheCodeAsset()
    {
        var folder = Directory.CreateTempSubdirectory("functions-");
        File.WriteAllText(Path.Combine(folder.FullName, FunctionCode.Bootstrap), "stand-in");

        var (stack, _) = Synth.Stack(new() { ["functionsPath"] = folder.FullName });

        Assert.Equal(FunctionCatalog.All.Count, stack.Functions.ByName.Count);
    }
}
