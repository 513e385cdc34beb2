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

        Assert.Equal(["$.States.Foo.Next: 'Bar' is not a state in $.States"], problems);
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

        Assert.Equal($"{path}: JSONata is not supported; the embedded engine runs JSONPath state machines only", problem);
    }

    public static TheoryData<string, string> InvalidStates => new()
    {
        { WithState("""{ "Type": "Pass", "Next": "B", "End": true }"""), "$.States.A" },
        { WithState("""{ "Type": "Pass", "End": true, "Bogus": 1 }"""), "$.States.A.Bogus" },
        { WithState("""{ "Type": "Pass", "End": true, "ResultSelector": {} }"""), "$.States.A.ResultSelector" },
        { WithState("""{ "Type": "Pass", "End": true, "ResultPath": "$.a[*]" }"""), "$.States.A.ResultPath" },
        { WithState("""{ "Type": "Pass", "End": true, "ResultPath": "$$.Execution" }"""), "$.States.A.ResultPath" },
        { WithState("""{ "Type": "Pass", "End": true, "InputPath": "a.b" }"""), "$.States.A.InputPath" },

        // Jayway JsonPath, which Step Functions reads paths with, wants ['a b'] for a name with blanks:
        // json-path/JsonPath json-path/src/main/java/com/jayway/jsonpath/internal/path/PathCompiler.java (readPropertyOrFunctionToken).
        { WithState("""{ "Type": "Pass", "End": true, "InputPath": "$.a b" }"""), "$.States.A.InputPath" },
        { WithState("""{ "Type": "Pass", "End": true, "Parameters": { "x.$": "not a path" } }"""), "$.States.A.Parameters['x.$']" },
        { WithState("""{ "Type": "Pass", "End": true, "Parameters": { "x.$": 3 } }"""), "$.States.A.Parameters['x.$']" },
        { WithState("""{ "Type": "Pass", "End": true, "Parameters": { "x": 1, "x.$": "$.x" } }"""), "$.States.A.Parameters['x.$']" },
        { WithState("""{ "Type": "Task", "End": true }"""), "$.States.A.Resource" },
        { WithState("""{ "Type": "Task", "Resource": "r", "End": true, "TimeoutSeconds": 10, "HeartbeatSeconds": 10 }"""), "$.States.A.HeartbeatSeconds" },
        { WithState("""{ "Type": "Task", "Resource": "r", "End": true, "TimeoutSeconds": 10, "TimeoutSecondsPath": "$.t" }"""), "$.States.A" },
        { WithState("""{ "Type": "Task", "Resource": "r", "End": true, "TimeoutSeconds": 0 }"""), "$.States.A.TimeoutSeconds" },
        { WithState("""{ "Type": "Wait", "End": true }"""), "$.States.A" },
        { WithState("""{ "Type": "Wait", "Timestamp": "2016-03-14 01:59:00", "End": true }"""), "$.States.A.Timestamp" },
        { WithState("""{ "Type": "Wait", "SecondsPath": "$.s[0:1]", "End": true }"""), "$.States.A.SecondsPath" },
        { WithState("""{ "Type": "Fail", "Error": "E", "ErrorPath": "$.e" }"""), "$.States.A" },
        { WithState("""{ "Type": "Succeed", "End": true }"""), "$.States.A.End" },
        { WithState("""{ "Type": "Choice", "Choices": [] }"""), "$.States.A.Choices" },
        { WithState("""{ "Type": "Parallel", "End": true, "Branches": [] }"""), "$.States.A.Branches" },
        { WithState("""{ "Type": "Map", "End": true }"""), "$.States.A" },
        { WithState("""{ "Type": "Map", "End": true, "ToleratedFailurePercentage": 101, "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Succeed" } } } }"""), "$.States.A.ToleratedFailurePercentage" },
        { WithState("""{ "Type": "Map", "End": true, "ItemProcessor": { "ProcessorConfig": { "Mode": "SIDEWAYS" }, "StartAt": "I", "States": { "I": { "Type": "Succeed" } } } }"""), "$.States.A.ItemProcessor.ProcessorConfig.Mode" },
    };

    public static TheoryData<string, string> InvalidRetriers => new()
    {
        { WithRetry("""[ { "ErrorEquals": [ "States.ALL", "Other" ] } ]"""), "$.States.A.Retry[0].ErrorEquals" },
        { WithRetry("""[ { "ErrorEquals": [ "States.ALL" ] }, { "ErrorEquals": [ "Other" ] } ]"""), "$.States.A.Retry[0]" },
        { WithRetry("""[ { "ErrorEquals": [] } ]"""), "$.States.A.Retry[0].ErrorEquals" },
        { WithRetry("""[ { "ErrorEquals": [ "E" ], "BackoffRate": 0.5 } ]"""), "$.States.A.Retry[0].BackoffRate" },
        { WithRetry("""[ { "ErrorEquals": [ "E" ], "MaxAttempts": -1 } ]"""), "$.States.A.Retry[0].MaxAttempts" },
        { WithRetry("""[ { "ErrorEquals": [ "E" ], "IntervalSeconds": 0 } ]"""), "$.States.A.Retry[0].IntervalSeconds" },
        { WithRetry("""[ { "ErrorEquals": [ "E" ], "JitterStrategy": "HALF" } ]"""), "$.States.A.Retry[0].JitterStrategy" },
    };

    [Fact]
    public void Parse_CatcherToMissingState_NamesTheCatchersNext()
    {
        var problems = Problems("""{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "r", "End": true, "Catch": [ { "ErrorEquals": [ "States.ALL" ], "Next": "Z" } ] } } }""");

        Assert.Equal(["$.States.A.Catch[0].Next: 'Z' is not a state in $.States"], problems);
    }

    public static TheoryData<string, string> InvalidChoiceRules => new()
    {
        { WithChoiceRule("""{ "Variable": "$.x", "NumericEquals": "1", "Next": "B" }"""), "$.States.A.Choices[0].NumericEquals" },
        { WithChoiceRule("""{ "Variable": "$.x", "NumericEquals": 1 }"""), "$.States.A.Choices[0].Next" },
        { WithChoiceRule("""{ "Variable": "$.x", "NumericEquals": 1, "StringEquals": "a", "Next": "B" }"""), "$.States.A.Choices[0]" },
        { WithChoiceRule("""{ "NumericEquals": 1, "Next": "B" }"""), "$.States.A.Choices[0].Variable" },
        { WithChoiceRule("""{ "And": [ { "Variable": "$.x", "IsNull": true, "Next": "B" } ], "Next": "B" }"""), "$.States.A.Choices[0].And[0].Next" },
        { WithChoiceRule("""{ "Or": [], "Next": "B" }"""), "$.States.A.Choices[0].Or" },
        { WithChoiceRule("""{ "Variable": "$.x", "TimestampEquals": "yesterday", "Next": "B" }"""), "$.States.A.Choices[0].TimestampEquals" },
        { WithChoiceRule("""{ "Variable": "$.x", "StringEqualsPath": "x", "Next": "B" }"""), "$.States.A.Choices[0].StringEqualsPath" },
        { WithChoiceRule("""{ "Variable": "$.x", "IsPresent": "yes", "Next": "B" }"""), "$.States.A.Choices[0].IsPresent" },
        { WithChoiceRule("""{ "Variable": "$.x", "NumericEquals": 1, "Next": "Nowhere" }"""), "$.States.A.Choices[0].Next" },
    };

    [Theory]
    [MemberData(nameof(InvalidStates))]
    [MemberData(nameof(InvalidRetriers))]
    [MemberData(nameof(InvalidChoiceRules))]
    public void Parse_InvalidDefinition_ReportsTheProblemAtItsPath(string definition, string path)
    {
        var exception = Assert.Throws<DefinitionException>(() => StateMachine.Parse(definition));

        Assert.Contains(exception.Problems, p => p.Path == path);
    }

    [Theory]
    [InlineData("""{ "Type": "Pass", "End": true, "Assign": { "x": 1 } }""", "$.States.A.Assign", "workflow variables (Assign) are not supported by this engine")]
    [InlineData("""{ "Type": "Pass", "End": true, "InputPath": "$x.a" }""", "$.States.A.InputPath", "variables ($x) are not supported by this engine")]
    [InlineData("""{ "Type": "Map", "End": true, "ItemReader": {}, "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Succeed" } } } }""", "$.States.A.ItemReader", "'ItemReader' (Distributed Map over S3) is not supported by this engine")]
    public void Parse_WhatOnlyStepFunctionsRuns_IsRejectedThoughStatesValidateAcceptsIt(string state, string path, string message)
    {
        var definition = $$"""{ "StartAt": "A", "States": { "A": {{state}} } }""";

        var problem = Assert.Single(Problems(definition));

        Assert.Equal($"{path}: {message}", problem);
        Assert.Empty(Validation.DefinitionValidator.Validate(definition));
    }

    [Fact]
    public void Parse_UnreachableState_IsReported()
    {
        var problems = Problems("""{ "StartAt": "A", "States": { "A": { "Type": "Succeed" }, "Orphan": { "Type": "Succeed" } } }""");

        Assert.Equal(["$.States.Orphan: unreachable: no transition from StartAt leads here"], problems);
    }

    [Fact]
    public void Parse_StateNameUsedInTwoBranches_IsReported()
    {
        var problems = Problems("""
            { "StartAt": "P", "States": { "P": { "Type": "Parallel", "End": true, "Branches": [
                { "StartAt": "Same", "States": { "Same": { "Type": "Succeed" } } },
                { "StartAt": "Same", "States": { "Same": { "Type": "Succeed" } } } ] } } }
            """);

        Assert.Equal(["$.States.P.Branches[1].States.Same: the name 'Same' is already used at $.States.P.Branches[0].States.Same; state names are unique in the whole state machine"], problems);
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

        Assert.Equal(["$.States.P.Branches[0].States.In.Next: 'After' is not a state in $.States.P.Branches[0].States"], problems);
    }

    [Fact]
    public void Parse_StateNameWithSpaces_IsQuotedInThePath()
    {
        var problems = Problems("""{ "StartAt": "Order Ticket", "States": { "Order Ticket": { "Type": "Pass", "Next": "Gone" } } }""");

        Assert.Equal(["$.States['Order Ticket'].Next: 'Gone' is not a state in $.States"], problems);
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

    /// <summary>Every broken definition above, with the path of its fault: the corpus of <see cref="ParseAndValidateAgreeTests"/>.</summary>
    public static TheoryData<string, string> BrokenDefinitions()
    {
        var all = new TheoryData<string, string>();
        foreach (var row in InvalidStates.Concat(InvalidRetriers).Concat(InvalidChoiceRules))
        {
            all.Add((string)row[0], (string)row[1]);
        }

        all.Add("""{ "StartAt": "Foo", "States": { "Foo": { "Type": "Pass", "Next": "Bar" } } }""", "$.States.Foo.Next");
        all.Add("""{ "StartAt": "A", "QueryLanguage": "JSONata", "States": { "A": { "Type": "Succeed" } } }""", "$.QueryLanguage");
        all.Add("""{ "StartAt": "A", "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }""", "$.StartAt");
        all.Add("{ \"StartAt\": ", "$");
        all.Add("""{ "StartAt": "A", "States": { "A": { "Type": "Succeed" }, "Orphan": { "Type": "Succeed" } } }""", "$.States.Orphan");
        return all;
    }

    private static string WithState(string state) => $$"""{ "StartAt": "A", "States": { "A": {{state}}, "B": { "Type": "Succeed" } } }""";

    private static string WithRetry(string retry) => $$"""{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "r", "End": true, "Retry": {{retry}} } } }""";

    private static string WithChoiceRule(string rule) => $$"""{ "StartAt": "A", "States": { "A": { "Type": "Choice", "Choices": [ {{rule}} ], "Default": "B" }, "B": { "Type": "Succeed" } } }""";

    private static List<string> Problems(string definition) =>
        Assert.Throws<DefinitionException>(() => StateMachine.Parse(definition)).Problems.Select(p => p.ToString()).ToList();
}
