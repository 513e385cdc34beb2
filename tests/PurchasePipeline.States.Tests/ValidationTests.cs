using PurchasePipeline.States.Validation;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.States.Tests;

// Rules: the Amazon States Language, https://states-language.net/spec.html, and the guide's
// "State machine structure": https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html
// Cross-checked by hand against the npm asl-validator 4.0.0 on 37 one-mistake definitions: it flags the
// same mistakes except where it is more lenient than the spec (States.ALL alone and last, BackoffRate >= 1,
// IntervalSeconds >= 1, MaxDelaySeconds > 0, JitterStrategy, HeartbeatSeconds < TimeoutSeconds, integer
// Seconds); it is not a test dependency.
public sealed class ValidationTests
{
    [Fact]
    public void Validate_PipelineDefinition_HasNoProblems()
    {
        var json = File.ReadAllText(RepoPaths.Combine("statemachine", "purchase-pipeline.asl.json"));

        Assert.Empty(DefinitionValidator.Validate(json));
    }

    [Fact]
    public void Validate_GuideLambdaSqsDefinition_HasNoProblems()
    {
        // The definition of https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-test-sm-exec.html
        var json = File.ReadAllText(RepoPaths.Combine("tests", "PurchasePipeline.States.Tests", "Fixtures", "Definitions", "LambdaSQSIntegration.asl.json"));

        Assert.Empty(DefinitionValidator.Validate(json));
    }

    [Fact]
    public void Validate_NotJson_ReportsLineAndPositionAtRoot()
    {
        var problems = DefinitionValidator.Validate("{\n  \"StartAt\": \"A\",\n  \"States\": {\n}");

        var problem = Assert.Single(problems);
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("not valid JSON at line 4, position 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TrailingComma_IsNotJson()
    {
        Assert.Equal("$", Assert.Single(DefinitionValidator.Validate("""{"StartAt": "A",}""")).Path);
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEveryOne()
    {
        const string json = """
            {"StartAt": "Missing", "Extra": 1, "States": {
              "Wait": {"Type": "Wait", "Seconds": -1, "End": true},
              "Odd": {"Type": "Sleep"}
            }}
            """;

        Assert.Equal(
            [
                "$.Extra: unknown field for a state machine",
                "$.States.Wait.Seconds: must be a non-negative integer",
                "$.States.Odd.Type: must be one of Pass, Task, Choice, Wait, Succeed, Fail, Parallel or Map, got 'Sleep'",
                "$.StartAt: 'Missing' is not a state in $.States",
            ],
            Asl.Problems(json));
    }

    [Theory]
    [InlineData("""{"States": {"A": {"Type": "Succeed"}}}""", "$.StartAt: required")]
    [InlineData("""{"StartAt": 1, "States": {"A": {"Type": "Succeed"}}}""", "$.StartAt: must be a string, got a number")]
    [InlineData("""{"StartAt": "A"}""", "$.States: required")]
    [InlineData("""{"StartAt": "A", "States": {}}""", "$.States: must be an object with at least one state")]
    [InlineData("""{"StartAt": "A", "States": []}""", "$.States: must be an object with at least one state")]
    [InlineData("""[]""", "$: must be an object with StartAt and States, got an array")]
    [InlineData("""{"StartAt": "A", "TimeoutSeconds": 0, "States": {"A": {"Type": "Succeed"}}}""", "$.TimeoutSeconds: must be a positive integer")]
    [InlineData("""{"StartAt": "A", "Version": 1.0, "States": {"A": {"Type": "Succeed"}}}""", "$.Version: must be a string, got a number")]
    [InlineData("""{"StartAt": "A", "QueryLanguage": "JSONata", "States": {"A": {"Type": "Succeed"}}}""", "$.QueryLanguage: JSONata is not supported; the embedded engine runs JSONPath state machines only")]
    [InlineData("""{"StartAt": "A", "QueryLanguage": "XPath", "States": {"A": {"Type": "Succeed"}}}""", "$.QueryLanguage: must be JSONPath or JSONata, got 'XPath'")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "A": {"Type": "Succeed"}}}""", "$.States.A: defined more than once")]
    public void Validate_BadTopLevel_ReportsAtItsPath(string json, string expected)
    {
        Assert.Equal([expected], Asl.Problems(json));
    }

    [Fact]
    public void Validate_JsonPathQueryLanguage_IsAccepted()
    {
        Assert.Empty(Asl.Problems("""{"StartAt": "A", "QueryLanguage": "JSONPath", "States": {"A": {"Type": "Succeed", "QueryLanguage": "JSONPath"}}}"""));
    }

    [Fact]
    public void Validate_NextToMissingState_ReportsTheReference()
    {
        var problems = Asl.Problems(Asl.Machine("""{"A": {"Type": "Pass", "Next": "B"}}"""));

        Assert.Equal(["$.States.A.Next: 'B' is not a state in $.States"], problems);
    }

    [Fact]
    public void Validate_UnreachableStates_AreReported()
    {
        var problems = Asl.Problems(Asl.Machine("""
            {"A": {"Type": "Pass", "End": true},
             "Island": {"Type": "Pass", "Next": "Loop"},
             "Loop": {"Type": "Pass", "Next": "Island"}}
            """));

        Assert.Equal(
            [
                "$.States.Island: unreachable: no transition from StartAt leads here",
                "$.States.Loop: unreachable: no transition from StartAt leads here",
            ],
            problems);
    }

    [Fact]
    public void Validate_StatesReachedOnlyThroughCatchAndDefault_AreReachable()
    {
        var problems = Asl.Problems(Asl.Machine("""
            {"A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "Next": "C",
                   "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed"}]},
             "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Done"}], "Default": "Other"},
             "Done": {"Type": "Succeed"},
             "Other": {"Type": "Succeed"},
             "Failed": {"Type": "Fail"}}
            """));

        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_StateNameLongerThan80_IsReported()
    {
        var name = new string('n', 81);

        var problems = Asl.Problems(Asl.Machine("{\"" + name + "\": {\"Type\": \"Succeed\"}}"));

        Assert.Equal([$"$.States.{name}: a state name has 1 to 80 characters"], problems);
    }

    [Fact]
    public void Validate_StateNameWithSpaces_UsesBracketPath()
    {
        var problems = Asl.Problems("""{"StartAt": "My state", "States": {"My state": {"Type": "Wait", "Seconds": "5", "End": true}}}""");

        Assert.Equal(["$.States['My state'].Seconds: must be a non-negative integer"], problems);
    }
}

/// <summary>Builds small definitions and runs the validator, giving problems as "path: message" lines.</summary>
internal static class Asl
{
    public static List<string> Problems(string json) => [.. DefinitionValidator.Validate(json).Select(p => p.ToString())];

    /// <summary>A machine whose StartAt is the first state given.</summary>
    public static string Machine(string states)
    {
        var first = System.Text.Json.JsonDocument.Parse(states).RootElement.EnumerateObject().First().Name;
        return $$"""{"StartAt": "{{first}}", "States": {{states}}}""";
    }

    /// <summary>A machine of one state named S, followed by a Succeed state Done when S names it.</summary>
    public static List<string> ProblemsOf(string state) =>
        Problems(Machine("""{"S": """ + state + (state.Contains("\"Done\"", StringComparison.Ordinal) ? """, "Done": {"Type": "Succeed"}}""" : "}")));
}
