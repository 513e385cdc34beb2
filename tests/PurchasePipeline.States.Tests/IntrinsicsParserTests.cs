using PurchasePipeline.States.Intrinsics;

namespace PurchasePipeline.States.Tests;

// Grammar and reserved characters: https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
public sealed class IntrinsicsParserTests
{
    [Theory]
    [InlineData(@"States.Format('a\nb')")] // "If an open escape backslash \ is found ... runtime error."
    [InlineData(@"States.Format('a\')")]
    [InlineData("States.Format('abc)")]
    [InlineData("States.Array($.a")]
    [InlineData("States.Array($.a) extra")]
    [InlineData("States.Array($.a,)")]
    [InlineData("States.Array(,)")]
    [InlineData("States.Array(1.2.3)")]
    [InlineData("States.Array(\"double quotes\")")]
    [InlineData("States.Array($['open)")]
    [InlineData("$.notACall")]
    [InlineData("")]
    public void Parse_Malformed_Fails(string expression)
    {
        var e = Assert.Throws<IntrinsicFailureException>(() => Intrinsics.Intrinsics.Parse(expression));

        Assert.Contains("invalid intrinsic function", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("States.Nope(1)", "'States.Nope' is not an intrinsic function")]
    [InlineData("Format('x')", "'Format' is not an intrinsic function")]
    [InlineData("states.Array()", "'states.Array' is not an intrinsic function")]
    public void Parse_UnknownFunction_FailsNamingIt(string expression, string expected)
    {
        var e = Assert.Throws<IntrinsicFailureException>(() => Intrinsics.Intrinsics.Parse(expression));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("States.ArrayLength()", "States.ArrayLength takes 1 argument, got 0")]
    [InlineData("States.UUID(1)", "States.UUID takes 0 arguments, got 1")]
    [InlineData("States.MathRandom(1)", "States.MathRandom takes 2 to 3 arguments, got 1")]
    [InlineData("States.JsonMerge($.a, $.b)", "States.JsonMerge takes 3 arguments, got 2")]
    public void Parse_WrongArgumentCount_FailsNamingTheFunction(string expression, string expected)
    {
        var e = Assert.Throws<IntrinsicFailureException>(() => Intrinsics.Intrinsics.Parse(expression));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Parse_TenNestedCalls_Accepted_ElevenFail()
    {
        // "You can nest up to 10 intrinsic functions within a field."
        static string Nest(int depth) => depth == 1 ? "States.Array(1)" : $"States.Array({Nest(depth - 1)})";

        Intrinsics.Intrinsics.Parse(Nest(10));
        var e = Assert.Throws<IntrinsicFailureException>(() => Intrinsics.Intrinsics.Parse(Nest(11)));

        Assert.Contains("nest at most 10", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhitespaceAroundArguments_Accepted()
    {
        var call = Intrinsics.Intrinsics.Parse("  States.Format ( '{}' ,  $.a  )  ");

        Assert.Equal("States.Format", call.Name);
        Assert.Equal(new PathArgument("$.a"), call.Arguments[1]);
    }

    [Fact]
    public void Parse_StringLiteral_KeepsRawTextForFormat()
    {
        var call = Intrinsics.Intrinsics.Parse(@"States.Format('a\{b')");

        var literal = Assert.IsType<LiteralArgument>(call.Arguments[0]);
        Assert.Equal("a{b", literal.Value!.GetValue<string>());
        Assert.Equal(@"a\{b", literal.RawText);
    }
}
