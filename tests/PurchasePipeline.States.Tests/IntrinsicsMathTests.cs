using PurchasePipeline.States.Intrinsics;

namespace PurchasePipeline.States.Tests;

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-math-operation
public sealed class IntrinsicsMathTests
{
    [Fact]
    public void MathRandom_GuideExample_IsWithinStartInclusiveEndExclusive()
    {
        for (var i = 0; i < 200; i++)
        {
            var value = FakePaths.Evaluate("States.MathRandom($.start, $.end)", """{"start": 1, "end": 999}""")!.GetValue<long>();

            Assert.InRange(value, 1, 998);
        }
    }

    [Fact]
    public void MathRandom_RangeOfOne_ReturnsTheStart()
    {
        Assert.Equal(5, FakePaths.Evaluate("States.MathRandom(5, 6)", "{}")!.GetValue<long>());
    }

    [Fact]
    public void MathRandom_SameSeed_ReturnsTheSameNumber()
    {
        // "if you use this function with the same seed value, it will return identical numbers."
        var first = FakePaths.Evaluate("States.MathRandom(1, 1000000, 42)", "{}")!.GetValue<long>();
        var second = FakePaths.Evaluate("States.MathRandom(1, 1000000, $.seed)", """{"seed": 42}""")!.GetValue<long>();

        Assert.Equal(first, second);
    }

    [Fact]
    public void MathRandom_EndNotAfterStart_Fails()
    {
        var e = Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.MathRandom(5, 5)", "{}"));

        Assert.StartsWith("States.MathRandom:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MathRandom_NonNumber_Fails()
    {
        Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.MathRandom('1', 5)", "{}"));
    }

    [Fact]
    public void MathAdd_GuideExample_SubtractsOne()
    {
        var result = FakePaths.Evaluate("States.MathAdd($.value1, $.step)", """{"value1": 111, "step": -1}""");

        Assert.Equal(110, result!.GetValue<long>());
    }

    [Theory]
    [InlineData("1.5", "0", 2)]
    [InlineData("1.4", "0", 1)]
    [InlineData("-1.5", "0", -1)] // halves round up, as Java's Math.round does
    [InlineData("2.5", "2.5", 6)]
    public void MathAdd_NonIntegers_AreRoundedFirst(string a, string b, long expected)
    {
        Assert.Equal(expected, FakePaths.Evaluate($"States.MathAdd({a}, {b})", "{}")!.GetValue<long>());
    }

    [Fact]
    public void MathAdd_OutsideInt32_Fails()
    {
        Assert.Equal(4294967294, FakePaths.Evaluate("States.MathAdd(2147483647, 2147483647)", "{}")!.GetValue<long>());

        var e = Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.MathAdd(2147483648, 1)", "{}"));

        Assert.Contains("between -2147483648 and 2147483647", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MathAdd_StringArgument_FailsNamingTheFunction()
    {
        var e = Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.MathAdd('1', 2)", "{}"));

        Assert.Equal("States.MathAdd: argument 1 must be a number, got string \"1\"", e.Message);
    }
}
