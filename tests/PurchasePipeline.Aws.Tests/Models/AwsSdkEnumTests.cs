using System.Text.RegularExpressions;
using PurchasePipeline.Core.Tasks;
using Xunit.Abstractions;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>
/// aws-sdk's min.json has no enums, but its TypeScript client (clients/&lt;service&gt;.d.ts) lists each enum's
/// current values (<c>export type JobRunState = "STARTING"|…|string;</c>). The enums we read kept every value
/// botocore's 2022 model has, and the values added since are ones our state handling knows.
/// </summary>
[Trait("Requires", "botocore")]
[Trait("Requires", "aws-sdk")]
public sealed partial class AwsSdkEnumTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("glue", "JobRunState")]
    [InlineData("glue", "CrawlerState")]
    [InlineData("glue", "LastCrawlStatus")]
    [InlineData("athena", "QueryExecutionState")]
    [InlineData("quicksight", "IngestionStatus")]
    [InlineData("stepfunctions", "ExecutionStatus")]
    public void Enum_CurrentValues_KeepEveryBotocoreValue(string service, string shape)
    {
        var old = Botocore(service, shape);
        var current = Current(service, shape);
        output.WriteLine($"{shape} added since botocore: [{string.Join(", ", current.Except(old))}]");
        Assert.Empty(old.Except(current));
    }

    [Fact]
    public void JobRunState_ValuesAddedSinceBotocore_EndARunUnsuccessfully()
    {
        var added = Current("glue", "JobRunState").Except(Botocore("glue", "JobRunState")).ToList();
        Assert.NotEmpty(added);
        Assert.All(added, state => Assert.Contains(state, TaskStates.JobEndedUnsuccessfully));
    }

    private static string[] Botocore(string service, string shape) =>
        [.. ServiceModel.Load(service).Shape(shape)["enum"]!.AsArray().Select(v => (string)v!)];

    private static string[] Current(string service, string shape)
    {
        var typings = Path.Combine(ServiceModel.AwsSdk, "clients", service + ".d.ts");
        var match = new Regex($@"export type {shape} = ((?:""[^""]*""\|)+)string;").Match(File.ReadAllText(typings));
        Assert.True(match.Success, $"{typings} has no enum type {shape}");
        return [.. Quoted().Matches(match.Groups[1].Value).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"""([^""]*)""")]
    private static partial Regex Quoted();
}
