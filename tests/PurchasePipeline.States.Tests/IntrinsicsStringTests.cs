using System.Text.RegularExpressions;
using PurchasePipeline.States.Intrinsics;

namespace PurchasePipeline.States.Tests;

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-string-operation
// and #asl-intrsc-func-uuid-generate
public sealed partial class IntrinsicsStringTests
{
    [Fact]
    public void StringSplit_GuideSingleDelimiter_Splits()
    {
        var result = FakePaths.Evaluate("States.StringSplit($.inputString, $.splitter)", """{"inputString": "1,2,3,4,5", "splitter": ","}""");

        Assert.Equal("""["1","2","3","4","5"]""", result!.ToJsonString());
    }

    [Fact]
    public void StringSplit_GuideDelimiterSet_SplitsOnEachCharacter()
    {
        var result = FakePaths.Evaluate("States.StringSplit($.inputString, $.splitter)", """{"inputString": "This.is+a,test=string", "splitter": ".+,="}""");

        Assert.Equal("""["This","is","a","test","string"]""", result!.ToJsonString());
    }

    [Theory]
    [InlineData(",,,,", "[]")]
    [InlineData(" , ", """[" "," "]""")]
    [InlineData("", "[]")]
    public void StringSplit_EmptyPieces_AreDropped(string text, string expected)
    {
        Assert.Equal(expected, FakePaths.Evaluate($"States.StringSplit('{text}', ',')", "{}")!.ToJsonString());
    }

    [Fact]
    public void StringSplit_EmptySplitter_ReturnsTheWholeString()
    {
        Assert.Equal("""["a b"]""", FakePaths.Evaluate("States.StringSplit('a b', '')", "{}")!.ToJsonString());
    }

    [Fact]
    public void StringSplit_NotString_Fails()
    {
        Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.StringSplit($.a, ',')", """{"a": [1]}"""));
    }

    [Fact]
    public void Uuid_NoArguments_ReturnsDistinctVersion4Uuids()
    {
        var first = FakePaths.Evaluate("States.UUID()", "{}")!.GetValue<string>();
        var second = FakePaths.Evaluate("States.UUID()", "{}")!.GetValue<string>();

        Assert.Matches(V4Uuid(), first);
        Assert.NotEqual(first, second);
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex V4Uuid();
}
