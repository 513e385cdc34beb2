using PurchasePipeline.States.Intrinsics;

namespace PurchasePipeline.States.Tests;

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-json-manipulate
public sealed class IntrinsicsJsonTests
{
    [Fact]
    public void JsonMerge_GuideExample_SecondObjectWinsShallowly()
    {
        const string input = """
            {"json1": {"a": {"a1": 1, "a2": 2}, "b": 2},
             "json2": {"a": {"a3": 1, "a4": 2}, "c": 3}}
            """;

        var result = FakePaths.Evaluate("States.JsonMerge($.json1, $.json2, false)", input);

        Assert.Equal("""{"a":{"a3":1,"a4":2},"b":2,"c":3}""", result!.ToJsonString());
    }

    [Fact]
    public void JsonMerge_DeepMergeRequested_Fails()
    {
        var e = Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.JsonMerge($.a, $.a, true)", """{"a": {}}"""));

        Assert.Contains("deep merge is not supported", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("States.JsonMerge($.a, $.n, false)")]
    [InlineData("States.JsonMerge($.a, $.a, 'false')")]
    public void JsonMerge_WrongArgumentTypes_Fail(string expression)
    {
        Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate(expression, """{"a": {}, "n": [1]}"""));
    }

    [Fact]
    public void StringToJson_GuideExample_Parses()
    {
        var result = FakePaths.Evaluate("States.StringToJson($.escapedJsonString)", """{"escapedJsonString": "{\"foo\": \"bar\"}"}""");

        Assert.Equal("""{"foo":"bar"}""", result!.ToJsonString());
    }

    [Fact]
    public void StringToJson_NotJson_Fails()
    {
        var e = Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.StringToJson('{nope')", "{}"));

        Assert.StartsWith("States.StringToJson: argument 1 is not JSON text", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonToString_GuideExample_WritesCompactJson()
    {
        var result = FakePaths.Evaluate("States.JsonToString($.unescapedJson)", """{"unescapedJson": {"foo": "bar"}}""");

        Assert.Equal("""{"foo":"bar"}""", result!.GetValue<string>());
    }

    [Fact]
    public void JsonToString_NonAsciiAndHtmlCharacters_AreNotEscaped()
    {
        var result = FakePaths.Evaluate("States.JsonToString($.v)", """{"v": {"city": "Zürich", "html": "<a&b>"}}""");

        Assert.Equal("""{"city":"Zürich","html":"<a&b>"}""", result!.GetValue<string>());
    }

    [Fact]
    public void StringToJson_OfJsonToString_RoundTrips()
    {
        var result = FakePaths.Evaluate("States.StringToJson(States.JsonToString($.v))", """{"v": [1, {"a": null}]}""");

        Assert.Equal("""[1,{"a":null}]""", result!.ToJsonString());
    }
}
