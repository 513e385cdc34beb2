using System.Text.Json.Nodes;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>aws-sdk's minified model reads as botocore's shape, and it is newer than botocore's.</summary>
public sealed class AwsSdkModelTests
{
    private const string Min = """
        {"metadata":{"protocol":"json"},"shapes":{"S1":{"type":"list","member":{}}},"operations":{
          "Get":{"input":{"type":"structure","required":["Name"],"members":{"Name":{},"Count":{"type":"integer"},"Tags":{"shape":"S1"}}},
                 "output":{"resultWrapper":"GetResult","type":"structure","members":{"Id":{"location":"header","locationName":"x-id"},"Item":{"members":{"A":{}}}}}},
          "Put":{"http":{"method":"PUT","requestUri":"/items/{Name}"},"input":{"type":"structure","members":{}}}}}
        """;

    private readonly JsonObject model = AwsSdkModel.ToBotocoreShape(JsonNode.Parse(Min)!.AsObject());

    [Fact]
    public void ToBotocoreShape_InlineInput_BecomesNamedShapeWithDefaultTypes()
    {
        var input = Shape(model["operations"]!["Get"]!["input"]!);
        Assert.Equal("structure", (string)input["type"]!);
        Assert.Equal(["Name"], input["required"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("string", (string)Shape(input["members"]!["Name"]!)["type"]!);
        Assert.Equal("integer", (string)Shape(input["members"]!["Count"]!)["type"]!);
        Assert.Equal("S1", (string)input["members"]!["Tags"]!["shape"]!);
        Assert.Equal("string", (string)Shape(Shape(input["members"]!["Tags"]!)["member"]!)["type"]!);
    }

    [Fact]
    public void ToBotocoreShape_ReferenceKeys_StayOnTheReference()
    {
        var output = model["operations"]!["Get"]!["output"]!;
        Assert.Equal("GetResult", (string)output["resultWrapper"]!);
        var id = Shape(output)["members"]!["Id"]!;
        Assert.Equal("header", (string)id["location"]!);
        Assert.Equal("x-id", (string)id["locationName"]!);
        Assert.Null(Shape(id)["location"]);
        Assert.Equal("structure", (string)Shape(Shape(output)["members"]!["Item"]!)["type"]!);
    }

    [Fact]
    public void ToBotocoreShape_OperationWithoutHttp_IsPostToRootAsInTheSdk()
    {
        Assert.Equal("""{"method":"POST","requestUri":"/"}""", model["operations"]!["Get"]!["http"]!.ToJsonString());
        Assert.Equal("PUT", (string)model["operations"]!["Put"]!["http"]!["method"]!);
    }

    [Fact]
    [Trait("Requires", "aws-sdk")]
    public void ToBotocoreShape_ModelShapedValue_IsCheckedAsInBotocore()
    {
        var glue = ServiceModel.Load("glue", ModelSource.AwsSdk);
        var checker = new ShapeChecker(glue);
        Assert.Empty(checker.Check(JsonNode.Parse("""{"JobName":"j","RunId":"r","PredecessorsIncluded":true}"""), glue.InputShape("GetJobRun"), "$"));
        Assert.Equal(
            ["$.PredecessorsIncluded: expected a boolean", "$.RunId: required member is missing"],
            checker.Check(JsonNode.Parse("""{"JobName":"j","PredecessorsIncluded":"yes"}"""), glue.InputShape("GetJobRun"), "$"));
    }

    [Fact]
    [Trait("Requires", "botocore")]
    [Trait("Requires", "aws-sdk")]
    public void Load_AwsSdkGlueJobRun_HasMembersBotocoreLacks()
    {
        // The reason for the second source: Glue's JobRun gained JobMode after botocore 1.29.27.
        static JsonObject JobRun(ServiceModel glue) =>
            glue.Shape((string)glue.Shape(glue.OutputShape("GetJobRun"))["members"]!["JobRun"]!["shape"]!)["members"]!.AsObject();

        Assert.False(JobRun(ServiceModel.Load("glue")).ContainsKey("JobMode"));
        Assert.True(JobRun(ServiceModel.Load("glue", ModelSource.AwsSdk)).ContainsKey("JobMode"));
    }

    private JsonObject Shape(JsonNode reference) => model["shapes"]![(string)reference["shape"]!]!.AsObject();
}
