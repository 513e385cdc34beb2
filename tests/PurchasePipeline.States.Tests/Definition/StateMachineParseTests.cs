namespace PurchasePipeline.States.Tests.Definition;

/// <summary>
/// StateMachine.Parse: the structure rules of https://states-language.net/spec.html and
/// https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html, each problem
/// reported with its JSON path, all of them at once.
/// </summary>
public sealed class StateMachineParseTests
{
    [Fact]
    public void Parse_ValidDefinition_ExposesStartAtStatesAndTimeout()
    {
        var machine = StateMachine.Parse("""
            { "Comment": "x", "StartAt": "A", "TimeoutSeconds": 60, "Version": "1.0", "QueryLanguage": "JSONPath",
              "States": { "A": { "Type": "Pass", "Next": "B" }, "B": { "Type": "Succeed" } } }
            """);

        Assert.Equal("A", machine.StartAt);
        Assert.Equal(["A", "B"], machine.StateNames);
        Assert.Equal(TimeSpan.FromSeconds(60), machine.Timeout);
    }

    [Fact]
    public void Parse_NextToMissingState_NamesThePathAndTheState()
    {
        var problems = Problems("""{ "StartAt": "Foo", "States": { "Foo": { "Type": "Pass", "Next": "Bar" } } }""");

        Assert.Equal(["$.States.Foo.Next: state 'Bar' does not exist"], problems);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsThemAll()
    {
        var exception = Assert.Throws<DefinitionException>(() => StateMachine.Parse("""
            { "StartAt": "Nowhere", "States": {
                "A": { "Type": "Pass" },
                "B": { "Type": "Teleport", "End": true },
                "C": { "Type": "Wait", "Seconds": 1, "Timestamp": "2020-01-01T00:00:00Z", "End": true } } }
            """));

        Assert.Contains(exception.Problems, p => p.Path == "$.StartAt");
        Assert.Contains(exception.Problems, p => p.Path == "$.States.A" && p.Message.Contains("Next", StringComparison.Ordinal));
        Assert.Contains(exception.Problems, p => p.Path == "$.States.B.Type");
        Assert.Contains(exception.Problems, p => p.Path == "$.States.C");
        Assert.StartsWith(exception.Problems[0].ToString(), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_ReportsOneProblemAtTheRoot()
    {
        var problem = Assert.Single(Problems("{ \"StartAt\": "));

        Assert.StartsWith("$: not valid JSON", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateJsonKeys_AreRejected()
    {
        Assert.Throws<DefinitionException>(() => StateMachine.Parse("""{ "StartAt": "A", "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }"""));
    }

    [Theory]
    [InlineData("""{ "StartAt": "A", "QueryLanguage": "JSONata", "States": { "A": { "Type": "Succeed" } } }""", "$.QueryLanguage")]
    [InlineData("""{ "StartAt": "A", "States": { "A": { "Type": "Succeed", "QueryLanguage": "JSONata" } } }""", "$.States.A.QueryLanguage")]
    public void Parse_JsonataQueryLanguage_IsRejectedWithAClearMessage(string definition, string path)
    {
        var problem = Assert.Single(Problems(definition));

        Assert.Equal($"{path}: QueryLanguage JSONata is not supported by this engine; use JSONPath", problem);
    }

    [Theory]
    [InlineData("""{ "Type": "Pass", "Next": "B", "End": true }""", "$.States.A.End")]
    [InlineData("""{ "Type": "Pass", "End": true, "Bogus": 1 }""", "$.States.A.Bogus")]
    [InlineData("""{ "Type": "Pass", "End": true, "ResultSelector": {} }""", "$.States.A.ResultSelector")]
    [InlineData("""{ "Type": "Pass", "End": true, "Assign": { "x": 1 } }""", "$.States.A.Assign")]
    [InlineData("""{ "Type": "Pass", "End": true, "ResultPath": "$.a[*]" }""", "$.States.A.ResultPath")]
    [InlineData("""{ "Type": "Pass", "End": true, "ResultPath": "$$.Execution" }""", "$.States.A.ResultPath")]
    [InlineData("""{ "Type": "Pass", "End": true, "InputPath": "a.b" }""", "$.States.A.InputPath")]
    [InlineData("""{ "Type": "Pass", "End": true, "Parameters": { "x.$": "not a path" } }""", "$.States.A.Parameters['x.$']")]
    [InlineData("""{ "Type": "Pass", "End": true, "Parameters": { "x.$": 3 } }""", "$.States.A.Parameters['x.$']")]
    [InlineData("""{ "Type": "Pass", "End": true, "Parameters": { "x": 1, "x.$": "$.x" } }""", "$.States.A.Parameters['x.$']")]
    [InlineData("""{ "Type": "Task", "End": true }""", "$.States.A.Resource")]
    [InlineData("""{ "Type": "Task", "Resource": "r", "End": true, "TimeoutSeconds": 10, "HeartbeatSeconds": 10 }""", "$.States.A.HeartbeatSeconds")]
    [InlineData("""{ "Type": "Task", "Resource": "r", "End": true, "TimeoutSeconds": 10, "TimeoutSecondsPath": "$.t" }""", "$.States.A.TimeoutSecondsPath")]
    [InlineData("""{ "Type": "Task", "Resource": "r", "End": true, "TimeoutSeconds": 0 }""", "$.States.A.TimeoutSeconds")]
    [InlineData("""{ "Type": "Wait", "End": true }""", "$.States.A")]
    [InlineData("""{ "Type": "Wait", "Timestamp": "2016-03-14 01:59:00", "End": true }""", "$.States.A.Timestamp")]
    [InlineData("""{ "Type": "Wait", "SecondsPath": "$.s[0:1]", "End": true }""", "$.States.A.SecondsPath")]
    [InlineData("""{ "Type": "Fail", "Error": "E", "ErrorPath": "$.e" }""", "$.States.A.ErrorPath")]
    [InlineData("""{ "Type": "Succeed", "End": true }""", "$.States.A.End")]
    [InlineData("""{ "Type": "Choice", "Choices": [] }""", "$.States.A.Choices")]
    [InlineData("""{ "Type": "Parallel", "End": true, "Branches": [] }""", "$.States.A.Branches")]
    [InlineData("""{ "Type": "Map", "End": true }""", "$.States.A")]
    [InlineData("""{ "Type": "Map", "End": true, "ItemReader": {}, "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Succeed" } } } }""", "$.States.A.ItemReader")]
    [InlineData("""{ "Type": "Map", "End": true, "ToleratedFailurePercentage": 101, "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Succeed" } } } }""", "$.States.A.ToleratedFailurePercentage")]
    [InlineData("""{ "Type": "Map", "End": true, "ItemProcessor": { "ProcessorConfig": { "Mode": "SIDEWAYS" }, "StartAt": "I", "States": { "I": { "Type": "Succeed" } } } }""", "$.States.A.ItemProcessor.ProcessorConfig.Mode")]
    public void Parse_InvalidState_ReportsTheProblemAtItsPath(string state, string path)
    {
        var exception = Assert.Throws<DefinitionException>(() => StateMachine.Parse($$"""{ "StartAt": "A", "States": { "A": {{state}}, "B": { "Type": "Succeed" } } }"""));

        Assert.Contains(exception.Problems, p => p.Path == path);
    }

    [Theory]
    [InlineData("""[ { "ErrorEquals": [ "States.ALL", "Other" ] } ]""", "$.States.A.Retry[0].ErrorEquals")]
    [InlineData("""[ { "ErrorEquals": [ "States.ALL" ] }, { "ErrorEquals": [ "Other" ] } ]""", "$.States.A.Retry[0].ErrorEquals")]
    [InlineData("""[ { "ErrorEquals": [] } ]""", "$.States.A.Retry[0].ErrorEquals")]
    [InlineData("""[ { "ErrorEquals": [ "E" ], "BackoffRate": 0.5 } ]""", "$.States.A.Retry[0].BackoffRate")]
    [InlineData("""[ { "ErrorEquals": [ "E" ], "MaxAttempts": -1 } ]""", "$.States.A.Retry[0].MaxAttempts")]
    [InlineData("""[ { "ErrorEquals": [ "E" ], "IntervalSeconds": 0 } ]""", "$.States.A.Retry[0].IntervalSeconds")]
    [InlineData("""[ { "ErrorEquals": [ "E" ], "JitterStrategy": "HALF" } ]""", "$.States.A.Retry[0].JitterStrategy")]
    public void Parse_InvalidRetrier_ReportsTheProblemAtItsPath(string retry, string path)
    {
        var exception = Assert.Throws<DefinitionException>(() => StateMachine.Parse($$"""{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "r", "End": true, "Retry": {{retry}} } } }"""));

        Assert.Contains(exception.Problems, p => p.Path == path);
    }

    [Fact]
    public void Parse_CatcherToMissingState_NamesTheCatchersNext()
    {
        var problems = Problems("""{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "r", "End": true, "Catch": [ { "ErrorEquals": [ "States.ALL" ], "Next": "Z" } ] } } }""");

        Assert.Equal(["$.States.A.Catch[0].Next: state 'Z' does not exist"], problems);
    }

    [Theory]
    [InlineData("""{ "Variable": "$.x", "NumericEquals": "1", "Next": "B" }""", "$.States.A.Choices[0].NumericEquals")]
    [InlineData("""{ "Variable": "$.x", "NumericEquals": 1 }""", "$.States.A.Choices[0].Next")]
    [InlineData("""{ "Variable": "$.x", "NumericEquals": 1, "StringEquals": "a", "Next": "B" }""", "$.States.A.Choices[0]")]
    [InlineData("""{ "NumericEquals": 1, "Next": "B" }""", "$.States.A.Choices[0].Variable")]
    [InlineData("""{ "And": [ { "Variable": "$.x", "IsNull": true, "Next": "B" } ], "Next": "B" }""", "$.States.A.Choices[0].And[0].Next")]
    [InlineData("""{ "Or": [], "Next": "B" }""", "$.States.A.Choices[0].Or")]
    [InlineData("""{ "Variable": "$.x", "TimestampEquals": "yesterday", "Next": "B" }""", "$.States.A.Choices[0].TimestampEquals")]
    [InlineData("""{ "Variable": "$.x", "StringEqualsPath": "x", "Next": "B" }""", "$.States.A.Choices[0].StringEqualsPath")]
    [InlineData("""{ "Variable": "$.x", "IsPresent": "yes", "Next": "B" }""", "$.States.A.Choices[0].IsPresent")]
    [InlineData("""{ "Variable": "$.x", "NumericEquals": 1, "Next": "Nowhere" }""", "$.States.A.Choices[0].Next")]
    public void Parse_InvalidChoiceRule_ReportsTheProblemAtItsPath(string rule, string path)
    {
        var exception = Assert.Throws<DefinitionException>(() => StateMachine.Parse($$"""{ "StartAt": "A", "States": { "A": { "Type": "Choice", "Choices": [ {{rule}} ], "Default": "B" }, "B": { "Type": "Succeed" } } }"""));

        Assert.Contains(exception.Problems, p => p.Path == path);
    }

    [Fact]
    public void Parse_UnreachableState_IsReported()
    {
        var problems = Problems("""{ "StartAt": "A", "States": { "A": { "Type": "Succeed" }, "Orphan": { "Type": "Succeed" } } }""");

        Assert.Equal(["$.States.Orphan: state 'Orphan' is not reachable from StartAt"], problems);
    }

    [Fact]
    public void Parse_StateNameUsedInTwoBranches_IsReported()
    {
        var problems = Problems("""
            { "StartAt": "P", "States": { "P": { "Type": "Parallel", "End": true, "Branches": [
                { "StartAt": "Same", "States": { "Same": { "Type": "Succeed" } } },
                { "StartAt": "Same", "States": { "Same": { "Type": "Succeed" } } } ] } } }
            """);

        Assert.Equal(["$.States.P.Branches[1].States.Same: state name 'Same' is already used at $.States.P.Branches[0].States.Same"], problems);
    }

    [Fact]
    public void Parse_NextOutOfABranch_IsReported()
    {
        // "A state in one branch of a Parallel state must not have a Next field that targets a field outside of that branch".
        var problems = Problems("""
            { "StartAt": "P", "States": {
                "P": { "Type": "Parallel", "Next": "After", "Branches": [ { "StartAt": "In", "States": { "In": { "Type": "Pass", "Next": "After" } } } ] },
                "After": { "Type": "Succeed" } } }
            """);

        Assert.Equal(["$.States.P.Branches[0].States.In.Next: state 'After' does not exist"], problems);
    }

    [Fact]
    public void Parse_StateNameWithSpaces_IsQuotedInThePath()
    {
        var problems = Problems("""{ "StartAt": "Order Ticket", "States": { "Order Ticket": { "Type": "Pass", "Next": "Gone" } } }""");

        Assert.Equal(["$.States['Order Ticket'].Next: state 'Gone' does not exist"], problems);
    }

    [Fact]
    public void Parse_LegacyIteratorAndParametersOnMap_AreAccepted()
    {
        var machine = StateMachine.Parse("""
            { "StartAt": "M", "States": { "M": { "Type": "Map", "End": true, "Parameters": { "v.$": "$$.Map.Item.Value" },
                "Iterator": { "StartAt": "I", "States": { "I": { "Type": "Pass", "End": true } } } } } }
            """);

        Assert.Equal("M", machine.StartAt);
    }

    private static List<string> Problems(string definition) =>
        Assert.Throws<DefinitionException>(() => StateMachine.Parse(definition)).Problems.Select(p => p.ToString()).ToList();
}
