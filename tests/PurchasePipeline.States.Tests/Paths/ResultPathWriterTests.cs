using System.Text.Json.Nodes;
using PurchasePipeline.States.Paths;
using PurchasePipeline.States.Tests.Support;

namespace PurchasePipeline.States.Tests.Paths;

/// <summary>ResultPath placement rules of https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html.</summary>
public sealed class ResultPathWriterTests
{
    [Theory]
    [InlineData("$", """{ "a": 1 }""", "\"r\"")]
    [InlineData("$.b", """{ "a": 1 }""", """{ "a": 1, "b": "r" }""")]
    [InlineData("$.a", """{ "a": 1 }""", """{ "a": "r" }""")]
    [InlineData("$.x.y", """{ "a": 1 }""", """{ "a": 1, "x": { "y": "r" } }""")]
    [InlineData("$.x.y", """{ "x": null }""", """{ "x": { "y": "r" } }""")]
    [InlineData("$.l[0].y", """{ "l": [ { "z": 0 } ] }""", """{ "l": [ { "z": 0, "y": "r" } ] }""")]
    [InlineData("$['odd key']", "{}", """{ "odd key": "r" }""")]
    public void TryApply_PlaceablePath_PlacesTheResult(string path, string input, string expected)
    {
        var original = JsonNode.Parse(input);

        Assert.True(ResultPathWriter.TryApply(original, JsonPath.Parse(path), JsonValue.Create("r"), out var output, out _));

        JsonAssert.Equal(expected, output);
        JsonAssert.Equal(input, original);
    }

    [Theory]
    [InlineData("$.a.b", """{ "a": 1 }""")]
    [InlineData("$.a", "[ 1 ]")]
    [InlineData("$[0]", """{ "a": 1 }""")]
    [InlineData("$.l[2]", """{ "l": [ 1 ] }""")]
    public void TryApply_ImpossiblePlacement_FailsNamingThePath(string path, string input)
    {
        Assert.False(ResultPathWriter.TryApply(JsonNode.Parse(input), JsonPath.Parse(path), JsonValue.Create("r"), out _, out var failure));

        Assert.Contains(path, failure, StringComparison.Ordinal);
    }
}
