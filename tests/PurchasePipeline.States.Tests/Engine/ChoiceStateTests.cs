using PurchasePipeline.States.Tests.Support;

namespace PurchasePipeline.States.Tests.Engine;

/// <summary>
/// The Choice state, with the example and rules of https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
/// and the operators of https://states-language.net/spec.html#choice-state.
/// </summary>
public sealed class ChoiceStateTests
{
    private const string GuideExample = """
        { "StartAt": "ChoiceStateX", "States": {
            "ChoiceStateX": { "Type": "Choice",
              "Choices": [
                { "Not": { "Variable": "$.type", "StringEquals": "Private" }, "Next": "Public" },
                { "Variable": "$.value", "NumericEquals": 0, "Next": "ValueIsZero" },
                { "And": [ { "Variable": "$.value", "NumericGreaterThanEquals": 20 }, { "Variable": "$.value", "NumericLessThan": 30 } ], "Next": "ValueInTwenties" } ],
              "Default": "DefaultState" },
            "Public": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Foo", "Next": "NextState" },
            "ValueIsZero": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Zero", "Next": "NextState" },
            "ValueInTwenties": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Bar", "Next": "NextState" },
            "DefaultState": { "Type": "Fail", "Cause": "No Matches!" },
            "NextState": { "Type": "Succeed" } } }
        """;

    [Theory]
    [InlineData("""{ "type": "Private", "value": 22 }""", "ValueInTwenties")]
    [InlineData("""{ "type": "Public", "value": 22 }""", "Public")]
    [InlineData("""{ "type": "Private", "value": 0 }""", "ValueIsZero")]
    public async Task RunAsync_GuideExample_TakesTheFirstMatchingRule(string input, string expectedState)
    {
        var outcome = await Harness.RunAsync(GuideExample, input);

        Assert.Equal(ExecutionStatus.Succeeded, outcome.Result.Status);
        Assert.Equal(["ChoiceStateX", expectedState, "NextState"], outcome.StatesEntered);
    }

    [Fact]
    public async Task RunAsync_GuideExampleWithNoMatch_GoesToDefault()
    {
        var outcome = await Harness.RunAsync(GuideExample, """{ "type": "Private", "value": 50 }""");

        Assert.Equal(["ChoiceStateX", "DefaultState"], outcome.StatesEntered);
        Assert.Equal(ExecutionStatus.Failed, outcome.Result.Status);
        Assert.Equal("No Matches!", outcome.Result.Cause);
    }

    [Fact]
    public async Task RunAsync_GuideExampleWithoutTheTypeField_FailsWithStatesRuntime()
    {
        // "If the state input doesn't contain the $.type field, the execution fails".
        var outcome = await Harness.RunAsync(GuideExample, """{ "value": 22 }""");

        outcome.AssertFailed("States.Runtime", "$.type");
    }

    [Fact]
    public async Task RunAsync_NoMatchAndNoDefault_FailsWithNoChoiceMatched()
    {
        var definition = """
            { "StartAt": "C", "States": {
                "C": { "Type": "Choice", "Choices": [ { "Variable": "$.x", "NumericEquals": 1, "Next": "Done" } ] },
                "Done": { "Type": "Succeed" } } }
            """;

        var outcome = await Harness.RunAsync(definition, """{ "x": 2 }""");

        outcome.AssertFailed("States.NoChoiceMatched");
    }

