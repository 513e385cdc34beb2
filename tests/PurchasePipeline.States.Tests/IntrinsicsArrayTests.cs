using System.Text.Json.Nodes;
using PurchasePipeline.States.Intrinsics;
using AslIntrinsics = PurchasePipeline.States.Intrinsics.Intrinsics;

namespace PurchasePipeline.States.Tests;

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays
public sealed class IntrinsicsArrayTests
{
    private const string GuideInput = """{"inputArray": [1,2,3,4,5,6,7,8,9], "lookingFor": 5, "index": 5}""";

    [Fact]
    public void ArrayPartition_GuideExample_LastChunkHoldsTheRest()
    {
        var result = FakePaths.Evaluate("States.ArrayPartition($.inputArray,4)", GuideInput);

        Assert.Equal("[[1,2,3,4],[5,6,7,8],[9]]", result!.ToJsonString());
    }

    [Fact]
    public void ArrayPartition_ChunkSizeZero_Fails()
    {
        var e = Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.ArrayPartition($.inputArray, 0)", GuideInput));

        Assert.StartsWith("States.ArrayPartition:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArrayPartition_NonIntegerChunkSize_IsRounded()
    {
        // "If you specify a non-integer value for the second argument, Step Functions will round it off".
        var result = FakePaths.Evaluate("States.ArrayPartition($.inputArray, 3.6)", GuideInput);

        Assert.Equal("[[1,2,3,4],[5,6,7,8],[9]]", result!.ToJsonString());
    }

    [Fact]
    public void ArrayPartition_FirstArgumentNotArray_FailsNamingTheFunction()
    {
        var e = Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.ArrayPartition($.lookingFor, 2)", GuideInput));

        Assert.Equal("States.ArrayPartition: argument 1 must be an array, got number 5", e.Message);
    }

    [Fact]
    public void ArrayContains_GuideExample_ReturnsTrue()
    {
        Assert.True(FakePaths.Evaluate("States.ArrayContains($.inputArray, $.lookingFor)", GuideInput)!.GetValue<bool>());
    }

    [Fact]
    public void ArrayContains_ObjectValue_ComparesDeeply()
    {
        var result = FakePaths.Evaluate("States.ArrayContains($.items, $.wanted)", """{"items": [{"a": [1]}, 2], "wanted": {"a": [1]}}""");

        Assert.True(result!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"a": ["x"]}""", "'x'")]
    [InlineData("""{"a": [true]}""", "true")]
    [InlineData("""{"a": [null]}""", "null")]
    [InlineData("""{"a": [2.5]}""", "2.5")]
    public void ArrayContains_LiteralAgainstInputValue_Matches(string input, string literal)
    {
        Assert.True(FakePaths.Evaluate($"States.ArrayContains($.a, {literal})", input)!.GetValue<bool>());
    }

    [Fact]
    public void ArrayContains_MissingValue_ReturnsFalse()
    {
        Assert.False(FakePaths.Evaluate("States.ArrayContains($.inputArray, 10)", GuideInput)!.GetValue<bool>());
    }

    [Fact]
    public void ArrayRange_GuideExample_StepsByTwo()
    {
        Assert.Equal("[1,3,5,7,9]", FakePaths.Evaluate("States.ArrayRange(1, 9, 2)", "{}")!.ToJsonString());
    }

    [Fact]
    public void ArrayRange_NegativeStep_CountsDown()
    {
        Assert.Equal("[3,2,1]", FakePaths.Evaluate("States.ArrayRange(3, 1, -1)", "{}")!.ToJsonString());
    }

    [Fact]
    public void ArrayRange_ZeroStep_Fails()
    {
        Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.ArrayRange(1, 9, 0)", "{}"));
    }

    [Fact]
    public void ArrayRange_MoreThan1000Items_Fails()
    {
        Assert.Equal(1000, FakePaths.Evaluate("States.ArrayRange(1, 1000, 1)", "{}")!.AsArray().Count);

        var e = Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.ArrayRange(1, 1001, 1)", "{}"));

        Assert.Contains("1001 items", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArrayGetItem_GuideExample_ReturnsTheSixthItem()
    {
        Assert.Equal(6, FakePaths.Evaluate("States.ArrayGetItem($.inputArray, $.index)", GuideInput)!.GetValue<int>());
    }

    [Theory]
    [InlineData("9")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("'1'")]
    public void ArrayGetItem_BadIndex_Fails(string index)
    {
        Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate($"States.ArrayGetItem($.inputArray, {index})", GuideInput));
    }

    [Fact]
    public void ArrayLength_GuideExample_ReturnsNine()
    {
        Assert.Equal(9, FakePaths.Evaluate("States.ArrayLength($.inputArray)", GuideInput)!.GetValue<int>());
    }

    [Fact]
    public void ArrayUnique_GuideExample_KeepsFirstOccurrences()
    {
        var result = FakePaths.Evaluate("States.ArrayUnique($.inputArray)", """{"inputArray": [1,2,3,3,3,3,3,3,4]}""");

        Assert.Equal("[1,2,3,4]", result!.ToJsonString());
    }

    [Fact]
    public void ArrayUnique_Objects_ComparedByValue()
    {
        var result = FakePaths.Evaluate("States.ArrayUnique($.a)", """{"a": [{"x": 1}, "x", {"x": 1}, null, null]}""");

        Assert.Equal("""[{"x":1},"x",null]""", result!.ToJsonString());
    }

    [Fact]
    public void ArrayUnique_Result_IsDetachedFromTheInput()
    {
        var input = JsonNode.Parse("""{"a": [{"x": 1}]}""");

        var result = AslIntrinsics.Evaluate("States.ArrayUnique($.a)", p => FakePaths.Resolve(input, null, p));

        Assert.Null(result!.AsArray()[0]!.Parent!.Parent);
    }
}
