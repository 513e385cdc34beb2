using PurchasePipeline.States.Intrinsics;

namespace PurchasePipeline.States.Tests;

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-generic
// and "Reserved characters in intrinsic functions" on the same page.
public sealed class IntrinsicsFormatTests
{
    private const string GuideInput = """{"name": "Arnav", "template": "Hello, my name is {}."}""";

    [Theory]
    [InlineData("States.Format('Hello, my name is {}.', $.name)")]
    [InlineData("States.Format($.template, $.name)")]
    public void Format_GuideExamples_FillThePlaceholder(string expression)
    {
        Assert.Equal("Hello, my name is Arnav.", FakePaths.Evaluate(expression, GuideInput)!.GetValue<string>());
    }

    [Fact]
    public void Format_EscapedBraces_AreLiteralNotPlaceholders()
    {
        var result = FakePaths.Evaluate(@"States.Format('escaped \{\} and {}', $.name)", GuideInput);

        Assert.Equal("escaped {} and Arnav", result!.GetValue<string>());
    }

    [Fact]
    public void Format_EscapedQuoteAndBackslash_AreLiteral()
    {
        var result = FakePaths.Evaluate(@"States.Format('it\'s {} \\ done', $.name)", GuideInput);

        Assert.Equal(@"it's Arnav \ done", result!.GetValue<string>());
    }

    [Fact]
    public void Format_NumbersBooleansAndNull_UseTheirJsonText()
    {
        var result = FakePaths.Evaluate("States.Format('{} {} {} {} {}', 42, 1.5, true, null, $.n)", """{"n": -7}""");

        Assert.Equal("42 1.5 true null -7", result!.GetValue<string>());
    }

    [Fact]
    public void Format_ObjectValue_Fails()
    {
        var e = Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.Format('{}', $.o)", """{"o": {"a": 1}}"""));

        Assert.StartsWith("States.Format: argument 2 must be a string, number, boolean or null", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("States.Format('{} {}', 'a')")]
    [InlineData("States.Format('{}', 'a', 'b')")]
    [InlineData("States.Format('{}.{}.{}', 'a', 'b')")]
    public void Format_PlaceholderCountDiffersFromValues_Fails(string expression)
    {
        var e = Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate(expression, "{}"));

        Assert.Contains("placeholders", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_TemplateNotString_Fails()
    {
        Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.Format(1)", "{}"));
    }

    [Fact]
    public void Format_NoArguments_FailsNamingTheFunction()
    {
        var e = Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.Format()", "{}"));

        Assert.Equal("States.Format takes at least 1 argument, got 0", e.Message);
    }
}
