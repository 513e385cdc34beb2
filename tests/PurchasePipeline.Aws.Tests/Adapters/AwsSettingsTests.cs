using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Aws.Tests.Adapters;

/// <summary>The AWS plane's settings: what is required, and that a missing one is named in a one-line error.</summary>
public sealed class AwsSettingsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void FromEnvironment_RegionMissingOrWhitespace_ThrowsNamingAwsRegion(string? region)
    {
        var error = Assert.Throws<MissingSettingException>(() => AwsSettings.FromEnvironment(Environment(region)));

        Assert.Equal("AWS_REGION", error.Variable);
        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("eu-west-1", "us-east-2", "eu-west-1")]
    [InlineData(null, "us-east-2", "us-east-2")]
    [InlineData(" ", "us-east-2", "us-east-2")]
    public void ReadRegion_AwsRegionThenAwsDefaultRegion_AsTheAwsCliReadsThem(string? region, string? defaultRegion, string expected)
    {
        // The AWS CLI's precedence: AWS_REGION, then AWS_DEFAULT_REGION (docs.aws.amazon.com/cli, "Environment variables to configure the AWS CLI").
        var environment = (string name) => name switch
        {
            AwsSettings.RegionVariable => region,
            AwsSettings.DefaultRegionVariable => defaultRegion,
            _ => null,
        };

        Assert.Equal(expected, AwsSettings.ReadRegion(environment));
        Assert.Equal(expected, AwsSettings.FromEnvironment(environment).Region);
    }

    [Fact]
    public void FromEnvironment_EveryVariableSet_ReadsEachTrimmed()
    {
        var settings = AwsSettings.FromEnvironment(name => " " + name.ToLowerInvariant() + " ");

        IEnumerable<string?> read = [settings.Region, settings.LakeBucket, settings.AthenaWorkGroup, settings.AthenaDatabase, settings.AthenaOutputLocation, settings.QuickSightAccountId];
        Assert.Equal(["aws_region", "lake_bucket", "athena_workgroup", "athena_database", "athena_output_location", "quicksight_account_id"], read);
    }

    [Fact]
    public void FromEnvironment_OnlyTheRegion_LeavesTheOthersForTheAdaptersToAskFor()
    {
        var settings = AwsSettings.FromEnvironment(Environment("eu-west-1", other: "  "));

        Assert.Equal("eu-west-1", settings.Region);
        Assert.All([settings.LakeBucket, settings.AthenaWorkGroup, settings.AthenaDatabase, settings.AthenaOutputLocation, settings.QuickSightAccountId], Assert.Null);
    }

    [Theory]
    [InlineData(AwsSettings.LakeBucketVariable)]
    [InlineData(AwsSettings.AthenaWorkGroupVariable)]
    [InlineData(AwsSettings.AthenaDatabaseVariable)]
    [InlineData(AwsSettings.QuickSightAccountIdVariable)]
    public void Required_WhitespaceFromTheEnvironment_ThrowsOneLineNamingTheVariable(string variable)
    {
        var settings = AwsSettings.FromEnvironment(Environment("eu-west-1", other: " \t "));
        var value = variable switch
        {
            AwsSettings.LakeBucketVariable => settings.LakeBucket,
            AwsSettings.AthenaWorkGroupVariable => settings.AthenaWorkGroup,
            AwsSettings.AthenaDatabaseVariable => settings.AthenaDatabase,
            _ => settings.QuickSightAccountId,
        };

        var error = Assert.Throws<MissingSettingException>(() => AwsSettings.Required(value, variable, "what it is for"));

        Assert.Equal(variable, error.Variable);
        Assert.Equal($"environment variable {variable} is not set (what it is for)", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Required_MissingOrWhitespace_Throws(string? value) =>
        Assert.Throws<MissingSettingException>(() => AwsSettings.Required(value, "LAKE_BUCKET", "the lake bucket"));

    [Fact]
    public void Required_Set_ReturnsTheValue() =>
        Assert.Equal("lake", AwsSettings.Required("lake", "LAKE_BUCKET", "the lake bucket"));

    private static Func<string, string?> Environment(string? region, string? other = null) =>
        name => name == AwsSettings.RegionVariable ? region : other;
}
