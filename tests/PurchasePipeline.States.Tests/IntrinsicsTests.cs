using System.Text.Json.Nodes;
using AslIntrinsics = PurchasePipeline.States.Intrinsics.Intrinsics;

namespace PurchasePipeline.States.Tests;

// Examples are those of the AWS guide, "Intrinsic functions for JSONPath states in Step Functions":
// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
public sealed class IntrinsicsTests
{
    [Fact]
    public void Evaluate_GuideArrayExample_WrapsTheValue()
    {
        var result = FakePaths.Evaluate("States.Array($.Id)", """{"Id": 123456}""");

        Assert.Equal("[123456]", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_LiteralsOfEveryKind_KeepTheirValues()
    {
        var result = FakePaths.Evaluate("States.Array('a', 1, 2.5, -3, 1e2, true, false, null)", "{}");

        Assert.Equal("""["a",1,2.5,-3,1e2,true,false,null]""", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_NoArguments_ReturnsEmptyArray()
    {
        Assert.Equal("[]", FakePaths.Evaluate("States.Array()", "{}")!.ToJsonString());
    }

    [Fact]
    public void Evaluate_ContextObjectPath_ResolvesThroughTheDelegate()
    {
        var result = FakePaths.Evaluate("States.Format('run {}', $$.Execution.Id)", "{}", """{"Execution": {"Id": "arn:exec:1"}}""");

        Assert.Equal("run arn:exec:1", result!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_WholeInputPath_PassesDollarToTheDelegate()
    {
        var result = FakePaths.Evaluate("States.JsonToString($)", """{"a": 1}""");

        Assert.Equal("""{"a":1}""", result!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_BracketPathWithCommaAndParenthesis_IsOneArgument()
    {
        // The guide: field names outside member-name-shorthand need bracket notation, e.g. $.abc.['def ghi'].
        var result = FakePaths.Evaluate("States.Array($['a, (b)'], $.c)", """{"a, (b)": 1, "c": 2}""");

        Assert.Equal("[1,2]", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_NineNestedFunctionsOfTheGuide_Evaluate()
    {
        // The guide's myArn example nests nine functions; its template has three {} for two values,
        // which the same page says must match, so this uses two placeholders.
        const string expression = "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))";

        var result = FakePaths.Evaluate(expression, """{"ImageRecipe": {"Arn": "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/1.0.0"}}""");

        Assert.Equal("1.0", result!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_ResolverThrows_ExceptionPropagates()
    {
        var e = Assert.Throws<InvalidOperationException>(() => FakePaths.Evaluate("States.Array($.missing)", "{}"));

        Assert.Contains("$.missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PathValue_IsCopiedNotMoved()
    {
        var input = JsonNode.Parse("""{"item": {"k": "v"}}""")!;

        var result = AslIntrinsics.Evaluate("States.Array($.item)", path => FakePaths.Resolve(input, null, path));
        var holder = new JsonObject { ["copy"] = result };

        Assert.Equal("""{"k":"v"}""", input["item"]!.ToJsonString());
        Assert.Equal("""{"copy":[{"k":"v"}]}""", holder.ToJsonString());
    }
}

/// <summary>A hand-written path resolver for intrinsic tests: $ and $$ roots, .name, ['name'] and [index].</summary>
internal static class FakePaths
{
    public static JsonNode? Evaluate(string expression, string inputJson, string? contextJson = null)
    {
        var input = JsonNode.Parse(inputJson);
        var context = contextJson is null ? null : JsonNode.Parse(contextJson);
        return AslIntrinsics.Evaluate(expression, path => Resolve(input, context, path));
    }

    public static JsonNode? Resolve(JsonNode? input, JsonNode? context, string path)
    {
        var node = path.StartsWith("$$", StringComparison.Ordinal) ? context : input;
        var rest = path.TrimStart('$');
        while (rest.Length > 0)
        {
            string step;
            if (rest.StartsWith("['", StringComparison.Ordinal))
            {
                var end = rest.IndexOf("']", StringComparison.Ordinal);
                step = rest[2..end];
                rest = rest[(end + 2)..];
                node = node?[step];
            }
            else if (rest[0] == '[')
            {
                var end = rest.IndexOf(']', StringComparison.Ordinal);
                var index = int.Parse(rest[1..end], System.Globalization.CultureInfo.InvariantCulture);
                rest = rest[(end + 1)..];
                node = node is JsonArray a && index < a.Count ? a[index] : throw new InvalidOperationException("no such path " + path);
                continue;
            }
            else
            {
                rest = rest[1..];
                var end = rest.IndexOfAny(['.', '[']);
                step = end < 0 ? rest : rest[..end];
                rest = end < 0 ? string.Empty : rest[end..];
                node = node?[step];
            }

            if (node is null && !(input is JsonObject o && o.ContainsKey(step)))
            {
                throw new InvalidOperationException("no such path " + path);
            }
        }

        return node;
    }
}