    [Theory]
    [InlineData("StringEquals", "\"MyString\"", "\"MyString\"", true)]
    [InlineData("StringEquals", "\"MyString\"", "\"mystring\"", false)]
    [InlineData("StringGreaterThan", "\"MyStringABC\"", "\"MyStringABD\"", true)]
    [InlineData("StringLessThan", "\"b\"", "\"B\"", true)]
    [InlineData("StringLessThanEquals", "\"abc\"", "\"abc\"", true)]
    [InlineData("StringGreaterThanEquals", "\"abc\"", "\"abb\"", false)]
    [InlineData("NumericEquals", "1", "1.0", true)]
    [InlineData("NumericEquals", "1", "\"1\"", false)]
    [InlineData("NumericLessThan", "10", "9.5", true)]
    [InlineData("NumericGreaterThan", "10", "10", false)]
    [InlineData("NumericLessThanEquals", "10", "10", true)]
    [InlineData("NumericGreaterThanEquals", "-3", "-2", true)]
    [InlineData("BooleanEquals", "true", "true", true)]
    [InlineData("BooleanEquals", "false", "true", false)]
    [InlineData("BooleanEquals", "true", "\"true\"", false)]
    [InlineData("TimestampEquals", "\"2001-01-01T12:00:00Z\"", "\"2001-01-01T12:00:00Z\"", true)]
    [InlineData("TimestampEquals", "\"2001-01-01T12:00:00Z\"", "\"2001-01-01T13:00:00+01:00\"", true)]
    [InlineData("TimestampLessThan", "\"2001-01-01T12:00:00Z\"", "\"2001-01-01T11:59:59.999Z\"", true)]
    [InlineData("TimestampGreaterThan", "\"2001-01-01T12:00:00Z\"", "\"2001-01-02T00:00:00Z\"", true)]
    [InlineData("TimestampLessThanEquals", "\"2001-01-01T12:00:00Z\"", "\"2001-01-01T12:00:00Z\"", true)]
    [InlineData("TimestampGreaterThanEquals", "\"2001-01-01T12:00:00Z\"", "\"2000-12-31T12:00:00Z\"", false)]
    [InlineData("TimestampEquals", "\"2001-01-01T12:00:00Z\"", "\"not a time\"", false)]
    [InlineData("StringMatches", "\"log-*.txt\"", "\"log-2021-08-01.txt\"", true)]
    [InlineData("StringMatches", "\"log-*.txt\"", "\"log-2021.csv\"", false)]
    [InlineData("StringMatches", "\"*\"", "\"\"", true)]
    [InlineData("StringMatches", "\"a\\\\*b\"", "\"a*b\"", true)]
    [InlineData("StringMatches", "\"a\\\\*b\"", "\"axb\"", false)]
    [InlineData("IsPresent", "true", "null", true)]
    [InlineData("IsNull", "true", "null", true)]
    [InlineData("IsNull", "false", "0", true)]
    [InlineData("IsNumeric", "true", "12.5", true)]
    [InlineData("IsNumeric", "true", "\"12\"", false)]
    [InlineData("IsString", "true", "\"x\"", true)]
    [InlineData("IsBoolean", "true", "false", true)]
    [InlineData("IsBoolean", "true", "0", false)]
    [InlineData("IsTimestamp", "true", "\"2016-08-18T17:33:00Z\"", true)]
    [InlineData("IsTimestamp", "true", "\"2016-08-18 17:33:00\"", false)]
    public async Task RunAsync_ComparisonOperator_MatchesAsSpecified(string op, string value, string variable, bool matches)
    {
        var outcome = await Harness.RunAsync(YesNo($$"""{ "Variable": "$.v", "{{op}}": {{value}}, "Next": "Yes" }"""), $$"""{ "v": {{variable}} }""");

        outcome.AssertSucceeded(matches ? "\"yes\"" : "\"no\"");
    }

    [Theory]
    [InlineData("StringEqualsPath", "\"a\"", "\"a\"", true)]
    [InlineData("StringLessThanPath", "\"a\"", "\"b\"", true)]
    [InlineData("StringGreaterThanPath", "\"a\"", "\"b\"", false)]
    [InlineData("StringLessThanEqualsPath", "\"b\"", "\"b\"", true)]
    [InlineData("StringGreaterThanEqualsPath", "\"c\"", "\"b\"", true)]
    [InlineData("NumericEqualsPath", "2", "2", true)]
    [InlineData("NumericLessThanPath", "1", "2", true)]
    [InlineData("NumericGreaterThanPath", "1", "2", false)]
    [InlineData("NumericLessThanEqualsPath", "3", "2", false)]
    [InlineData("NumericGreaterThanEqualsPath", "3", "2", true)]
    [InlineData("BooleanEqualsPath", "true", "true", true)]
    [InlineData("TimestampEqualsPath", "\"2020-01-01T00:00:00Z\"", "\"2020-01-01T00:00:00Z\"", true)]
    [InlineData("TimestampLessThanPath", "\"2020-01-01T00:00:00Z\"", "\"2021-01-01T00:00:00Z\"", true)]
    [InlineData("TimestampGreaterThanPath", "\"2020-01-01T00:00:00Z\"", "\"2021-01-01T00:00:00Z\"", false)]
    [InlineData("TimestampLessThanEqualsPath", "\"2020-01-01T00:00:00Z\"", "\"2020-01-01T00:00:00Z\"", true)]
    [InlineData("TimestampGreaterThanEqualsPath", "\"2019-01-01T00:00:00Z\"", "\"2020-01-01T00:00:00Z\"", false)]
    public async Task RunAsync_PathComparisonOperator_ComparesWithTheValueAtThePath(string op, string variable, string other, bool matches)
    {
        var outcome = await Harness.RunAsync(YesNo($$"""{ "Variable": "$.v", "{{op}}": "$.other", "Next": "Yes" }"""), $$"""{ "v": {{variable}}, "other": {{other}} }""");

        outcome.AssertSucceeded(matches ? "\"yes\"" : "\"no\"");
    }

