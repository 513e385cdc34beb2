namespace PurchasePipeline.States.Tests;

// Choice rules: https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html and
// https://states-language.net/spec.html#choice-state
public sealed class ValidationChoiceTests
{
    [Fact]
    public void Validate_EveryOperatorKindWithValidValues_HasNoProblems()
    {
        const string state = """
            {"Type": "Choice", "Default": "Done", "Choices": [
              {"Variable": "$.s", "StringEquals": "a", "Next": "Done"},
              {"Variable": "$.s", "StringMatches": "log-*.txt", "Next": "Done"},
              {"Variable": "$.n", "NumericGreaterThanEquals": 2.5, "Next": "Done"},
              {"Variable": "$.b", "BooleanEquals": false, "Next": "Done"},
              {"Variable": "$.t", "TimestampLessThan": "2016-03-14T01:59:00Z", "Next": "Done"},
              {"Variable": "$.t", "TimestampEqualsPath": "$$.Execution.StartTime", "Next": "Done"},
              {"Variable": "$.x", "IsPresent": true, "Next": "Done"},
              {"And": [{"Variable": "$.a", "IsNull": false}, {"Or": [{"Variable": "$.b", "NumericEquals": 1}, {"Not": {"Variable": "$.c", "StringEquals": "x"}}]}], "Next": "Done", "Comment": "nested"}
            ]}
            """;

        Assert.Empty(Asl.ProblemsOf(state));
    }

    [Theory]
    [InlineData("""{"Variable": "$.a", "StringEquals": 1, "Next": "Done"}""", "$.States.S.Choices[0].StringEquals: must be a string, got a number")]
    [InlineData("""{"Variable": "$.a", "NumericLessThan": "1", "Next": "Done"}""", "$.States.S.Choices[0].NumericLessThan: must be a number, got '1'")]
    [InlineData("""{"Variable": "$.a", "BooleanEquals": "true", "Next": "Done"}""", "$.States.S.Choices[0].BooleanEquals: must be true or false, got 'true'")]
    [InlineData("""{"Variable": "$.a", "TimestampEquals": "yesterday", "Next": "Done"}""", "$.States.S.Choices[0].TimestampEquals: must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z, got 'yesterday'")]
    [InlineData("""{"Variable": "$.a", "IsPresent": "yes", "Next": "Done"}""", "$.States.S.Choices[0].IsPresent: must be true or false, got 'yes'")]
    [InlineData("""{"Variable": "$.a", "StringEqualsPath": "b", "Next": "Done"}""", "$.States.S.Choices[0].StringEqualsPath: must be a path starting with $, got 'b'")]
    [InlineData("""{"Variable": "$.a", "NumericEqualsPath": 3, "Next": "Done"}""", "$.States.S.Choices[0].NumericEqualsPath: must be a path, got a number")]
    public void Validate_OperatorValueOfWrongKind_IsReported(string rule, string expected)
    {
        Assert.Equal([expected], Asl.ProblemsOf(Choice(rule)));
    }

    [Theory]
    [InlineData("""{"Variable": "$.a", "Next": "Done"}""", "$.States.S.Choices[0]: needs a comparison operator such as StringEquals, or And, Or or Not")]
    [InlineData("""{"Variable": "$.a", "StringEquals": "x", "IsPresent": true, "Next": "Done"}""", "$.States.S.Choices[0]: has StringEquals and IsPresent; give exactly one comparison operator")]
    [InlineData("""{"StringEquals": "x", "Next": "Done"}""", "$.States.S.Choices[0].Variable: required with StringEquals")]
    [InlineData("""{"Variable": "a", "StringEquals": "x", "Next": "Done"}""", "$.States.S.Choices[0].Variable: must be a path starting with $, got 'a'")]
    [InlineData("""{"Variable": "$.a", "StringEquals": "x"}""", "$.States.S.Choices[0].Next: required")]
    [InlineData("""{"Variable": "$.a", "And": [{"Variable": "$.a", "IsNull": true}], "Next": "Done"}""", "$.States.S.Choices[0].Variable: not allowed with And; give Variable in the nested rules")]
    [InlineData("""{"And": [], "Next": "Done"}""", "$.States.S.Choices[0].And: must be a non-empty array of choice rules")]
    [InlineData("""{"Or": {"Variable": "$.a", "IsNull": true}, "Next": "Done"}""", "$.States.S.Choices[0].Or: must be a non-empty array of choice rules")]
    [InlineData("""{"Not": [{"Variable": "$.a", "IsNull": true}], "Next": "Done"}""", "$.States.S.Choices[0].Not: must be a choice rule object, got an array")]
    [InlineData("""{"And": [{"Variable": "$.a", "IsNull": true, "Next": "Done"}], "Next": "Done"}""", "$.States.S.Choices[0].And[0].Next: only top-level choice rules have Next")]
    [InlineData("""{"Not": {"Variable": "$.a"}, "Next": "Done"}""", "$.States.S.Choices[0].Not: needs a comparison operator such as StringEquals, or And, Or or Not")]
    [InlineData("""{"Or": [{"Variable": "$.a", "IsNull": true}, {"IsNull": true}], "Next": "Done"}""", "$.States.S.Choices[0].Or[1].Variable: required with IsNull")]
    public void Validate_MalformedRule_IsReported(string rule, string expected)
    {
        Assert.Equal([expected], Asl.ProblemsOf(Choice(rule)));
    }

    [Fact]
    public void Validate_MisspelledOperator_ReportsTheFieldAndTheMissingOperator()
    {
        var problems = Asl.ProblemsOf(Choice("""{"Variable": "$.a", "StringEqualz": "x", "Next": "Done"}"""));

        Assert.Equal(
            [
                "$.States.S.Choices[0].StringEqualz: unknown field for a choice rule (not a comparison operator)",
                "$.States.S.Choices[0]: needs a comparison operator such as StringEquals, or And, Or or Not",
            ],
            problems);
    }

    [Theory]
    [InlineData("""{"Type": "Choice", "Default": "Done"}""", "$.States.S.Choices: required")]
    [InlineData("""{"Type": "Choice", "Choices": [], "Default": "Done"}""", "$.States.S.Choices: must be a non-empty array of choice rules")]
    [InlineData("""{"Type": "Choice", "Choices": [{"Variable": "$.a", "IsNull": true, "Next": "Done"}], "Default": "Nowhere"}""", "$.States.S.Default: 'Nowhere' is not a state in $.States")]
    [InlineData("""{"Type": "Choice", "Choices": [{"Variable": "$.a", "IsNull": true, "Next": "Elsewhere"}], "Default": "Done"}""", "$.States.S.Choices[0].Next: 'Elsewhere' is not a state in $.States")]
    public void Validate_BadChoiceState_IsReported(string state, string expected)
    {
        Assert.Equal([expected], Asl.ProblemsOf(state));
    }

    private static string Choice(string rule) => """{"Type": "Choice", "Choices": [""" + rule + "]}";
}
