using PurchasePipeline.Infra.Settings;
using PurchasePipeline.Infra.Tests.Support;

namespace PurchasePipeline.Infra.Tests;

[Trait("Requires", "node")]
public sealed class SettingsTests
{
    private static InfraSettingsException SynthFails(Dictionary<string, object> context) =>
        Assert.Throws<InfraSettingsException>(() => PipelineSettingsReader.Read(Synth.App(context).Node));

    [Fact]
    public void Read_NoContext_GivesTheDefaults()
    {
        var settings = PipelineSettingsReader.Read(Synth.App().Node);

        Assert.Equal(new PipelineSettings(), settings);
        Assert.False(settings.RefreshesDataset);
    }

    [Fact]
    public void Read_MalformedEmailAndNonNumericWorkers_OneErrorNamingBoth()
    {
        var error = SynthFails(new() { ["alertEmail"] = "not-an-address", ["glueWorkers"] = "many" });

        Assert.StartsWith("invalid context: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("alertEmail: 'not-an-address'", error.Message, StringComparison.Ordinal);
        Assert.Contains("glueWorkers: 'many' is not a whole number", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("glueWorkerType", "G.3X")]
    [InlineData("glueWorkers", "1")]
    [InlineData("maxPolls", "-5")]
    [InlineData("crawlerPollSeconds", "1.5")]
    [InlineData("quickSightDatasetId", "a/b")]
    [InlineData("databaseName", "Purchase-Pipeline")]
    [InlineData("functionsPath", "/no/such/folder")]
    public void Read_BadValue_ErrorNamesIt(string name, string value)
    {
        var error = SynthFails(new() { [name] = value });

        Assert.Contains($"{name}: '{value}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FunctionsPathWithoutBootstrap_NamesTheBuildToPublishThere()
    {
        var folder = Directory.CreateTempSubdirectory("functions-");
        File.WriteAllText(Path.Combine(folder.FullName, "PurchasePipeline.Functions.dll"), "a managed-runtime package");

        var error = SynthFails(new() { ["functionsPath"] = folder.FullName });

        Assert.Contains($"functionsPath: '{folder.FullName}' has no bootstrap (dotnet publish src/PurchasePipeline.Functions.Bootstrap", error.Message, StringComparison.Ordinal);
        Assert.Contains("-r linux-arm64 -p:PublishAot=true -o FOLDER)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NumberFromCdkJson_IsAccepted()
    {
        var settings = PipelineSettingsReader.Read(Synth.App(new() { ["glueWorkers"] = 4 }).Node);

        Assert.Equal(4, settings.GlueWorkers);
    }

    [Fact]
    public void CreateStack_BadContext_ThrowsBeforeAnyResource()
    {
        var app = Synth.App(new() { ["maxPolls"] = "lots" });

        Assert.Throws<InfraSettingsException>(() => PurchasePipeline.Infra.Program.CreateStack(app));
        Assert.Empty(app.Node.Children);
    }
}
