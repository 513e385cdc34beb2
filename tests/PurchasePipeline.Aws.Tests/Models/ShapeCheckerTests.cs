using System.Text.Json.Nodes;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>The model checker itself bites: a request the model rejects is reported, with the member's path.</summary>
[Trait("Requires", "botocore")]
public sealed class ShapeCheckerTests
{
    private readonly ServiceModel athena = ServiceModel.Load("athena");
    private readonly ServiceModel quickSight = ServiceModel.Load("quicksight");

    [Theory]
    [InlineData("""{"QueryString":"SELECT 1","Bogus":1}""", "$.Bogus: not a member")]
    [InlineData("""{"ClientRequestToken":"0123456789abcdef0123456789abcdef"}""", "$.QueryString: required member is missing")]
    [InlineData("""{"QueryString":"SELECT 1","ClientRequestToken":"short"}""", "$.ClientRequestToken: length 5 is below the minimum 32")]
    [InlineData("""{"QueryString":"SELECT 1","WorkGroup":"no spaces allowed"}""", "$.WorkGroup: 'no spaces allowed' does not match")]
    [InlineData("""{"QueryString":"SELECT 1","ExecutionParameters":[""]}""", "$.ExecutionParameters[0]: length 0 is below the minimum 1")]
    public void Check_RequestTheModelRejects_ReportsMemberPath(string body, string expected)
    {
        var problems = new ShapeChecker(athena).Check(JsonNode.Parse(body), "StartQueryExecutionInput", "$");
        Assert.Contains(problems, problem => problem.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void CheckScalar_IngestionIdWithSlash_ViolatesPattern() =>
        Assert.NotEmpty(new ShapeChecker(quickSight).CheckScalar("a/b", "IngestionId", "uri:IngestionId"));

    [Fact]
    public void Check_UnknownIngestionType_IsNotAnEnumValue()
    {
        var problems = new ShapeChecker(quickSight).Check(JsonNode.Parse("""{"IngestionType":"PARTIAL"}"""), "CreateIngestionRequest", "$", skipLocated: true);
        Assert.Contains(problems, problem => problem.Contains("not one of the enum values", StringComparison.Ordinal));
    }
}