    [Fact]
    public async Task RunAsync_PathComparisonWithMissingPath_FailsWithStatesRuntime()
    {
        var outcome = await Harness.RunAsync(YesNo("""{ "Variable": "$.v", "NumericEqualsPath": "$.other", "Next": "Yes" }"""), """{ "v": 1 }""");

        outcome.AssertFailed("States.Runtime", "$.other");
    }

    [Theory]
    [InlineData("""{ "v": 1 }""", "\"yes\"")]
    [InlineData("{}", "\"no\"")]
    public async Task RunAsync_IsPresentFalse_MatchesOnlyAMissingField(string input, string expected)
    {
        var outcome = await Harness.RunAsync(YesNo("""{ "Not": { "Variable": "$.v", "IsPresent": false }, "Next": "Yes" }"""), input);

        outcome.AssertSucceeded(expected);
    }

    [Theory]
    [InlineData(5, "\"yes\"")]
    [InlineData(15, "\"yes\"")]
    [InlineData(10, "\"no\"")]
    public async Task RunAsync_NestedOrAndNot_CombineAsBooleanLogic(int value, string expected)
    {
        var rule = """
            { "Or": [ { "Variable": "$.v", "NumericLessThan": 10 },
                      { "And": [ { "Variable": "$.v", "NumericGreaterThan": 10 }, { "Not": { "Variable": "$.v", "NumericEquals": 20 } } ] } ],
              "Next": "Yes" }
            """;

        var outcome = await Harness.RunAsync(YesNo(rule), $$"""{ "v": {{value}} }""");

        outcome.AssertSucceeded(expected);
    }

    [Fact]
    public async Task RunAsync_ChoiceWithInputAndOutputPath_PassesTheFilteredInput()
    {
        var definition = """
            { "StartAt": "C", "States": {
                "C": { "Type": "Choice", "InputPath": "$.order", "OutputPath": "$.id", "Choices": [ { "Variable": "$.total", "NumericGreaterThan": 100, "Next": "Big" } ], "Default": "Small" },
                "Big": { "Type": "Pass", "End": true },
                "Small": { "Type": "Pass", "End": true } } }
            """;

        var outcome = await Harness.RunAsync(definition, """{ "order": { "id": "o-1", "total": 250 } }""");

        outcome.AssertSucceeded("\"o-1\"");
        Assert.Equal(["C", "Big"], outcome.StatesEntered);
    }

    [Fact]
    public async Task RunAsync_VariableFromContextObject_IsCompared()
    {
        var outcome = await Harness.RunAsync(YesNo("""{ "Variable": "$$.Execution.Name", "StringEquals": "executionName", "Next": "Yes" }"""), "{}");

        outcome.AssertSucceeded("\"yes\"");
    }

    private static string YesNo(string rule) => $$"""
        { "StartAt": "C", "States": {
            "C": { "Type": "Choice", "Choices": [ {{rule}} ], "Default": "No" },
            "Yes": { "Type": "Pass", "Result": "yes", "End": true },
            "No": { "Type": "Pass", "Result": "no", "End": true } } }
        """;
}
